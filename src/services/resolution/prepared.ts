import { prepare, type Prepared } from '../../domain/resolution/prepare.js';
import { profileOf } from '../../domain/resolution/profile.js';
import { readResolvableByIds, type ResolvableRow } from '../../storage/resolution.js';
import type { Tx } from '../../storage/session.js';

export interface PreparedSet {
  /** Record ids in id order: index i of every list below is record ids[i]. */
  ids: string[];
  rows: ResolvableRow[];
  prepared: Prepared[];
}

/** The person and organization records among `ids` that the transaction may see, prepared. */
export async function loadPrepared(tx: Tx, ids: readonly string[]): Promise<PreparedSet> {
  const rows = (await readResolvableByIds(tx, [...new Set(ids)])).filter(
    (r) => profileOf(r) !== null,
  );
  return {
    ids: rows.map((r) => r.id),
    rows,
    prepared: rows.map((r) => prepare(profileOf(r)!)),
  };
}
