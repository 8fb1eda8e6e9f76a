import { sql } from 'kysely';
import type { SaleCandidate } from '../domain/tracing/types.js';
import type { Tx } from './session.js';

/** A sold gun as records hold it: the Firearm, the Sale it was sold in, and who bought it. */
export interface SoldGunRow {
  firearm_id: string;
  firearm: Record<string, string[]>;
  sale_id: string;
  sale: Record<string, string[]>;
  sold_link_id: string;
  buyer_id: string | null;
  purchase_link_id: string | null;
}

/** One row of the sales index, as the indexer writes it. */
export interface SaleIndexRow {
  firearm_id: string;
  sale_id: string;
  sold_link_id: string;
  buyer_id: string | null;
  purchase_link_id: string | null;
  maker: string;
  serial_key: string;
  /** The key reversed, for serials legible only at their end. */
  serial_end: string;
  model: string;
  type: string;
  caliber: string;
  importer: string;
  sale_date: string;
  dealer_name: string;
  dealer_license: string;
  dealer_state: string;
  country: string;
  multiple_sale: boolean;
}

const SOLD_GUNS = sql`
  SELECT f.id AS firearm_id, f.properties AS firearm, s.id AS sale_id, s.properties AS sale,
    l.id AS sold_link_id, p.source_id AS buyer_id, p.id AS purchase_link_id
  FROM puente.record f
  JOIN LATERAL (SELECT l.id, l.target_id FROM puente.link l
                WHERE l.source_id = f.id AND l.link_type = 'sold_in' AND NOT l.retracted
                ORDER BY l.id LIMIT 1) l ON true
  JOIN puente.record s ON s.id = l.target_id AND s.schema = 'Sale' AND NOT s.retracted
  LEFT JOIN LATERAL (SELECT p.id, p.source_id FROM puente.link p
                     WHERE p.target_id = f.id AND p.link_type = 'purchased' AND NOT p.retracted
                     ORDER BY p.id LIMIT 1) p ON true
  WHERE f.schema = 'Firearm' AND NOT f.retracted`;

/** Sold guns in id order, one page after `after` (the indexer's full pass). */
export async function readSoldGuns(
  tx: Tx,
  after: string | null,
  limit: number,
): Promise<SoldGunRow[]> {
  const { rows } = await sql<SoldGunRow>`${SOLD_GUNS}
    AND (${after}::uuid IS NULL OR f.id > ${after}::uuid)
    ORDER BY f.id LIMIT ${limit}`.execute(tx);
  return rows;
}

/** The guns that changes to these records or links may have sold, bought or unsold. */
export async function firearmsTouchedBy(tx: Tx, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const { rows } = await sql<{ id: string }>`
    WITH t AS (SELECT unnest(${ids}::uuid[]) AS id)
    SELECT f.id FROM puente.record f JOIN t ON t.id = f.id WHERE f.schema = 'Firearm'
    UNION SELECT l.source_id FROM puente.link l JOIN t ON t.id = l.target_id
      WHERE l.link_type = 'sold_in'
    UNION SELECT l.target_id FROM puente.link l JOIN t ON t.id = l.id
      WHERE l.link_type = 'purchased'
    UNION SELECT l.source_id FROM puente.link l JOIN t ON t.id = l.id
      WHERE l.link_type = 'sold_in'`.execute(tx);
  return rows.map((r) => r.id);
}

/** Guns whose Firearm or Sale record, or sold_in or purchased link, changed since `since`. */
export async function firearmsChangedSince(tx: Tx, since: Date): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT f.id FROM puente.record f WHERE f.schema = 'Firearm' AND f.changed_at >= ${since}
    UNION SELECT l.source_id FROM puente.link l
      WHERE l.link_type = 'sold_in' AND l.changed_at >= ${since}
    UNION SELECT l.target_id FROM puente.link l
      WHERE l.link_type = 'purchased' AND l.changed_at >= ${since}
    UNION SELECT l.source_id FROM puente.record s JOIN puente.link l
      ON l.target_id = s.id AND l.link_type = 'sold_in'
      WHERE s.schema = 'Sale' AND s.changed_at >= ${since}`.execute(tx);
  return rows.map((r) => r.id);
}

export async function readSoldGunsByIds(tx: Tx, ids: readonly string[]): Promise<SoldGunRow[]> {
  if (!ids.length) return [];
  const { rows } = await sql<SoldGunRow>`${SOLD_GUNS} AND f.id = ANY (${ids}::uuid[])`.execute(tx);
  return rows;
}

/** Replaces the index rows of these guns by `rows` (a gun no longer sold keeps none). */
export async function writeSaleIndex(
  tx: Tx,
  firearmIds: readonly string[],
  rows: readonly SaleIndexRow[],
): Promise<void> {
  if (firearmIds.length) {
    await sql`DELETE FROM puente.trace_sale WHERE firearm_id = ANY (${firearmIds}::uuid[])`.execute(
      tx,
    );
  }
  if (!rows.length) return;
  await sql`INSERT INTO puente.trace_sale
    SELECT * FROM json_populate_recordset(NULL::puente.trace_sale, ${JSON.stringify(rows)}::json)`.execute(
    tx,
  );
}

export async function clearSaleIndex(tx: Tx): Promise<void> {
  await sql`TRUNCATE puente.trace_sale`.execute(tx);
}

interface CandidateRow {
  firearm_id: string;
  sale_id: string;
  sold_link_id: string;
  buyer_id: string | null;
  purchase_link_id: string | null;
  maker: string;
  serial_key: string;
  model: string;
  type: string;
  caliber: string;
  importer: string;
  sale_date: string;
  dealer_name: string;
  dealer_license: string;
  dealer_state: string;
  country: string;
  multiple_sale: boolean;
}

// The buyer only where the viewer sees both the buyer and the purchase (the link is visible
// only where both its ends are).
const CANDIDATE_COLUMNS = sql`s.firearm_id, s.sale_id, s.sold_link_id,
  CASE WHEN EXISTS (SELECT 1 FROM puente.link p WHERE p.id = s.purchase_link_id)
    THEN s.buyer_id END AS buyer_id,
  CASE WHEN EXISTS (SELECT 1 FROM puente.link p WHERE p.id = s.purchase_link_id)
    THEN s.purchase_link_id END AS purchase_link_id,
  s.maker, s.serial_key, s.model, s.type, s.caliber, s.importer, s.sale_date::text AS sale_date,
  s.dealer_name, s.dealer_license, s.dealer_state, s.country, s.multiple_sale`;

const toCandidate = (r: CandidateRow): SaleCandidate => ({
  firearmId: r.firearm_id,
  saleId: r.sale_id,
  soldLinkId: r.sold_link_id,
  buyerId: r.buyer_id,
  purchaseLinkId: r.purchase_link_id,
  maker: r.maker,
  serialKey: r.serial_key,
  model: r.model,
  type: r.type,
  caliber: r.caliber,
  importer: r.importer,
  saleDate: r.sale_date,
  dealerName: r.dealer_name,
  dealerLicense: r.dealer_license,
  dealerState: r.dealer_state,
  country: r.country,
  multipleSale: r.multiple_sale,
});

/** The visible sales of guns with exactly these makers and serial keys, in one query. */
export async function salesWithSerials(
  tx: Tx,
  wanted: readonly { maker: string; key: string }[],
): Promise<SaleCandidate[]> {
  if (!wanted.length) return [];
  // A lateral probe per gun (OFFSET 0 keeps it one): with hundreds of guns the planner would
  // otherwise hash-join over the whole index, checking the policy on every row.
  const { rows } = await sql<CandidateRow>`
    SELECT c.* FROM unnest(${wanted.map((w) => w.maker)}::text[], ${wanted.map((w) => w.key)}::text[])
      AS q(maker, key)
    CROSS JOIN LATERAL (
      SELECT ${CANDIDATE_COLUMNS} FROM puente.trace_sale s
      WHERE s.maker = q.maker COLLATE "C" AND s.serial_key = q.key COLLATE "C" OFFSET 0) c`.execute(
    tx,
  );
  return rows.map(toCandidate);
}

/** At most this many sales fit one partial serial before it is too vague to rank. */
export const MAX_PATTERN_CANDIDATES = 200;

export interface PatternQuery {
  maker: string;
  /** The pattern over keys, or over reversed keys when `reversed`. */
  pattern: string;
  reversed: boolean;
}

/**
 * The visible sales whose serial fits each pattern, all patterns in one statement (planning a
 * query under row-level security costs more than running it). The index is entered by the
 * legible run before the first unknown character (in the reversed keys for a serial legible at
 * its end): a range of keys, which the policy lets reach the index, as it does not LIKE; the
 * pattern is tested by `puente.serial_fits` (migration 0010), before the policy's checks where
 * it is leakproof. At most MAX_PATTERN_CANDIDATES + 1 per pattern.
 */
export async function salesFittingPatterns(
  tx: Tx,
  queries: readonly PatternQuery[],
): Promise<SaleCandidate[][]> {
  if (!queries.length) return [];
  const runs = queries.map((q) => q.pattern.match(/^[A-Z0-9]*/u)![0]);
  // Keys hold A-Z and 0-9 only, all below '~' in the C collation.
  const lo = runs;
  const hi = runs.map((r) => (r ? `${r}~` : '~'));
  const branch = (column: 'serial_key' | 'serial_end', reversed: boolean) => sql`
    SELECT ${CANDIDATE_COLUMNS} FROM puente.trace_sale s
    WHERE q.reversed = ${reversed} AND s.maker = q.maker COLLATE "C"
      AND s.${sql.raw(column)} >= q.lo COLLATE "C" AND s.${sql.raw(column)} < q.hi COLLATE "C"
      AND puente.serial_fits(s.${sql.raw(column)}, q.pattern)`;
  const { rows } = await sql<CandidateRow & { i: number }>`
    SELECT q.i::int AS i, m.* FROM unnest(${queries.map((q) => q.maker)}::text[],
        ${queries.map((q) => q.reversed)}::boolean[], ${lo}::text[], ${hi}::text[],
        ${queries.map((q) => q.pattern)}::text[]) WITH ORDINALITY AS q(maker, reversed, lo, hi, pattern, i)
    CROSS JOIN LATERAL (
      SELECT * FROM (${branch('serial_key', false)} UNION ALL ${branch('serial_end', true)}) u
      ORDER BY u.firearm_id LIMIT ${MAX_PATTERN_CANDIDATES + 1}) m`.execute(tx);
  const out: SaleCandidate[][] = queries.map(() => []);
  for (const r of rows) out[r.i - 1]!.push(toCandidate(r));
  return out;
}

/** Visible sales to these buyers within `days` of the given dates (multiple-sale windows). */
export async function salesToBuyersNear(
  tx: Tx,
  near: readonly { buyerId: string; date: string }[],
  days: number,
): Promise<SaleCandidate[]> {
  if (!near.length) return [];
  const { rows } = await sql<CandidateRow>`
    SELECT DISTINCT c.* FROM unnest(${near.map((n) => n.buyerId)}::uuid[],
        ${near.map((n) => n.date)}::date[]) AS q(buyer_id, day)
    CROSS JOIN LATERAL (
      SELECT ${CANDIDATE_COLUMNS} FROM puente.trace_sale s
      WHERE s.buyer_id = q.buyer_id
        AND s.sale_date BETWEEN q.day - ${days}::int AND q.day + ${days}::int OFFSET 0) c`.execute(
    tx,
  );
  return rows.map(toCandidate);
}
