import type { CompiledQuery } from 'kysely';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import type { Db } from '../../../src/storage/database.js';
import { countQuery, explainQuery, runAs, timeStatements, type Mode } from '../sql-timing.js';
import type { Log } from '../types.js';

export interface SqlCase {
  name: string;
  /** Every statement the search sends, in order. */
  statements: CompiledQuery[];
  /** The one that reads the page of records (counted and explained). */
  page: CompiledQuery;
}

export interface CaseSamples {
  rls: number[];
  floor: number[];
  /** Rows returned per run (at most the page size + 1). */
  rows: { rls: number[]; floor: number[] };
}

/**
 * Every case in both modes, interleaved (which mode goes first alternates), on one connection,
 * with the viewer rotating across agencies: slow drift of the machine hits both modes alike.
 */
export async function measureSql(o: {
  db: Db;
  cases: readonly SqlCase[];
  viewers: readonly Viewer[];
  warmup: number;
  iterations: number;
  log: Log;
}): Promise<Map<string, CaseSamples>> {
  const samples = new Map(
    o.cases.map((c) => [
      c.name,
      { rls: [], floor: [], rows: { rls: [], floor: [] } } as CaseSamples,
    ]),
  );
  const total = o.warmup + o.iterations;
  for (let i = 0; i < total; i++) {
    for (const [ci, c] of o.cases.entries()) {
      // Each case meets every viewer in turn, and each round spreads the viewers over the cases.
      const viewer = o.viewers[(i + ci) % o.viewers.length]!;
      const modes: Mode[] = i % 2 === 0 ? ['rls', 'floor'] : ['floor', 'rls'];
      for (const mode of modes) {
        const t = await timeStatements(o.db, mode, viewer, c.statements);
        if (i < o.warmup) continue;
        const s = samples.get(c.name)!;
        s[mode].push(t.ms);
        s.rows[mode].push(t.rows);
      }
    }
    if ((i + 1) % 50 === 0 || i + 1 === o.warmup) {
      o.log(`sql: ${i + 1}/${total} rounds${i < o.warmup ? ' (warm-up)' : ''}`);
    }
  }
  return samples;
}

/** How many records match each case: all of them (floor) and, on average, what a viewer sees. */
export async function countMatches(db: Db, query: CompiledQuery, viewers: readonly Viewer[]) {
  const count = countQuery(query);
  const [all] = await runAs<{ n: number }>(db, 'floor', viewers[0]!, count);
  let visible = 0;
  for (const v of viewers) visible += (await runAs<{ n: number }>(db, 'rls', v, count))[0]!.n;
  return { all: all!.n, visibleMean: Math.round(visible / viewers.length) };
}

/** EXPLAIN ANALYZE of a case in both modes, as plan lines. */
export async function explainCase(db: Db, query: CompiledQuery, viewer: Viewer) {
  const plan = async (mode: Mode) =>
    (await runAs<{ 'QUERY PLAN': string }>(db, mode, viewer, explainQuery(query))).map(
      (r) => r['QUERY PLAN'],
    );
  return { rls: await plan('rls'), floor: await plan('floor') };
}
