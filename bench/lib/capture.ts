import type { CompiledQuery, KyselyPlugin, RootOperationNode } from 'kysely';
import type { Db } from '../../src/storage/database.js';

/**
 * Runs product code and returns the SQL it sent that matches `pick`, compiled exactly as Kysely
 * sent it (text and parameters). Benchmarks replay these statements, so they measure the
 * product's own queries rather than a hand-written imitation.
 */
export async function captureQueries(
  db: Db,
  pick: (sql: string) => boolean,
  work: (db: Db) => Promise<unknown>,
): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const executor = db.getExecutor();
  // Subqueries pass through the plugin too when they are built; only what runs is kept.
  const compiledOf = new Map<unknown, CompiledQuery>();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }): RootOperationNode {
      compiledOf.set(queryId, executor.compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      const compiled = compiledOf.get(queryId);
      if (compiled && pick(compiled.sql)) captured.push(compiled);
      return result;
    },
  };
  await work(db.withPlugin(plugin));
  return captured;
}
