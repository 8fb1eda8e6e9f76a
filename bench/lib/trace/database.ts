/**
 * The trace benchmark's database on the server, one per size (`puente_trace_<sales>`), with
 * the sales (build.ts) and the sales index built by the product's indexAllSales. Its
 * fingerprint (fingerprintOf: the generator, the indexer and the code it runs, the migrations)
 * says whether it can be reused as it is. When only the product's tracing code or its migrations
 * changed, the records are kept: the database is migrated forward by the product's own migrate
 * (as a database in service would be) and the index rebuilt; when the sales themselves would
 * differ (the generator, the synthetic world, validation), it is rebuilt from scratch. Each run
 * starts by removing what the previous one left (requests, their records, results and links),
 * so every run submits the same requests to the same sales.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { BORDER_STATES } from '../../../src/domain/tracing/indicators.js';
import { indexAllSales } from '../../../src/services/tracing/index-sales.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { migrate } from '../../../src/storage/migrate.js';
import { fingerprintOf, importClosure } from '../dataset/fingerprint.js';
import type { Log } from '../types.js';
import { loadSales, setTraceRoles } from './build.js';
import type { SalesSummary } from './sales.js';

/** What the loaded records and links are made from: a change here means a rebuild. */
const RECORD_SOURCES = [
  'bench/lib/trace/sales.ts',
  'bench/lib/trace/build.ts',
  'bench/lib/dataset/load.ts',
  'bench/lib/dataset/agencies.ts',
  'bench/lib/ingest/directory.ts',
  'src/synth',
  'src/domain/model',
  'src/domain/text',
  'src/domain/policy',
  'src/domain/tracing/calendar.ts',
  'src/services/records/validate-record.ts',
];

/** Everything the data set and its index depend on: the indexer and what it runs. */
const SOURCES = [...RECORD_SOURCES, ...importClosure('src/services/tracing/index-sales.ts')];

const ROOT = new URL('../../../', import.meta.url).pathname;

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => files(join(path, f)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

/**
 * What the records depend on, migrations aside (the database is migrated forward instead).
 * The border states decide which rifle sales make a multiple-sale report.
 */
function recordsKey(sales: number, seed: number): string {
  const h = createHash('sha256').update(
    JSON.stringify({ sales, seed, border: [...BORDER_STATES].sort() }),
  );
  for (const file of RECORD_SOURCES.flatMap((s) => files(join(ROOT, s)))) {
    h.update(relative(ROOT, file)).update(readFileSync(file));
  }
  return h.digest('hex').slice(0, 16);
}

export const databaseFor = (sales: number) => `puente_trace_${sales}`;

/** The fingerprint of the data set of `sales` sold guns and its index, as the code stands. */
export const traceFingerprint = (sales: number, seed: number) =>
  fingerprintOf(SOURCES, { sales, seed });

export interface IndexSummary {
  seconds: number;
  rows: number;
  size?: string;
}

export interface TraceDataset {
  fingerprint: string;
  /** What the records were made from (recordsKey). */
  recordsKey: string;
  sales: number;
  seed: number;
  sold: SalesSummary;
  loadSeconds: number;
  buildSeconds: number;
  databaseSize?: string;
  bySchema?: Record<string, number>;
  /** Search postings (record_term rows): none for the sales, see loadSales. */
  searchPostings?: number;
  index: IndexSummary;
  /** Migrations applied to the kept records since they were built, by run. */
  migratedSince?: string[];
  reused?: boolean;
  indexReused?: boolean;
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

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
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
      `SELECT to_regclass('public.bench_trace_dataset')::text AS t`,
    );
    if (!rows[0]?.t) return undefined;
    const marker = await c.query<{ summary: TraceDataset }>(
      'SELECT summary FROM public.bench_trace_dataset',
    );
    return marker.rows[0]?.summary;
  });
}

async function writeMarker(db: Db, summary: TraceDataset): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS public.bench_trace_dataset (summary jsonb NOT NULL)`.execute(
    db,
  );
  await sql`DELETE FROM public.bench_trace_dataset`.execute(db);
  await sql`INSERT INTO public.bench_trace_dataset (summary)
    VALUES (${JSON.stringify(summary)})`.execute(db);
}

/** indexAllSales as the product runs it (`puente trace index`), timed. */
async function buildIndex(db: Db, log: Log): Promise<IndexSummary> {
  log('indexing sales (indexAllSales)');
  const started = performance.now();
  let lastLog = 0;
  const rows = await indexAllSales(db, (n) => {
    const s = (performance.now() - started) / 1000;
    if (s - lastLog < 15) return;
    lastLog = s;
    log(`indexed ${n} sold guns in ${s.toFixed(0)} s (${Math.round(n / s)}/s)`);
  });
  const seconds = (performance.now() - started) / 1000;
  log(`indexed ${rows} sold guns in ${seconds.toFixed(1)} s; analyze`);
  await sql`ANALYZE puente.trace_sale`.execute(db);
  const { rows: size } = await sql<{ size: string }>`
    SELECT pg_size_pretty(pg_total_relation_size('puente.trace_sale')) AS size`.execute(db);
  return { seconds, rows, size: size[0]?.size };
}

async function describe(db: Db) {
  const { rows } = await sql<{ k: string; n: number }>`
    SELECT schema AS k, count(*)::int AS n FROM puente.record GROUP BY 1 ORDER BY 1`.execute(db);
  const { rows: size } = await sql<{ size: string; terms: number }>`
    SELECT pg_size_pretty(pg_database_size(current_database())) AS size,
      (SELECT count(*) FROM puente.record_term)::int AS terms`.execute(db);
  return {
    bySchema: Object.fromEntries(rows.map((r) => [r.k, r.n])),
    databaseSize: size[0]?.size,
    searchPostings: size[0]?.terms,
  };
}

export interface ServerDataset {
  url: string;
  summary: TraceDataset;
}

/**
 * The data set of `sales` sold guns: reused when its fingerprint matches (the index too, when
 * the indexer's fingerprint does and `reindex` is false), else rebuilt.
 */
export async function traceDataset(
  serverUrl: string,
  sales: number,
  seed: number,
  reindex: boolean,
  log: Log,
): Promise<ServerDataset> {
  const name = databaseFor(sales);
  const url = databaseUrl(serverUrl, name);
  const fingerprint = traceFingerprint(sales, seed);
  const records = recordsKey(sales, seed);
  const existing = await readMarker(serverUrl, name, url);
  if (existing?.fingerprint === fingerprint && !reindex) {
    log(`reusing ${name}: ${sales} sold guns, fingerprint ${fingerprint}`);
    return { url, summary: { ...existing, reused: true, indexReused: true } };
  }
  if (existing?.recordsKey === records) {
    const kept = await keepRecords(url, existing, fingerprint, reindex, log);
    if (kept) return { url, summary: kept };
  }
  log(
    existing
      ? `${name}: the sales would differ (${existing.recordsKey} -> ${records}); rebuilding`
      : `creating ${name}: ${sales} sold guns`,
  );
  const started = performance.now();
  await withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0]!.n > 0)
      throw new Error(`${name} is in use by ${rows[0]!.n} other connection(s); not dropping it`);
    // The name is built from a number, never from input text.
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    const { sold, loadSeconds } = await loadSales(url, database.db, sales, seed, log);
    const index = await buildIndex(database.db, log);
    const summary: TraceDataset = {
      fingerprint,
      recordsKey: records,
      sales,
      seed,
      sold,
      loadSeconds,
      buildSeconds: (performance.now() - started) / 1000,
      ...(await describe(database.db)),
      index,
    };
    await writeMarker(database.db, summary);
    return { url, summary: { ...summary, reused: false, indexReused: false } };
  } finally {
    await database.close();
  }
}

/** The first migration of firearm tracing (0008_firearm_traces): the loader needs none of it. */
const FIRST_TRACING_MIGRATION = 8;

/**
 * Drops what the tracing migrations create (their tables, the agency's trace role, the viewer
 * function) and forgets them, so that migrate applies them as they are now. Any other object a
 * later migration made stays, and migrate then fails on it: the caller rebuilds.
 */
async function resetTracing(db: Db): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`DROP TABLE IF EXISTS puente.trace_dealer_tally, puente.trace_purchaser, puente.trace_result,
      puente.trace_event, puente.trace_request, puente.trace_sale CASCADE`.execute(tx);
    await sql`DROP FUNCTION IF EXISTS puente.viewer_traces() CASCADE`.execute(tx);
    await sql`ALTER TABLE puente.agency DROP COLUMN IF EXISTS trace_role`.execute(tx);
    await sql`DELETE FROM public.puente_migration
      WHERE version >= ${FIRST_TRACING_MIGRATION}`.execute(tx);
  });
}

/**
 * The same sales under newer product code: migrates the database forward and rebuilds the
 * index. Undefined when the migrations refuse (history edited): the caller rebuilds.
 */
async function keepRecords(
  url: string,
  existing: TraceDataset,
  fingerprint: string,
  reindex: boolean,
  log: Log,
): Promise<TraceDataset | undefined> {
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    let applied: string[];
    try {
      applied = (await migrate(database.db)).applied;
    } catch (err) {
      const message = (err as Error).message;
      const changed = /^migration 0*(\d+)_\S+ was changed after it was applied/.exec(message);
      if (!changed || Number(changed[1]) < FIRST_TRACING_MIGRATION) {
        log(`the migrations refuse the kept database (${message}); rebuilding`);
        return undefined;
      }
      // A tracing migration edited before it was released: the sales records do not depend
      // on it, so the tracing schema is dropped and migrated again from scratch.
      log(`${message}: dropping the tracing schema and migrating it again`);
      await resetTracing(database.db);
      try {
        applied = (await migrate(database.db)).applied;
      } catch (again) {
        log(`the migrations still refuse (${(again as Error).message}); rebuilding`);
        return undefined;
      }
    }
    await setTraceRoles(database.db);
    log(
      `keeping the ${existing.sales} sold guns: ${reindex ? '--reindex' : 'the tracing code or migrations changed'}${applied.length ? `; migrated ${applied.join(', ')}` : ''}; reindexing`,
    );
    const index = await buildIndex(database.db, log);
    const summary: TraceDataset = {
      ...existing,
      fingerprint,
      index,
      migratedSince: [...(existing.migratedSince ?? []), ...applied],
      ...(await describe(database.db)),
    };
    await writeMarker(database.db, summary);
    return { ...summary, reused: true, indexReused: false };
  } finally {
    await database.close();
  }
}

/** The requesters' records, which the runs create; the sales are ATF's. */
const REQUESTERS = ['FGR', 'SEDENA'];

/**
 * Removes what earlier runs left: trace requests, their history and answers, the Recovery and
 * Firearm records the requests created, and the links to their recoveries (the requester's
 * recovered_in, and the tracer's from the sold gun). As the owner with triggers off
 * (the trace tables are append-only for everyone else).
 */
export async function clearTraces(url: string, log: Log): Promise<void> {
  await withClient(url, async (c) => {
    const { rows } = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM puente.trace_request',
    );
    await c.query('SET session_replication_role = replica');
    try {
      await c.query('BEGIN');
      await c.query(`TRUNCATE puente.trace_dealer_tally, puente.trace_purchaser, puente.trace_result, puente.trace_event,
        puente.trace_request`);
      await c.query(
        `CREATE TEMP TABLE gone ON COMMIT DROP AS
        SELECT id FROM puente.record WHERE agency = ANY ($1)`,
        [REQUESTERS],
      );
      await c.query(`CREATE TEMP TABLE gone_links ON COMMIT DROP AS
        SELECT id FROM puente.link WHERE target_id IN (SELECT id FROM gone)`);
      const records = await c.query(`DELETE FROM puente.record WHERE id IN (SELECT id FROM gone)`);
      await c.query(`DELETE FROM puente.record_term WHERE record_id IN (SELECT id FROM gone)`);
      await c.query(`DELETE FROM puente.record_version WHERE record_id IN (SELECT id FROM gone)`);
      const links = await c.query(
        `DELETE FROM puente.link WHERE id IN (SELECT id FROM gone_links)`,
      );
      await c.query(`DELETE FROM puente.link_version WHERE link_id IN (SELECT id FROM gone_links)`);
      await c.query('COMMIT');
      if (rows[0]!.n || records.rowCount || links.rowCount) {
        log(
          `removed an earlier run: ${rows[0]!.n} requests, ${records.rowCount} records, ${links.rowCount} links`,
        );
      }
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    } finally {
      await c.query('SET session_replication_role = DEFAULT');
    }
    await c.query(`VACUUM (ANALYZE) puente.trace_request, puente.trace_event, puente.trace_result,
      puente.trace_purchaser, puente.record, puente.record_version, puente.record_term,
      puente.link, puente.link_version`);
    await c.query(`DROP TABLE IF EXISTS public.bench_trace_truth`);
    await c.query(`CREATE TABLE public.bench_trace_truth (
      request_id uuid PRIMARY KEY, set text NOT NULL, k integer NOT NULL, agency text NOT NULL,
      outcome text NOT NULL, partial text NOT NULL, firearm_id uuid, sale_id uuid,
      sale_date date, recovered_on date NOT NULL, make_written text NOT NULL,
      serial_written text NOT NULL)`);
  });
}
