import { sql } from 'kysely';
import { dayOf, isoOf } from '../domain/tracing/calendar.js';
import type { PatternProbes } from '../domain/tracing/serial-pattern.js';
import type { SaleCandidate } from '../domain/tracing/types.js';
import type { SaleIndexRow } from './sale-index.js';
import type { Tx } from './session.js';

/** A row of the sales index as lookups read it: the reversed key is for searching only. */
type CandidateRow = Omit<SaleIndexRow, 'serial_end'>;

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

export interface PatternQuery extends PatternProbes {
  maker: string;
}

/**
 * The visible sales whose serial fits each pattern, all patterns in one statement (planning a
 * query under row-level security costs more than running it). The index is entered by each of
 * the pattern's prefixes (patternProbes; in the reversed keys for a serial legible at its end):
 * a range of keys, which the policy lets reach the index, as it does not LIKE; the pattern is
 * tested by `puente.serial_fits` (migration 0010), before the policy's checks where it is
 * leakproof. The first MAX_PATTERN_CANDIDATES + 1 by gun, at most, per pattern.
 */
export async function salesFittingPatterns(
  tx: Tx,
  queries: readonly PatternQuery[],
): Promise<SaleCandidate[][]> {
  if (!queries.length) return [];
  const probes = queries.flatMap((q, i) => q.prefixes.map((prefix) => ({ i, q, prefix })));
  // Keys hold A-Z and 0-9 only, all below '~' in the C collation.
  const branch = (column: 'serial_key' | 'serial_end', reversed: boolean) => sql`
    SELECT ${CANDIDATE_COLUMNS} FROM puente.trace_sale s
    WHERE q.reversed = ${reversed} AND s.maker = q.maker COLLATE "C"
      AND s.${sql.raw(column)} >= q.lo COLLATE "C" AND s.${sql.raw(column)} < q.hi COLLATE "C"
      AND puente.serial_fits(s.${sql.raw(column)}, q.pattern)`;
  const { rows } = await sql<CandidateRow & { i: number }>`
    SELECT q.i, m.* FROM unnest(${probes.map((p) => p.i)}::int[],
        ${probes.map((p) => p.q.maker)}::text[], ${probes.map((p) => p.q.reversed)}::boolean[],
        ${probes.map((p) => p.prefix)}::text[], ${probes.map((p) => `${p.prefix}~`)}::text[],
        ${probes.map((p) => p.q.pattern)}::text[]) AS q(i, maker, reversed, lo, hi, pattern)
    CROSS JOIN LATERAL (
      SELECT * FROM (${branch('serial_key', false)} UNION ALL ${branch('serial_end', true)}) u
      ORDER BY u.firearm_id LIMIT ${MAX_PATTERN_CANDIDATES + 1}) m`.execute(tx);
  const out: CandidateRow[][] = queries.map(() => []);
  for (const r of rows) out[r.i]!.push(r);
  // Each probe kept its first ones by gun: together, the pattern's first ones by gun.
  return out.map((found) =>
    found
      .sort((a, b) => (a.firearm_id < b.firearm_id ? -1 : a.firearm_id > b.firearm_id ? 1 : 0))
      .slice(0, MAX_PATTERN_CANDIDATES + 1)
      .map(toCandidate),
  );
}

/**
 * Visible sales to these buyers within `days` of the given dates (multiple-sale windows), each
 * sale once. The window's ends are worked out here: date arithmetic is not leakproof, and in
 * the query it would keep the date from the index until the policy had checked every sale of
 * the buyer.
 */
export async function salesToBuyersNear(
  tx: Tx,
  near: readonly { buyerId: string; date: string }[],
  days: number,
): Promise<SaleCandidate[]> {
  const windows = new Map(
    near.map((n) => {
      const day = dayOf(n.date);
      return [`${n.buyerId} ${n.date}`, { ...n, from: isoOf(day - days), to: isoOf(day + days) }];
    }),
  );
  if (!windows.size) return [];
  const w = [...windows.values()];
  const { rows } = await sql<CandidateRow>`
    SELECT c.* FROM unnest(${w.map((x) => x.buyerId)}::uuid[], ${w.map((x) => x.from)}::date[],
        ${w.map((x) => x.to)}::date[]) AS q(buyer_id, from_day, to_day)
    CROSS JOIN LATERAL (
      SELECT ${CANDIDATE_COLUMNS} FROM puente.trace_sale s
      WHERE s.buyer_id = q.buyer_id AND s.sale_date BETWEEN q.from_day AND q.to_day OFFSET 0) c`.execute(
    tx,
  );
  const sales = new Map(rows.map((r) => [r.firearm_id, r]));
  return [...sales.values()].map(toCandidate);
}
