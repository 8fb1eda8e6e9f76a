import { saleEntryOf } from '../../domain/tracing/sale-entry.js';
import type { Db } from '../../storage/database.js';
import { asOperator, type Tx } from '../../storage/session.js';
import {
  clearSaleIndex,
  firearmsChangedSince,
  firearmsTouchedBy,
  readSoldGuns,
  readSoldGunsByIds,
  writeSaleIndex,
  type SaleIndexRow,
  type SoldGunRow,
} from '../../storage/sale-index.js';

const PAGE = 5_000;

function indexRows(guns: readonly SoldGunRow[]): SaleIndexRow[] {
  const rows: SaleIndexRow[] = [];
  for (const g of guns) {
    const e = saleEntryOf(g.firearm, g.sale);
    if (!e) continue;
    rows.push({
      firearm_id: g.firearm_id,
      sale_id: g.sale_id,
      sold_link_id: g.sold_link_id,
      buyer_id: g.buyer_id,
      purchase_link_id: g.purchase_link_id,
      maker: e.maker,
      serial_key: e.serialKey,
      serial_end: [...e.serialKey].reverse().join(''),
      model: e.model,
      type: e.type,
      caliber: e.caliber,
      importer: e.importer,
      sale_date: e.saleDate,
      dealer_name: e.dealerName,
      dealer_license: e.dealerLicense,
      dealer_state: e.dealerState,
      country: e.country,
      multiple_sale: e.multipleSale,
    });
  }
  return rows;
}

async function reindex(tx: Tx, firearmIds: readonly string[]): Promise<number> {
  let indexed = 0;
  for (let i = 0; i < firearmIds.length; i += PAGE) {
    const ids = firearmIds.slice(i, i + PAGE);
    const rows = indexRows(await readSoldGunsByIds(tx, ids));
    await writeSaleIndex(tx, ids, rows);
    indexed += rows.length;
  }
  return indexed;
}

/**
 * Rebuilds the index of sold guns that traces search, from the Firearm and Sale records and the
 * links between them. The index is the operator's, like the resolver's keys: what a viewer finds
 * in it is limited by the records behind each row.
 */
export async function indexAllSales(
  db: Db,
  onProgress?: (indexed: number) => void,
): Promise<number> {
  return asOperator(db, async (tx) => {
    await clearSaleIndex(tx);
    let after: string | null = null;
    let indexed = 0;
    for (;;) {
      const guns = await readSoldGuns(tx, after, PAGE);
      if (!guns.length) return indexed;
      const rows = indexRows(guns);
      await writeSaleIndex(tx, [], rows);
      indexed += rows.length;
      after = guns[guns.length - 1]!.firearm_id;
      onProgress?.(indexed);
    }
  });
}

/**
 * Keeps the index current after records or links changed (ids of either). Runs after the change
 * has committed: if it fails, the change stands and `puente trace index` repairs the index.
 */
export async function indexSalesAfterChange(db: Db, ids: readonly string[]): Promise<void> {
  try {
    await asOperator(db, async (tx) => reindex(tx, await firearmsTouchedBy(tx, ids)));
  } catch (err) {
    process.emitWarning(`indexing sales for tracing failed: ${(err as Error).message}`);
  }
}

/** The same after an import: every gun whose records or links changed since it began. */
export async function indexSalesChangedSince(db: Db, since: Date): Promise<void> {
  try {
    await asOperator(db, async (tx) => reindex(tx, await firearmsChangedSince(tx, since)));
  } catch (err) {
    process.emitWarning(`indexing sales for tracing failed: ${(err as Error).message}`);
  }
}
