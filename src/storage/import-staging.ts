import { sql } from 'kysely';
import type { Tx } from './session.js';

/*
 * An import first stages every valid row in a temporary table of its transaction, then merges
 * them by natural key: the same id may appear on many rows (a vehicle in several seizures, an
 * entity written in fragments), links may name records further down the file, and the audit
 * chain is touched only once, at the end. Memory holds one batch whatever the file size.
 */

export interface StagedItem {
  kind: 'record' | 'link';
  key: string;
  /** The record's schema, or the link's type. */
  schema: string;
  source: string | null;
  target: string | null;
  properties: Record<string, string[]>;
  marking: string;
  rel_to: string[];
  recipients: string[];
  line: number;
  raw: string;
}

export async function createStaging(tx: Tx): Promise<void> {
  await sql`CREATE TEMPORARY TABLE import_item (
    seq bigserial NOT NULL,
    kind text NOT NULL,
    key text COLLATE "C" NOT NULL,
    schema text NOT NULL,
    source text,
    target text,
    properties jsonb NOT NULL,
    marking text NOT NULL,
    rel_to text[] NOT NULL,
    recipients text[] NOT NULL,
    line integer NOT NULL,
    raw text NOT NULL
  ) ON COMMIT DROP`.execute(tx);
  await sql`CREATE TEMPORARY TABLE import_audit (seq bigserial PRIMARY KEY, ids uuid[] NOT NULL)
    ON COMMIT DROP`.execute(tx);
}

export async function stageItems(tx: Tx, items: StagedItem[]): Promise<void> {
  if (items.length === 0) return;
  await sql`INSERT INTO import_item
      (kind, key, schema, source, target, properties, marking, rel_to, recipients, line, raw)
    SELECT kind, key, schema, source, target, properties, marking, rel_to, recipients, line, raw
    FROM json_to_recordset(${JSON.stringify(items)}::json) AS x(kind text, key text,
      schema text, source text, target text, properties jsonb, marking text, rel_to text[],
      recipients text[], line integer, raw text)`.execute(tx);
}

/**
 * After staging: the rows indexed by key (built once in bulk, which costs far less than keeping
 * an index up to date row by row while staging), and statistics for the planner to use it.
 */
export async function indexStaging(tx: Tx): Promise<void> {
  await sql`CREATE INDEX ON import_item (kind, key, seq)`.execute(tx);
  await sql`ANALYZE import_item`.execute(tx);
}

const COLUMNS = sql`kind, key, schema, source, target, properties, marking, rel_to, recipients,
  line, raw`;

/**
 * The staged rows of the next whole keys after `after` (about `rows` of them), in key then file
 * order: a range scan of the (kind, key, seq) index, and the last key completed if it was cut.
 */
export async function nextStagedGroup(
  tx: Tx,
  kind: StagedItem['kind'],
  after: string | null,
  rows: number,
): Promise<StagedItem[]> {
  const { rows: page } = await sql<StagedItem>`
    SELECT ${COLUMNS} FROM import_item
    WHERE kind = ${kind} AND (${after}::text IS NULL OR key > ${after}::text)
    ORDER BY key, seq LIMIT ${rows}`.execute(tx);
  if (page.length < rows) return page;
  const lastKey = page[page.length - 1]!.key;
  const { rows: last } = await sql<StagedItem>`
    SELECT ${COLUMNS} FROM import_item WHERE kind = ${kind} AND key = ${lastKey}
    ORDER BY seq`.execute(tx);
  return [...page.filter((r) => r.key !== lastKey), ...last];
}

/** Ids written by one batch, to be listed in the audit log when the import commits. */
export async function stageAuditIds(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length) await sql`INSERT INTO import_audit (ids) VALUES (${ids}::uuid[])`.execute(tx);
}

/**
 * One audit entry per staged batch, written just before commit: the chain's head is locked from
 * the first entry to the commit, and an import must not hold it while it works.
 */
export async function auditStagedBatches(
  tx: Tx,
  e: { userId: string; agency: string; action: string; query: unknown; purpose: string | null },
): Promise<void> {
  await sql`INSERT INTO puente.audit_entry
      (user_id, agency, action, outcome, record_ids, query, purpose, result_count)
    SELECT ${e.userId}::uuid, ${e.agency}, ${e.action}, 'ok', ids, ${JSON.stringify(e.query)}::jsonb,
      ${e.purpose}, cardinality(ids)
    FROM import_audit ORDER BY seq`.execute(tx);
}
