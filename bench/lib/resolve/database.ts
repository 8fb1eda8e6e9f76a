/**
 * The benchmark's databases: a PostgreSQL database per size (reused while its fingerprint
 * matches) or a fresh embedded one, each with the schema, the twelve agencies and their users,
 * the person records (bulk-loaded as bench/lib/dataset/load.ts does) and their ground truth in
 * `public.bench_truth` (record → real person), which the product never reads.
 */
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { migrate } from '../../../src/storage/migrate.js';
import { fingerprintOf } from '../dataset/fingerprint.js';
import { loadRecords, type Queryable } from '../dataset/load.js';
import { createDirectory } from '../ingest/directory.js';
import type { Log } from '../types.js';
import { planRecords, planVersions, POOL_SHARE, POOL_SOURCES, type TruthRow } from './generate.js';
import { SOURCE_WEIGHTS } from './sources.js';

/** What a loaded data set depends on: any change there means a rebuild. */
const SOURCES = [
  'bench/lib/resolve/generate.ts',
  'bench/lib/resolve/sources.ts',
  'bench/lib/resolve/database.ts',
  'bench/lib/dataset/load.ts',
  'bench/lib/dataset/agencies.ts',
  'bench/lib/ingest/directory.ts',
  'src/synth',
  'src/domain/model',
  'src/domain/text',
  'src/domain/policy',
  'src/services/records/validate-record.ts',
];

export const resolveFingerprint = (records: number, seed: number): string =>
  fingerprintOf(SOURCES, { records, seed });

export interface DatasetSummary {
  records: number;
  seed: number;
  fingerprint: string;
  people: number;
  /** People with records from two or more sources. */
  multiSourcePeople: number;
  poolPeople: number;
  poolBySources: Record<number, number>;
  /** Records per source. */
  bySource: Record<string, number>;
  /** Pairs of records of the same person. */
  truePairs: number;
  /** People by how many records they have. */
  recordsPerPerson: Record<number, number>;
  buildSeconds: number;
  databaseSize?: string;
  reused?: boolean;
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The loader's view of a Kysely database with a single session (the embedded one). */
export const sessionOf = (db: Db): Queryable => ({
  query: async <R extends object>(text: string, values: unknown[] = []) => ({
    rows: (await db.executeQuery<R>(CompiledQuery.raw(text, values))).rows,
  }),
});

const TRUTH_BATCH = 20_000;

async function insertTruth(db: Db, rows: readonly TruthRow[]): Promise<void> {
  await sql`CREATE TABLE public.bench_truth (record_id uuid PRIMARY KEY, person integer NOT NULL,
    source text NOT NULL)`.execute(db);
  await sql`CREATE TABLE public.bench_arrival_truth (record_id uuid PRIMARY KEY,
    person integer NOT NULL, source text NOT NULL, known boolean NOT NULL)`.execute(db);
  for (let i = 0; i < rows.length; i += TRUTH_BATCH) {
    const json = JSON.stringify(rows.slice(i, i + TRUTH_BATCH));
    await sql`INSERT INTO public.bench_truth (record_id, person, source)
      SELECT record_id, person, source
      FROM json_to_recordset(${json}::json) AS x(record_id uuid, person integer, source text)`.execute(
      db,
    );
  }
}

function describeTruth(rows: readonly TruthRow[]) {
  const byPerson = new Map<number, { n: number; sources: Set<string> }>();
  const bySource: Record<string, number> = {};
  for (const t of rows) {
    bySource[t.source] = (bySource[t.source] ?? 0) + 1;
    const p = byPerson.get(t.person);
    if (p) {
      p.n++;
      p.sources.add(t.source);
    } else byPerson.set(t.person, { n: 1, sources: new Set([t.source]) });
  }
  const recordsPerPerson: Record<number, number> = {};
  let truePairs = 0;
  let multiSource = 0;
  for (const p of byPerson.values()) {
    recordsPerPerson[p.n] = (recordsPerPerson[p.n] ?? 0) + 1;
    truePairs += (p.n * (p.n - 1)) / 2;
    if (p.sources.size > 1) multiSource++;
  }
  return { people: byPerson.size, multiSource, bySource, recordsPerPerson, truePairs };
}

/** Migrates, creates the directory, loads `records` person records and their truth. */
async function build(
  db: Db,
  session: Queryable,
  records: number,
  seed: number,
  log: Log,
): Promise<Omit<DatasetSummary, 'fingerprint' | 'buildSeconds'>> {
  await migrate(db);
  await createDirectory(db);
  const plan = planRecords(records, seed);
  const truth: TruthRow[] = [];
  const versions = function* () {
    for (const { version, truth: t } of planVersions(plan, seed)) {
      truth.push(t);
      yield version;
    }
  };
  let lastLog = 0;
  await loadRecords(session, versions(), {
    total: records,
    onProgress: (p) => {
      if (p.seconds - lastLog < 10 && p.loaded < p.total) return;
      lastLog = p.seconds;
      log(
        `loaded ${p.loaded}/${p.total} person records in ${p.seconds.toFixed(0)} s (${Math.round(p.loaded / p.seconds)}/s)`,
      );
    },
    onIndex: (ddl) => log(`building ${ddl.replace(/^.*?(INDEX|CONSTRAINT) (\S+).*$/s, '$2')}`),
  });
  await insertTruth(db, truth);
  log('vacuum analyze');
  await session.query('VACUUM (ANALYZE)');
  const t = describeTruth(truth);
  return {
    records,
    seed,
    people: t.people,
    multiSourcePeople: t.multiSource,
    poolPeople: plan.people.pool,
    poolBySources: plan.people.poolBySources,
    bySource: t.bySource,
    truePairs: t.truePairs,
    recordsPerPerson: t.recordsPerPerson,
  };
}

async function writeMarker(db: Db, summary: DatasetSummary): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS public.bench_resolve_dataset (fingerprint text NOT NULL,
    records integer NOT NULL, summary jsonb NOT NULL)`.execute(db);
  await sql`DELETE FROM public.bench_resolve_dataset`.execute(db);
  await sql`INSERT INTO public.bench_resolve_dataset (fingerprint, records, summary)
    VALUES (${summary.fingerprint}, ${summary.records}, ${JSON.stringify(summary)})`.execute(db);
}

async function readMarker(serverUrl: string, name: string, url: string) {
  const exists = await withClient(
    serverUrl,
    async (c) =>
      (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
  if (!exists) return undefined;
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ t: string | null }>(
      `SELECT to_regclass('public.bench_resolve_dataset')::text AS t`,
    );
    if (!rows[0]?.t) return undefined;
    const marker = await c.query<{ fingerprint: string; records: number; summary: DatasetSummary }>(
      'SELECT fingerprint, records, summary FROM public.bench_resolve_dataset',
    );
    const { rows: count } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM puente.record`,
    );
    // Arrivals are removed after each run; a database left with them is rebuilt.
    return marker.rows[0] && count[0]?.n === marker.rows[0].records ? marker.rows[0] : undefined;
  });
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface ServerDataset {
  url: string;
  summary: DatasetSummary;
}

/**
 * The data set in database `name` on the server: reused when its size and fingerprint match,
 * else dropped and rebuilt. `name` is a constant of the benchmark, never input.
 */
export async function serverDataset(
  serverUrl: string,
  name: string,
  records: number,
  seed: number,
  log: Log,
): Promise<ServerDataset> {
  const url = databaseUrl(serverUrl, name);
  const fingerprint = resolveFingerprint(records, seed);
  const existing = await readMarker(serverUrl, name, url);
  if (existing?.fingerprint === fingerprint && existing.records === records) {
    log(`reusing ${name}: ${records} person records, fingerprint ${fingerprint}`);
    return { url, summary: { ...existing.summary, reused: true } };
  }
  log(
    existing
      ? `${name}: fingerprint changed (${existing.fingerprint} -> ${fingerprint}); rebuilding`
      : `creating ${name}: ${records} person records`,
  );
  const started = performance.now();
  await withClient(serverUrl, async (c) => {
    // Another run (or a diagnosis) reading it would be cut off mid-way: refuse instead.
    const { rows } = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0]!.n > 0)
      throw new Error(`${name} is in use by ${rows[0]!.n} other connection(s); not dropping it`);
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    const built = await withClient(url, (c) => build(database.db, c, records, seed, log));
    const { rows } = await sql<{ size: string }>`
      SELECT pg_size_pretty(pg_database_size(current_database())) AS size`.execute(database.db);
    const summary: DatasetSummary = {
      ...built,
      fingerprint,
      buildSeconds: Math.round((performance.now() - started) / 1000),
      databaseSize: rows[0]?.size,
    };
    await writeMarker(database.db, summary);
    return { url, summary: { ...summary, reused: false } };
  } finally {
    await database.close();
  }
}

/** A fresh embedded database in `dataDir` with the data set. */
export async function embeddedDataset(
  dataDir: string,
  records: number,
  seed: number,
  log: Log,
): Promise<DatasetSummary> {
  const started = performance.now();
  const database = await openDatabase({ dataDir });
  try {
    const built = await build(database.db, sessionOf(database.db), records, seed, log);
    const summary: DatasetSummary = {
      ...built,
      fingerprint: resolveFingerprint(records, seed),
      buildSeconds: Math.round((performance.now() - started) / 1000),
    };
    await writeMarker(database.db, summary);
    return summary;
  } finally {
    await database.close();
  }
}

/** Removes the arrival records, so the database holds the data set alone again. */
export async function removeArrivals(db: Db): Promise<number> {
  // One connection, so that the replication role (triggers off) holds for every statement.
  return db.connection().execute(async (conn) => {
    const run = sessionOf(conn);
    await run.query('SET session_replication_role = replica');
    try {
      const ids = `(SELECT record_id FROM public.bench_arrival_truth)`;
      await run.query(`DELETE FROM puente.record_term WHERE record_id IN ${ids}`);
      await run.query(`DELETE FROM puente.match_key WHERE record_id IN ${ids}`);
      await run.query(`DELETE FROM puente.match_edge WHERE a IN ${ids} OR b IN ${ids}`);
      await run.query(`DELETE FROM puente.entity_member WHERE record_id IN ${ids}`);
      await run.query(`DELETE FROM puente.record WHERE id IN ${ids}`);
      await run.query(`DELETE FROM puente.record_version WHERE record_id IN ${ids}`);
      const { rows } = await run.query<{ n: number }>(
        `WITH d AS (DELETE FROM public.bench_arrival_truth RETURNING 1) SELECT count(*)::int AS n FROM d`,
      );
      return rows[0]?.n ?? 0;
    } finally {
      await run.query('SET session_replication_role = DEFAULT');
    }
  });
}

export const DATASET_NOTES = {
  poolShare: POOL_SHARE,
  poolSources: POOL_SOURCES,
  sourceWeights: SOURCE_WEIGHTS,
};

/** Keeps the batch's clustering aside while arrivals regroup entities (see restoreMembers). */
export async function snapshotMembers(db: Db): Promise<void> {
  await sql`DROP TABLE IF EXISTS public.bench_batch_member`.execute(db);
  await sql`CREATE TABLE public.bench_batch_member AS SELECT * FROM puente.entity_member`.execute(
    db,
  );
}

/** Puts the batch's clustering back, so the database shows what resolveAll wrote. */
export async function restoreMembers(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`TRUNCATE puente.entity_member`.execute(tx);
    await sql`INSERT INTO puente.entity_member SELECT * FROM public.bench_batch_member`.execute(tx);
    await sql`DROP TABLE public.bench_batch_member`.execute(tx);
  });
}
