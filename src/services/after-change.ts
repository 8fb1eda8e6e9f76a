import type { Db } from '../storage/database.js';
import { matchAfterChange } from './resolution/after-change.js';
import { indexSalesAfterChange } from './tracing/index-sales.js';

/** Records and links that make a sold gun: the sales index follows their changes. */
const SALE_SCHEMAS: readonly string[] = ['Firearm', 'Sale'];
const SALE_LINKS: readonly string[] = ['sold_in', 'purchased'];

/**
 * What follows a committed change to a record: entity matching and the sales index. Each
 * reports its own failure; the change stands either way.
 */
export async function afterRecordChange(db: Db, record: { id: string; schema: string }) {
  await matchAfterChange(db, record);
  if (SALE_SCHEMAS.includes(record.schema)) await indexSalesAfterChange(db, [record.id]);
}

export async function afterLinkChange(db: Db, link: { id: string; type: string }) {
  if (SALE_LINKS.includes(link.type)) await indexSalesAfterChange(db, [link.id]);
}
