import { CompiledQuery, sql } from 'kysely';
import type { Viewer } from '../../src/domain/identity/viewer.js';
import { viewerKeys } from '../../src/domain/policy/keys.js';
import type { Db } from '../../src/storage/database.js';
import { HELD } from '../../src/storage/held-statements.js';
import { asOperator, asViewer, type Tx } from '../../src/storage/session.js';

/**
 * rls: the product's viewer transaction (asViewer: role puente_app, viewer keys set), bound by
 *      row-level security.
 * floor: the same transaction and statement as the owner, which bypasses row-level security;
 *      the viewer settings are set too, so only the role switch differs.
 */
export type Mode = 'rls' | 'floor';

export interface Timing {
  ms: number;
  rows: number;
}

/** Rows are those of the last statement (the page). */
async function timed(tx: Tx, statements: readonly CompiledQuery[]): Promise<Timing> {
  const started = performance.now();
  let rows = 0;
  for (const s of statements) rows = (await tx.executeQuery(s)).rows.length;
  return { ms: performance.now() - started, rows };
}

/**
 * A search's statements, in order, in one transaction; only the statements' round trips are
 * timed, not BEGIN, the viewer settings or COMMIT.
 */
export function timeStatements(
  db: Db,
  mode: Mode,
  viewer: Viewer,
  statements: readonly CompiledQuery[],
): Promise<Timing> {
  if (mode === 'rls') return asViewer(db, viewer, (tx) => timed(tx, statements));
  return asOperator(db, async (tx) => {
    // Held like asViewer's, so that the two modes differ only in the role.
    await sql`${sql.raw(HELD)}SELECT set_config('puente.viewer_keys', ${viewerKeys(viewer).join(',')}, true),
      set_config('puente.agency', ${viewer.agency}, true),
      set_config('puente.user', ${viewer.userId}, true),
      set_config('puente.role', ${viewer.role}, true)`.execute(tx);
    return timed(tx, statements);
  });
}

/** Runs a statement in a mode and returns its single-column rows (counts, plans). */
export function runAs<R>(db: Db, mode: Mode, viewer: Viewer, query: CompiledQuery): Promise<R[]> {
  const run = async (tx: Tx) => (await tx.executeQuery<R>(query)).rows;
  return mode === 'rls' ? asViewer(db, viewer, run) : asOperator(db, run);
}

/**
 * The statement without its page limit (its last `limit $n`: a dated page chooses its ids in a
 * subquery), wrapped to count every row it would return.
 */
export function countQuery(query: CompiledQuery): CompiledQuery {
  const m = /\blimit \$(\d+)(?![^]*\blimit \$)/.exec(query.sql);
  if (!m) throw new Error(`expected a limit parameter in: ${query.sql}`);
  const params = [...query.parameters];
  params[Number(m[1]) - 1] = 2_147_483_647;
  return CompiledQuery.raw(`SELECT count(*)::int AS n FROM (${query.sql}) AS page`, params);
}

export function explainQuery(query: CompiledQuery): CompiledQuery {
  return CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]);
}
