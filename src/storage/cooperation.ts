import { sql, type RawBuilder } from 'kysely';
import type { SeizureFact, TraceFact } from '../domain/cooperation/indicators.js';
import { isUuid } from '../domain/ids.js';
import type { LinkRow } from './links.js';
import type { RecordRow } from './records.js';
import type { Tx } from './session.js';

// The cooperation tracker's queries. Meetings and commitments are records and their ties are
// links, read here as the viewer (row-level security decides what each query returns); the
// indicator bindings and the evidence of progress updates are the two tables of migration 0012.

export interface CommitmentQuery {
  /** Stored statuses ("on track"). */
  statuses?: readonly string[];
  leadCountries?: readonly string[];
  /** Compared case-insensitively. */
  leadAgencies?: readonly string[];
  /** Lower-cased spellings of the wanted topics. */
  topicSpellings?: readonly string[];
  /** Due on or before / on or after these days. */
  dueBefore?: string;
  dueAfter?: string;
  /** Only commitments at risk (with the statuses above, both must hold). */
  atRisk?: boolean;
  /** Only open commitments due before this day. */
  overdueOn?: string;
  /** Only commitments agreed at this meeting. */
  meetingId?: string;
  /** Cursor: the last commitment of the previous page. */
  after?: string;
  limit: number;
}

const CLOSED = sql`ARRAY['done', 'dropped']::text[]`;

/** Commitments the viewer may see, soonest due first (the tracker's order). */
export async function listCommitmentRows(tx: Tx, q: CommitmentQuery): Promise<RecordRow[]> {
  const where: RawBuilder<unknown>[] = [sql`r.schema = 'Commitment'`, sql`NOT r.retracted`];
  if (q.statuses?.length) where.push(sql`r.properties -> 'status' ?| ${q.statuses}::text[]`);
  if (q.atRisk) where.push(sql`r.properties -> 'status' ? 'at risk'`);
  if (q.leadCountries?.length)
    where.push(sql`r.properties -> 'leadCountry' ?| ${q.leadCountries}::text[]`);
  if (q.leadAgencies?.length) {
    where.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(r.properties -> 'leadAgency') a
      WHERE upper(a) = ANY (${q.leadAgencies.map((a) => a.toUpperCase())}::text[]))`);
  }
  if (q.topicSpellings?.length) {
    where.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(r.properties -> 'topic') x
      WHERE lower(x) = ANY (${q.topicSpellings}::text[]))`);
  }
  if (q.dueBefore) where.push(sql`r.event_date <= ${q.dueBefore}::date`);
  if (q.dueAfter) where.push(sql`r.event_date >= ${q.dueAfter}::date`);
  if (q.overdueOn) {
    where.push(sql`r.event_date < ${q.overdueOn}::date
      AND NOT coalesce(r.properties -> 'status' ?| ${CLOSED}, false)`);
  }
  if (q.meetingId) {
    where.push(sql`EXISTS (SELECT 1 FROM puente.link l WHERE l.source_id = r.id
      AND l.target_id = ${q.meetingId}::uuid AND l.link_type = 'agreed_at' AND NOT l.retracted)`);
  }
  if (q.after) {
    where.push(sql`(coalesce(r.event_date, 'infinity'::date), r.id) >
      (SELECT coalesce(c.event_date, 'infinity'::date), c.id FROM puente.record c
       WHERE c.id = ${q.after}::uuid)`);
  }
  const { rows } = await sql<RecordRow>`
    SELECT r.* FROM puente.record r WHERE ${sql.join(where, sql` AND `)}
    ORDER BY coalesce(r.event_date, 'infinity'::date), r.id LIMIT ${q.limit}`.execute(tx);
  return rows;
}

export interface MeetingQuery {
  from?: string;
  to?: string;
  countries?: readonly string[];
  topicSpellings?: readonly string[];
  format?: string;
  after?: string;
  limit: number;
}

/** Meetings the viewer may see, latest first. */
export async function listMeetingRows(tx: Tx, q: MeetingQuery): Promise<RecordRow[]> {
  const where: RawBuilder<unknown>[] = [sql`r.schema = 'Meeting'`, sql`NOT r.retracted`];
  if (q.from) where.push(sql`r.event_date >= ${q.from}::date`);
  if (q.to) where.push(sql`r.event_date <= ${q.to}::date`);
  if (q.countries?.length) where.push(sql`r.countries && ${q.countries}::text[]`);
  if (q.topicSpellings?.length) {
    where.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(r.properties -> 'topics') x
      WHERE lower(x) = ANY (${q.topicSpellings}::text[]))`);
  }
  if (q.format) where.push(sql`r.properties -> 'format' ? ${q.format}`);
  if (q.after) {
    where.push(sql`(coalesce(r.event_date, '-infinity'::date), r.id) <
      (SELECT coalesce(c.event_date, '-infinity'::date), c.id FROM puente.record c
       WHERE c.id = ${q.after}::uuid)`);
  }
  const { rows } = await sql<RecordRow>`
    SELECT r.* FROM puente.record r WHERE ${sql.join(where, sql` AND `)}
    ORDER BY coalesce(r.event_date, '-infinity'::date) DESC, r.id DESC LIMIT ${q.limit}`.execute(
    tx,
  );
  return rows;
}

/** Current links of one type ending at (`into`) or starting from (`from`) these records. */
export async function linksOfType(
  tx: Tx,
  type: string,
  end: 'into' | 'from',
  ids: readonly string[],
): Promise<LinkRow[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return tx
    .selectFrom('puente.link')
    .selectAll()
    .where('link_type', '=', type)
    .where(end === 'into' ? 'target_id' : 'source_id', 'in', valid)
    .where('retracted', '=', false)
    .orderBy('id')
    .execute();
}

export interface IndicatorBindingRow {
  commitment_id: string;
  indicator: string;
  target: number;
  agency: string;
  created_at: Date;
}

export async function insertIndicatorBinding(
  tx: Tx,
  row: {
    commitment_id: string;
    indicator: string;
    target: number;
    agency: string;
    created_by: string;
  },
): Promise<void> {
  await sql`INSERT INTO puente.commitment_indicator
      (commitment_id, indicator, target, agency, created_by)
    VALUES (${row.commitment_id}::uuid, ${row.indicator}, ${row.target}, ${row.agency},
      ${row.created_by}::uuid)`.execute(tx);
}

/** The current binding (the latest row) of each of these commitments the viewer may see. */
export async function findIndicatorBindings(
  tx: Tx,
  ids: readonly string[],
): Promise<IndicatorBindingRow[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const { rows } = await sql<IndicatorBindingRow>`
    SELECT DISTINCT ON (commitment_id) commitment_id, indicator, target::float8 AS target, agency,
      created_at
    FROM puente.commitment_indicator WHERE commitment_id = ANY (${valid}::uuid[])
    ORDER BY commitment_id, seq DESC`.execute(tx);
  return rows;
}

export async function insertEvidence(
  tx: Tx,
  rows: readonly {
    commitment_id: string;
    version: number;
    record_id: string;
    agency: string;
    added_by: string;
  }[],
): Promise<void> {
  if (!rows.length) return;
  await sql`INSERT INTO puente.commitment_evidence
      (commitment_id, version, record_id, agency, added_by)
    SELECT commitment_id, version, record_id, agency, added_by
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS e(commitment_id uuid, version integer, record_id uuid, agency text, added_by uuid)`.execute(
    tx,
  );
}

export interface EvidenceRow {
  version: number;
  record_id: string;
  schema: string;
  caption: string;
}

/** The evidence of a commitment's updates that the viewer may see: both ends visible. */
export async function listEvidence(tx: Tx, commitmentId: string): Promise<EvidenceRow[]> {
  if (!isUuid(commitmentId)) return [];
  const { rows } = await sql<EvidenceRow>`
    SELECT e.version, r.id AS record_id, r.schema, r.caption
    FROM puente.commitment_evidence e JOIN puente.record r ON r.id = e.record_id
    WHERE e.commitment_id = ${commitmentId}::uuid
    ORDER BY e.version, r.caption, r.id`.execute(tx);
  return rows;
}

/** Seizures of these drugs dated in [from, before), as the viewer sees them. */
export async function readSeizureFacts(
  tx: Tx,
  q: { drugs: readonly string[]; from: string; before: string },
): Promise<SeizureFact[]> {
  const { rows } = await sql<{
    day: string;
    drug: string[] | null;
    port: string[] | null;
    place: string[] | null;
    address: string[] | null;
    quantity: string[] | null;
  }>`
    SELECT r.event_date::text AS day, r.properties -> 'drug' AS drug,
      r.properties -> 'portOfEntry' AS port, r.properties -> 'place' AS place,
      r.properties -> 'address' AS address, r.properties -> 'quantity' AS quantity
    FROM puente.record r
    WHERE r.schema = 'Seizure' AND NOT r.retracted
      AND r.event_date >= ${q.from}::date AND r.event_date < ${q.before}::date
      AND r.properties -> 'drug' ?| ${q.drugs}::text[]`.execute(tx);
  return rows.map((r) => ({
    day: r.day,
    drug: r.drug ?? [],
    portOfEntry: r.port ?? [],
    place: r.place ?? [],
    address: r.address ?? [],
    quantity: r.quantity ?? [],
  }));
}

/** Trace requests submitted in [from, before) that the viewer may see (its own, or all for a tracer). */
export async function readTraceFacts(
  tx: Tx,
  q: { from: string; before: string },
): Promise<TraceFact[]> {
  const { rows } = await sql<{ submitted_at: Date | string; answered_at: Date | string | null }>`
    SELECT q.submitted_at, q.answered_at FROM puente.trace_request q
    WHERE q.submitted_at >= ${`${q.from}T00:00:00Z`}::timestamptz
      AND q.submitted_at < ${`${q.before}T00:00:00Z`}::timestamptz`.execute(tx);
  const iso = (d: Date | string) => new Date(d).toISOString();
  return rows.map((r) => ({
    submittedAt: iso(r.submitted_at),
    answeredAt: r.answered_at === null ? null : iso(r.answered_at),
  }));
}
