import { sql } from 'kysely';
import type { MatchModel } from '../domain/resolution/model.js';
import type { EntityKind } from '../domain/resolution/profile.js';
import type { Tx } from './session.js';

/** A person or organization record as the resolver reads it. */
export interface ResolvableRow {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  /** The contributing agency's country. */
  country: string | null;
}

export interface EdgeRow {
  a: string;
  b: string;
  weight: number;
  probability: number;
}

export interface DecisionRow {
  a: string;
  b: string;
  verdict: 'same' | 'different' | 'unsure';
}

const RESOLVED_SCHEMAS = (schemas: readonly string[]) => sql.join(schemas.map((s) => sql`${s}`));

export async function countResolvable(tx: Tx, schemas: readonly string[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM puente.record
    WHERE NOT retracted AND schema IN (${RESOLVED_SCHEMAS(schemas)})`.execute(tx);
  return rows[0]!.n;
}

/** Current, unretracted records of the given schemas, in id order, one page after `after`. */
export async function readResolvable(
  tx: Tx,
  schemas: readonly string[],
  after: string | null,
  limit: number,
): Promise<ResolvableRow[]> {
  const { rows } = await sql<ResolvableRow>`
    SELECT r.id, r.schema, r.properties, a.country
    FROM puente.record r JOIN puente.agency a ON a.code = r.agency
    WHERE NOT r.retracted AND r.schema IN (${RESOLVED_SCHEMAS(schemas)})
      AND (${after}::uuid IS NULL OR r.id > ${after}::uuid)
    ORDER BY r.id LIMIT ${limit}`.execute(tx);
  return rows;
}

/**
 * Records of the given schemas changed since `since` (retracted ones too: they leave their
 * entities), in id order, one page after `after`.
 */
export async function changedSince(
  tx: Tx,
  schemas: readonly string[],
  since: Date,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT r.id FROM puente.record r
    WHERE r.schema IN (${RESOLVED_SCHEMAS(schemas)}) AND r.changed_at >= ${since}
      AND (${after}::uuid IS NULL OR r.id > ${after}::uuid)
    ORDER BY r.id LIMIT ${limit}`.execute(tx);
  return rows.map((r) => r.id);
}

/** The records with these ids that the transaction may see (all of them, for the resolver). */
export async function readResolvableByIds(
  tx: Tx,
  ids: readonly string[],
): Promise<ResolvableRow[]> {
  if (!ids.length) return [];
  const { rows } = await sql<ResolvableRow>`
    SELECT r.id, r.schema, r.properties, a.country
    FROM puente.record r JOIN puente.agency a ON a.code = r.agency
    WHERE r.id = ANY(${ids as string[]}::uuid[]) AND NOT r.retracted
    ORDER BY r.id`.execute(tx);
  return rows;
}

async function insertJson(tx: Tx, table: string, columns: string, rows: object[]): Promise<void> {
  if (!rows.length) return;
  await sql`INSERT INTO ${sql.table(table)} (${sql.raw(columns)})
    SELECT ${sql.raw(columns)}
    FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
    tx,
  );
}

const CHUNK = 20_000;

async function insertChunked(tx: Tx, table: string, columns: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await insertJson(tx, table, columns, rows.slice(i, i + CHUNK));
}

export const insertKeys = (tx: Tx, rows: { key: string; record_id: string }[]) =>
  insertChunked(tx, 'puente.match_key', 'key, record_id', rows);

export const insertEdges = (tx: Tx, rows: EdgeRow[]) =>
  insertChunked(tx, 'puente.match_edge', 'a, b, weight, probability', rows);

export const insertMembers = (
  tx: Tx,
  rows: { record_id: string; entity_id: string; kind: EntityKind }[],
) => insertChunked(tx, 'puente.entity_member', 'record_id, entity_id, kind', rows);

/** Empties the resolver's tables of one kind's records before a full run rewrites them. */
export async function clearResolution(tx: Tx): Promise<void> {
  await sql`TRUNCATE puente.match_key, puente.match_edge, puente.entity_member`.execute(tx);
}

/** Removes what the resolver knew of these records, before they are matched again. */
export async function forgetRecords(tx: Tx, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const list = ids as string[];
  // One statement, one round trip: arrival matching is on the path of every new record.
  await sql`WITH keys AS (DELETE FROM puente.match_key WHERE record_id = ANY(${list}::uuid[])),
    edges AS (DELETE FROM puente.match_edge
      WHERE a = ANY(${list}::uuid[]) OR b = ANY(${list}::uuid[]))
    DELETE FROM puente.entity_member WHERE record_id = ANY(${list}::uuid[])`.execute(tx);
}

export async function forgetMembership(tx: Tx, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await sql`DELETE FROM puente.entity_member
    WHERE record_id = ANY(${ids as string[]}::uuid[])`.execute(tx);
}

/** Serialises resolver runs and arrivals: each rewrites entities the other may be reading. */
export async function lockResolution(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7404215)`.execute(tx);
}

/**
 * Lets this transaction commit without waiting for its WAL to reach disk. Only for writes that
 * are derived and can be derived again: what the resolver stores after an arrival is rebuilt by
 * the next `puente resolve` if a crash loses it, and the record itself committed durably before.
 */
export async function commitWithoutWaiting(tx: Tx): Promise<void> {
  await sql`SET LOCAL synchronous_commit = off`.execute(tx);
}

export async function saveModel(tx: Tx, model: MatchModel): Promise<number> {
  const row = await tx
    .insertInto('puente.match_model')
    .values({ kind: model.kind, model: JSON.stringify(model) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The newest fitted model of each kind: its id and creation time, without the model itself. */
export async function newestModels(
  tx: Tx,
): Promise<{ kind: EntityKind; id: number; created_at: Date }[]> {
  const { rows } = await sql<{ kind: EntityKind; id: number; created_at: Date }>`
    SELECT DISTINCT ON (kind) kind, id, created_at FROM puente.match_model
    ORDER BY kind, id DESC`.execute(tx);
  return rows;
}

export async function readModel(tx: Tx, id: number): Promise<MatchModel> {
  const { rows } = await sql<{ model: MatchModel }>`
    SELECT model FROM puente.match_model WHERE id = ${id}`.execute(tx);
  return rows[0]!.model;
}

/** Records sharing any of the keys (as many as `limit` per call), visible to the transaction. */
export async function recordsSharingKeys(
  tx: Tx,
  keys: readonly string[],
  limit: number,
): Promise<string[]> {
  if (!keys.length) return [];
  const { rows } = await sql<{ record_id: string }>`
    SELECT DISTINCT record_id FROM puente.match_key
    WHERE key = ANY(${keys as string[]}::text[]) LIMIT ${limit}`.execute(tx);
  return rows.map((r) => r.record_id);
}

/** The records sharing each key, block by block; blocks larger than `maxBlock` are left out. */
export async function blockMembers(
  tx: Tx,
  keys: readonly string[],
  maxBlock: number,
): Promise<string[][]> {
  if (!keys.length) return [];
  const { rows } = await sql<{ ids: string[] }>`
    SELECT blk.ids
    FROM unnest(${keys as string[]}::text[]) AS k(key)
    CROSS JOIN LATERAL (
      SELECT array_agg(record_id) AS ids, count(*) AS n FROM (
        SELECT record_id FROM puente.match_key m WHERE m.key = k.key LIMIT ${maxBlock + 1}
      ) x
    ) blk
    WHERE blk.n BETWEEN 2 AND ${maxBlock}`.execute(tx);
  return rows.map((r) => r.ids);
}

/** Pairs touching these records that the transaction may see. */
export async function edgesTouching(tx: Tx, ids: readonly string[]): Promise<EdgeRow[]> {
  if (!ids.length) return [];
  const list = ids as string[];
  const { rows } = await sql<EdgeRow>`
    SELECT a, b, weight, probability FROM puente.match_edge WHERE a = ANY(${list}::uuid[])
    UNION
    SELECT a, b, weight, probability FROM puente.match_edge WHERE b = ANY(${list}::uuid[])`.execute(
    tx,
  );
  return rows;
}

/** The decision in force (the latest) on each pair among these records. */
export async function decisionsAmong(tx: Tx, ids: readonly string[]): Promise<DecisionRow[]> {
  if (ids.length < 2) return [];
  const list = ids as string[];
  const { rows } = await sql<DecisionRow>`
    SELECT DISTINCT ON (a, b) a, b, verdict FROM puente.match_decision
    WHERE a = ANY(${list}::uuid[]) AND b = ANY(${list}::uuid[])
    ORDER BY a, b, decided_at DESC, id DESC`.execute(tx);
  return rows;
}

/** "Same" decisions in force that touch these records. */
export async function sameDecisionsTouching(
  tx: Tx,
  ids: readonly string[],
): Promise<DecisionRow[]> {
  if (!ids.length) return [];
  const list = ids as string[];
  const { rows } = await sql<DecisionRow>`
    SELECT a, b, verdict FROM (
      SELECT DISTINCT ON (a, b) a, b, verdict FROM puente.match_decision
      WHERE a = ANY(${list}::uuid[]) OR b = ANY(${list}::uuid[])
      ORDER BY a, b, decided_at DESC, id DESC) d
    WHERE verdict = 'same'`.execute(tx);
  return rows;
}

/** Every decision in force, for a full run. */
export async function allDecisions(tx: Tx): Promise<DecisionRow[]> {
  const { rows } = await sql<DecisionRow>`
    SELECT DISTINCT ON (a, b) a, b, verdict FROM puente.match_decision
    ORDER BY a, b, decided_at DESC, id DESC`.execute(tx);
  return rows;
}

export async function insertDecision(
  tx: Tx,
  d: DecisionRow & { id: string; note: string | null; agency: string; decided_by: string },
): Promise<void> {
  await tx.insertInto('puente.match_decision').values(d).execute();
}

/** The global entity of each of these records, and every member of those entities. */
export async function entityMembersOf(
  tx: Tx,
  ids: readonly string[],
): Promise<{ record_id: string; entity_id: string }[]> {
  if (!ids.length) return [];
  // The entity ids go in as an array the planner sees as one value: as IN (subquery) it
  // estimated thousands of members per entity and scanned the whole table (100 ms at 1M).
  const { rows } = await sql<{ record_id: string; entity_id: string }>`
    SELECT m.record_id, m.entity_id FROM puente.entity_member m
    WHERE m.entity_id = ANY (ARRAY(
      SELECT entity_id FROM puente.entity_member
      WHERE record_id = ANY(${ids as string[]}::uuid[])))`.execute(tx);
  return rows;
}

/** Fresh statistics after a full run rewrote the tables, so arrivals are planned on facts. */
export async function analyzeResolution(tx: Tx): Promise<void> {
  await sql`ANALYZE puente.match_key, puente.match_edge, puente.entity_member`.execute(tx);
}

/** Pairs for review: probable but not certain, among what the transaction may see. */
export async function reviewEdges(
  tx: Tx,
  from: number,
  to: number,
  limit: number,
  after?: { probability: number; a: string; b: string },
): Promise<EdgeRow[]> {
  const { rows } = await sql<EdgeRow>`
    SELECT e.a, e.b, e.weight, e.probability FROM puente.match_edge e
    WHERE e.probability >= ${from} AND e.probability < ${to}
      AND (${after?.probability ?? null}::real IS NULL
        OR (e.probability, e.a, e.b) > (${after?.probability ?? 0}::real, ${after?.a ?? null}::uuid, ${after?.b ?? null}::uuid))
      AND NOT EXISTS (SELECT 1 FROM puente.match_decision d WHERE d.a = e.a AND d.b = e.b)
    ORDER BY e.probability, e.a, e.b LIMIT ${limit}`.execute(tx);
  return rows;
}

/** Every record's entity, in record order, a page at a time (the export). */
export async function readMembers(
  tx: Tx,
  after: string | null,
  limit: number,
): Promise<{ record_id: string; entity_id: string; agency: string; source_ref: string | null }[]> {
  const { rows } = await sql<{
    record_id: string;
    entity_id: string;
    agency: string;
    source_ref: string | null;
  }>`
    SELECT m.record_id, m.entity_id, r.agency, r.source_ref
    FROM puente.entity_member m JOIN puente.record r ON r.id = m.record_id
    WHERE (${after}::uuid IS NULL OR m.record_id > ${after}::uuid)
    ORDER BY m.record_id LIMIT ${limit}`.execute(tx);
  return rows;
}
