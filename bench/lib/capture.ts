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
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }): RootOperationNode {
      const compiled = executor.compileQuery(node, queryId);
      if (pick(compiled.sql)) captured.push(compiled);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await work(db.withPlugin(plugin));
  return captured;
}
