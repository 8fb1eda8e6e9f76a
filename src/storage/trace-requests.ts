import { sql } from 'kysely';
import type { FirearmDescription, RankedCandidate, Reason } from '../domain/tracing/types.js';
import type { TraceStatus } from '../domain/tracing/status.js';
import type { Tx } from './session.js';

export interface RecoveryDetails {
  date: string;
  country: string;
  state?: string;
  place?: string;
  circumstances?: string;
  caseNumber?: string;
}

export interface TracePerson {
  role: 'possessor' | 'associate';
  name: string;
  recordId?: string;
}

export interface NewTraceRequest {
  id: string;
  agency: string;
  requested_by: string;
  officer: string;
  priority: string;
  status: TraceStatus;
  reason: Reason;
  firearm: FirearmDescription;
  maker: string;
  serial_key: string;
  serial_full: boolean;
  recovery: RecoveryDetails;
  recovered_on: string;
  recovery_country: string;
  recovery_id: string | null;
  firearm_id: string | null;
  people: TracePerson[];
  case_number: string;
  submitted_at: string;
  deadline_at: string;
}

export interface TraceRequestRow extends NewTraceRequest {
  candidates: RankedCandidate[];
  updated_at: string;
  answered_at: string | null;
}

const REQUEST_COLUMNS = sql.raw(`q.id, q.agency, q.requested_by, q.officer, q.priority, q.status,
  q.reason, q.firearm, q.maker, q.serial_key, q.serial_full, q.recovery,
  q.recovered_on::text AS recovered_on, q.recovery_country, q.recovery_id, q.firearm_id, q.people,
  q.case_number, q.candidates, q.submitted_at, q.deadline_at, q.updated_at, q.answered_at`);

export async function insertTraceRequests(tx: Tx, rows: readonly NewTraceRequest[]) {
  if (!rows.length) return;
  await sql`INSERT INTO puente.trace_request (id, agency, requested_by, officer, priority, status,
      reason, firearm, maker, serial_key, serial_full, recovery, recovered_on, recovery_country,
      recovery_id, firearm_id, people, case_number, submitted_at, deadline_at, updated_at)
    SELECT id, agency, requested_by, officer, priority, status, reason, firearm, maker, serial_key,
      serial_full, recovery, recovered_on, recovery_country, recovery_id, firearm_id, people,
      case_number, submitted_at, deadline_at, submitted_at
    FROM json_populate_recordset(NULL::puente.trace_request, ${JSON.stringify(rows)}::json)`.execute(
    tx,
  );
  await sql`INSERT INTO puente.trace_event (request_id, status, reason, agency, user_id)
    SELECT id, status, reason, agency, requested_by
    FROM json_populate_recordset(NULL::puente.trace_request, ${JSON.stringify(rows)}::json)`.execute(
    tx,
  );
}

/** The viewer's own earlier requests for any of these guns (maker + whole serial). */
export async function findRequestsForGuns(
  tx: Tx,
  agency: string,
  guns: readonly { maker: string; key: string }[],
): Promise<{ id: string; maker: string; serial_key: string }[]> {
  if (!guns.length) return [];
  const { rows } = await sql<{ id: string; maker: string; serial_key: string }>`
    SELECT q.id, q.maker, q.serial_key
    FROM unnest(${guns.map((g) => g.maker)}::text[], ${guns.map((g) => g.key)}::text[]) AS w(maker, key)
    JOIN puente.trace_request q ON q.agency = ${agency} AND q.serial_full
      AND q.maker = w.maker COLLATE "C" AND q.serial_key = w.key COLLATE "C"`.execute(tx);
  return rows;
}

export async function findTraceRequests(
  tx: Tx,
  ids: readonly string[],
): Promise<TraceRequestRow[]> {
  if (!ids.length) return [];
  const { rows } = await sql<TraceRequestRow>`
    SELECT ${REQUEST_COLUMNS} FROM puente.trace_request q WHERE q.id = ANY (${ids}::uuid[])
    ORDER BY q.id`.execute(tx);
  return rows;
}

export interface TraceListQuery {
  status?: readonly TraceStatus[];
  agency?: string;
  overdueAt?: Date;
  after?: string;
  limit: number;
}

/** Requests the viewer may see, oldest deadline first (the queue a tracer works through). */
export async function listTraceRequests(tx: Tx, q: TraceListQuery): Promise<TraceRequestRow[]> {
  const where = [sql`true`];
  if (q.status?.length) where.push(sql`q.status = ANY (${q.status}::text[])`);
  if (q.agency) where.push(sql`q.agency = ${q.agency}`);
  if (q.overdueAt) {
    where.push(sql`q.deadline_at < ${q.overdueAt}
      AND q.status IN ('submitted', 'in_progress')`);
  }
  if (q.after) {
    where.push(sql`(q.deadline_at, q.id) > (SELECT deadline_at, id FROM puente.trace_request
      WHERE id = ${q.after}::uuid)`);
  }
  const { rows } = await sql<TraceRequestRow>`
    SELECT ${REQUEST_COLUMNS} FROM puente.trace_request q
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY q.deadline_at, q.id LIMIT ${q.limit}`.execute(tx);
  return rows;
}

/** Requests waiting for a trace, most urgent first, locked so two runs never take the same. */
/**
 * The next requests of the queue, locked for this transaction. The queue is walked in order on
 * its own index (migration 0013) with sorting off for the statement: after a large submission
 * the statistics still say few requests wait, and the planner would rather collect every waiting
 * request and sort them, at a cost that grows with the queue (90 ms a batch at 100,000).
 */
export async function takePendingRequests(tx: Tx, limit: number): Promise<TraceRequestRow[]> {
  const { rows: setting } = await sql<{ was: string }>`
    SELECT current_setting('enable_sort') AS was, set_config('enable_sort', 'off', true)`.execute(
    tx,
  );
  const { rows } = await sql<TraceRequestRow>`
    SELECT ${REQUEST_COLUMNS} FROM puente.trace_request q
    WHERE q.status = 'submitted'
    ORDER BY q.deadline_at, q.id LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`.execute(tx);
  await sql`SELECT set_config('enable_sort', ${setting[0]!.was}, true)`.execute(tx);
  return rows;
}

export interface StatusChange {
  id: string;
  status: TraceStatus;
  reason: Reason;
  candidates: RankedCandidate[] | null;
  final: boolean;
}

/**
 * Moves requests on and records each move in their history, as the viewer. A request may move
 * more than once (started, then answered): its row is written once, with its last move, and
 * every move goes into its history in order.
 */
export async function changeTraceStatus(
  tx: Tx,
  changes: readonly StatusChange[],
  by: { agency: string; userId: string },
): Promise<void> {
  if (!changes.length) return;
  const last = [...new Map(changes.map((c) => [c.id, c])).values()];
  await sql`UPDATE puente.trace_request q
    SET status = c.status, reason = c.reason, updated_at = clock_timestamp(),
      candidates = coalesce(c.candidates, q.candidates),
      answered_at = CASE WHEN c.final THEN clock_timestamp() END
    FROM json_to_recordset(${JSON.stringify(last)}::json)
      AS c(id uuid, status text, reason jsonb, candidates jsonb, final boolean)
    WHERE q.id = c.id`.execute(tx);
  const moves = changes.map((c) => ({ id: c.id, status: c.status, reason: c.reason }));
  await sql`INSERT INTO puente.trace_event (request_id, status, reason, agency, user_id)
    SELECT (m.v->>'id')::uuid, m.v->>'status', (m.v->'reason')::jsonb, ${by.agency},
      ${by.userId}::uuid
    FROM json_array_elements(${JSON.stringify(moves)}::json) WITH ORDINALITY AS m(v, n)
    ORDER BY m.n`.execute(tx);
}

export interface TraceEventRow {
  request_id: string;
  at: string;
  status: TraceStatus;
  reason: Reason;
  agency: string;
  user_id: string;
}

export async function listTraceEvents(tx: Tx, requestId: string): Promise<TraceEventRow[]> {
  const { rows } = await sql<TraceEventRow>`
    SELECT request_id, at, status, reason, agency, user_id FROM puente.trace_event
    WHERE request_id = ${requestId}::uuid ORDER BY seq`.execute(tx);
  return rows;
}

/** A gun the viewer's agency recovered (Firearm —recovered_in→ Recovery) with no request yet. */
export interface RecoveredGunRow {
  firearm_id: string;
  firearm: Record<string, string[]>;
  recovery_id: string;
  recovery: Record<string, string[]>;
  people: { id: string; caption: string }[];
}

export async function unrequestedRecoveredGuns(
  tx: Tx,
  agency: string,
  limit: number,
): Promise<RecoveredGunRow[]> {
  const { rows } = await sql<RecoveredGunRow>`
    SELECT f.id AS firearm_id, f.properties AS firearm, r.id AS recovery_id,
      r.properties AS recovery,
      coalesce((SELECT json_agg(json_build_object('id', p.id, 'caption', p.caption) ORDER BY p.id)
        FROM puente.link i JOIN puente.record p ON p.id = i.source_id AND p.schema = 'Person'
        WHERE i.target_id = r.id AND i.link_type = 'involved_in' AND NOT i.retracted), '[]')
        AS people
    FROM puente.record r
    JOIN puente.link l ON l.target_id = r.id AND l.link_type = 'recovered_in' AND NOT l.retracted
    JOIN puente.record f ON f.id = l.source_id AND f.schema = 'Firearm' AND NOT f.retracted
      AND f.agency = ${agency}
    WHERE r.schema = 'Recovery' AND r.agency = ${agency} AND NOT r.retracted
      AND NOT EXISTS (SELECT 1 FROM puente.trace_request q WHERE q.firearm_id = f.id)
    ORDER BY r.id, f.id LIMIT ${limit}`.execute(tx);
  return rows;
}
