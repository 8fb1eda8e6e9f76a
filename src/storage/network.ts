import { sql } from 'kysely';
import type { LinkFact, RecordFact } from '../domain/network/facts.js';
import { identityOf, IDENTIFIED_SCHEMAS } from '../domain/network/identity.js';
import type { Tlp } from '../domain/policy/sharing.js';
import type { DecisionRow, EdgeRow } from './resolution.js';
import type { Db } from './database.js';
import type { Tx } from './session.js';

/** Records that take part in a network: node schemas, and calls (which become ties). */
export const NETWORK_SCHEMAS = [
  'Person',
  'Organization',
  'Company',
  'Phone',
  'Vehicle',
  'Address',
  'Firearm',
  'Seizure',
  'Recovery',
  'Sale',
  'Smuggling',
  'Meeting',
  'Call',
] as const;

const schemaList = sql.join(NETWORK_SCHEMAS.map((s) => sql`${s}`));
const identified = sql.join(IDENTIFIED_SCHEMAS.map((s) => sql`${s}`));

interface RecordFactRow {
  id: string;
  schema: string;
  caption: string;
  date: string | null;
  countries: string[];
  marking: Tlp;
  properties: Record<string, string[]> | null;
}

const recordColumns = sql`id, schema, caption, event_date::text AS date, countries, marking,
  CASE WHEN schema IN (${identified}) THEN properties END AS properties`;

const toRecordFact = (r: RecordFactRow): RecordFact => ({
  id: r.id,
  schema: r.schema,
  caption: r.caption,
  date: r.date,
  countries: r.countries,
  marking: r.marking,
  identity: r.properties ? identityOf(r.schema, r.properties) : null,
});

/** A page of the records the transaction may see that take part in networks, in id order. */
export async function readRecordFacts(
  tx: Tx,
  after: string | null,
  limit: number,
): Promise<RecordFact[]> {
  const { rows } = await sql<RecordFactRow>`
    SELECT ${recordColumns} FROM puente.record
    WHERE NOT retracted AND schema IN (${schemaList})
      AND (${after}::uuid IS NULL OR id > ${after}::uuid)
    ORDER BY id LIMIT ${limit}`.execute(tx);
  return rows.map(toRecordFact);
}

/** Of these records, those the transaction may see that take part in networks. */
export async function readRecordFactsByIds(tx: Tx, ids: readonly string[]): Promise<RecordFact[]> {
  if (!ids.length) return [];
  const { rows } = await sql<RecordFactRow>`
    SELECT ${recordColumns} FROM puente.record
    WHERE id = ANY(${ids as string[]}::uuid[]) AND NOT retracted AND schema IN (${schemaList})`.execute(
    tx,
  );
  return rows.map(toRecordFact);
}

interface LinkFactRow {
  id: string;
  type: string;
  source: string;
  target: string;
  marking: Tlp;
  role: string | null;
  dates: string[] | null;
}

const linkColumns = sql`id, link_type AS type, source_id AS source, target_id AS target, marking,
  properties->'role'->>0 AS role,
  ARRAY(SELECT jsonb_array_elements_text(coalesce(properties->'date', '[]'))
    UNION ALL SELECT jsonb_array_elements_text(coalesce(properties->'startDate', '[]'))
    UNION ALL SELECT jsonb_array_elements_text(coalesce(properties->'endDate', '[]'))) AS dates`;

const toLinkFact = (r: LinkFactRow): LinkFact => ({
  id: r.id,
  type: r.type,
  source: r.source,
  target: r.target,
  marking: r.marking,
  role: r.role,
  dates: (r.dates ?? []).map((d) => d.slice(0, 10)),
});

/** A page of the links the transaction may see, in id order. */
export async function readLinkFacts(
  tx: Tx,
  after: string | null,
  limit: number,
): Promise<LinkFact[]> {
  const { rows } = await sql<LinkFactRow>`
    SELECT ${linkColumns} FROM puente.link
    WHERE NOT retracted AND (${after}::uuid IS NULL OR id > ${after}::uuid)
    ORDER BY id LIMIT ${limit}`.execute(tx);
  return rows.map(toLinkFact);
}

/** Of these links, and of the links touching these records, those the transaction may see. */
export async function readLinkFactsAround(
  tx: Tx,
  linkIds: readonly string[],
  recordIds: readonly string[],
): Promise<LinkFact[]> {
  if (!linkIds.length && !recordIds.length) return [];
  const links = linkIds as string[];
  const records = recordIds as string[];
  const { rows } = await sql<LinkFactRow>`
    SELECT ${linkColumns} FROM puente.link WHERE id = ANY(${links}::uuid[]) AND NOT retracted
    UNION
    SELECT ${linkColumns} FROM puente.link WHERE source_id = ANY(${records}::uuid[]) AND NOT retracted
    UNION
    SELECT ${linkColumns} FROM puente.link WHERE target_id = ANY(${records}::uuid[]) AND NOT retracted`.execute(
    tx,
  );
  return rows.map(toLinkFact);
}

/** Likely-match pairs the transaction may see, from `minimum` probability, one page. */
export async function readMatchPairs(
  tx: Tx,
  minimum: number,
  after: { a: string; b: string } | null,
  limit: number,
): Promise<EdgeRow[]> {
  const { rows } = await sql<EdgeRow>`
    SELECT a, b, weight, probability FROM puente.match_edge
    WHERE probability >= ${minimum}
      AND (${after?.a ?? null}::uuid IS NULL OR (a, b) > (${after?.a ?? null}::uuid, ${after?.b ?? null}::uuid))
    ORDER BY a, b LIMIT ${limit}`.execute(tx);
  return rows;
}

/** Likely-match pairs touching these records that the transaction may see. */
export async function readMatchPairsTouching(
  tx: Tx,
  minimum: number,
  ids: readonly string[],
): Promise<EdgeRow[]> {
  if (!ids.length) return [];
  const list = ids as string[];
  const { rows } = await sql<EdgeRow>`
    SELECT a, b, weight, probability FROM puente.match_edge
    WHERE a = ANY(${list}::uuid[]) AND probability >= ${minimum}
    UNION
    SELECT a, b, weight, probability FROM puente.match_edge
    WHERE b = ANY(${list}::uuid[]) AND probability >= ${minimum}`.execute(tx);
  return rows;
}

/** The decisions in force (same or different) that the transaction may see, touching `ids` or all. */
export async function readDecisions(tx: Tx, ids: readonly string[] | null): Promise<DecisionRow[]> {
  const list = (ids ?? []) as string[];
  const { rows } = await sql<DecisionRow>`
    SELECT a, b, verdict FROM (
      SELECT DISTINCT ON (a, b) a, b, verdict FROM puente.match_decision
      WHERE ${ids === null} OR a = ANY(${list}::uuid[]) OR b = ANY(${list}::uuid[])
      ORDER BY a, b, decided_at DESC, id DESC) d
    WHERE verdict <> 'unsure'`.execute(tx);
  return rows;
}

export interface Changes {
  /** The snapshot's xmin: every transaction this read could not see has an id at or above it. */
  xmin: string;
  records: string[];
  links: string[];
  /** Records whose match pairs or decisions changed. */
  matched: string[];
  /** The newest fitted models: a new one means every pair was scored again. */
  models: string;
}

/**
 * What changed since `since` (an xmin from an earlier call; null: nothing known yet), as ids
 * only. Read by the owner, outside the sharing rules, because a cached graph must also learn
 * that a record it holds was re-marked out of its viewer's sight; the ids are used to evict or
 * re-read through the viewer's own transaction, never returned.
 */
export async function changesSince(db: Db | Tx, since: string | null): Promise<Changes> {
  // One statement, so one snapshot: the xmin it reports bounds exactly the changes it lists.
  const { rows } = await sql<{
    xmin: string;
    models: string | null;
    records: string[] | null;
    links: string[] | null;
    matched: string[] | null;
  }>`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin,
      (SELECT string_agg(id::text, ',' ORDER BY id) FROM (
        SELECT DISTINCT ON (kind) id FROM puente.match_model ORDER BY kind, id DESC) m) AS models,
      (SELECT array_agg(id::text) FROM puente.record
        WHERE changed_xid >= ${since}::xid8) AS records,
      (SELECT array_agg(id::text) FROM puente.link
        WHERE changed_xid >= ${since}::xid8) AS links,
      (SELECT array_agg(id::text) FROM (
        SELECT a AS id FROM puente.match_edge WHERE changed_xid >= ${since}::xid8
        UNION SELECT b FROM puente.match_edge WHERE changed_xid >= ${since}::xid8
        UNION SELECT a FROM puente.match_decision WHERE changed_xid >= ${since}::xid8
        UNION SELECT b FROM puente.match_decision WHERE changed_xid >= ${since}::xid8) m) AS matched`.execute(
    db,
  );
  const head = rows[0]!;
  return {
    xmin: head.xmin,
    records: head.records ?? [],
    links: head.links ?? [],
    matched: head.matched ?? [],
    models: head.models ?? '',
  };
}
