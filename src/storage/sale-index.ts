import { sql } from 'kysely';
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
