import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../domain/identity/viewer.js';
import { viewerKeys } from '../domain/policy/keys.js';
import type { Db } from './database.js';
import { HELD } from './held-statements.js';
import type { Tables } from './tables.js';

export type Tx = Transaction<Tables>;

/**
 * Runs work in one transaction as the application role, which owns nothing and is bound by
 * row-level security; the viewer is set for this transaction only. A null viewer (an
 * unauthenticated request) sees nothing and may only append its audit entry. A read-only
 * transaction refuses any write, so work that is audited after it cannot change data unaudited.
 * JIT compiling is off: each policy check is a sub-plan that raises a statement's estimated cost
 * past JIT's threshold even when it reads a few rows, and compiling then takes longer (100 ms
 * and more) than running.
 */
export function asViewer<T>(
  db: Db,
  viewer: Viewer | null,
  work: (tx: Tx) => Promise<T>,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<T> {
  const transaction = db.transaction();
  return (readOnly ? transaction.setAccessMode('read only') : transaction).execute(async (tx) => {
    // Held: sent with the work's first statement, which never runs if this one fails.
    await sql`${sql.raw(HELD)}SELECT set_config('role', 'puente_app', true),
      set_config('puente.viewer_keys', ${viewer ? viewerKeys(viewer).join(',') : ''}, true),
      set_config('puente.agency', ${viewer?.agency ?? ''}, true),
      set_config('puente.user', ${viewer?.userId ?? ''}, true),
      set_config('puente.role', ${viewer?.role ?? ''}, true),
      set_config('jit', 'off', true)`.execute(tx);
    return work(tx);
  });
}

/** The operator's transaction (CLI administration): the owner role, outside the sharing rules. */
export function asOperator<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<T> {
  const transaction = db.transaction();
  return (readOnly ? transaction.setAccessMode('read only') : transaction).execute(work);
}
