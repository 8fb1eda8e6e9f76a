/**
 * A benchmark database kept on the server between runs, as the trace benchmark keeps its own
 * (bench/lib/trace/database.ts): a marker table holds the fingerprint of what the data was made
 * from (fingerprintOf: the generator, the product code it went through, the migrations) and
 * what was loaded. A run reuses the database when the fingerprint matches; when only the
 * migrations changed (the records would be the same: `recordsKey` matches), the database is
 * migrated forward by the product's own migrate, as a database in service would be; otherwise
 * it is dropped and built again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { migrate } from '../../../src/storage/migrate.js';
import type { Log } from '../types.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const MARKER = 'public.bench_network_dataset';

/** The .ts files (tests aside) of `sources` (files or folders relative to the checkout). */
export function sourceFiles(sources: readonly string[]): string[] {
  const walk = (path: string): string[] =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .sort()
          .flatMap((f) => walk(join(path, f)))
      : [path];
  return sources
    .flatMap((s) => walk(join(ROOT, s)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => relative(ROOT, f));
}

/** A quoted relative module path: imports, dynamic imports, worker URLs. */
const RELATIVE_MODULE = /['"](\.{1,2}\/[^'"\s]+\.(?:js|ts))['"]/g;

/**
 * The .ts modules `entries` run, found by following every relative module path they quote
 * (imports, dynamic imports, worker files named by `new URL('./x.js', import.meta.url)`), the
 * entries included.
 */
export function moduleClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(RELATIVE_MODULE)) {
      const target = relative(ROOT, join(ROOT, dirname(file), m[1]!)).replace(/\.js$/, '.ts');
      if (target.endsWith('.ts') && existsSync(join(ROOT, target))) visit(target);
    }
  };
  for (const e of entries) visit(e);
  return [...seen].sort();
}

/** Bookkeeping modules that say nothing about the data (the cache itself, types, hashing). */
const NOT_DATA = [
  'bench/lib/network/db-cache.ts',
  'bench/lib/types.ts',
  'bench/lib/dataset/fingerprint.ts',
];

/** The modules a data set's loader runs (moduleClosure), bookkeeping aside. */
export const dataSources = (entries: readonly string[]): string[] =>
  moduleClosure(entries).filter((f) => !NOT_DATA.includes(f));

/** What the loaded records are made of, migrations aside: the parameters and the source files. */
export function recordsKeyOf(sources: readonly string[], params: object): string {
  const h = createHash('sha256').update(JSON.stringify(params));
  for (const file of sourceFiles(sources)) h.update(file).update(readFileSync(join(ROOT, file)));
  return h.digest('hex').slice(0, 16);
}

export async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
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

/** What every marker holds; each data set adds its own fields. */
export interface MarkerSummary {
  fingerprint: string;
  recordsKey: string;
  /** Migrations applied to the kept records since they were built. */
  migratedSince?: string[];
}

async function readMarker<S extends MarkerSummary>(
  serverUrl: string,
  name: string,
  url: string,
): Promise<S | undefined> {
  const exists = await withClient(
    serverUrl,
    async (c) =>
      (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
  if (!exists) return undefined;
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ t: string | null }>(
      `SELECT to_regclass('${MARKER}')::text AS t`,
    );
    if (!rows[0]?.t) return undefined;
    const marker = await c.query<{ summary: S }>(`SELECT summary FROM ${MARKER}`);
    return marker.rows[0]?.summary;
  });
}

export async function writeMarker(db: Db, summary: MarkerSummary): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS public.bench_network_dataset (
    summary jsonb NOT NULL, written_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  await sql`DELETE FROM public.bench_network_dataset`.execute(db);
  await sql`INSERT INTO public.bench_network_dataset (summary)
    VALUES (${JSON.stringify(summary)})`.execute(db);
}

async function recreate(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  await withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0]!.n > 0)
      throw new Error(`${name} is in use by ${rows[0]!.n} other connection(s); not dropping it`);
    // The name is checked above: letters, digits and underscores made from numbers.
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
}

export interface CachedDatabase<S extends MarkerSummary> {
  url: string;
  summary: S;
  /** built: loaded by this run; migrated: kept and migrated forward; reused: as it was. */
  state: 'built' | 'migrated' | 'reused';
  /** Seconds this run spent building or migrating it. */
  seconds: number;
}

/**
 * The database `name` with its data: reused when the fingerprint matches, migrated forward
 * when only the migrations changed, else built from scratch by `build` (given a fresh, empty
 * database; it returns the summary written into the marker, fingerprint and recordsKey added).
 */
export async function cachedDatabase<S extends MarkerSummary>(o: {
  serverUrl: string;
  name: string;
  fingerprint: string;
  recordsKey: string;
  what: string;
  build: (url: string, db: Db) => Promise<Omit<S, keyof MarkerSummary>>;
  log: Log;
}): Promise<CachedDatabase<S>> {
  const url = databaseUrl(o.serverUrl, o.name);
  const existing = await readMarker<S>(o.serverUrl, o.name, url);
  const started = performance.now();
  if (existing?.fingerprint === o.fingerprint) {
    o.log(`reusing ${o.name}: ${o.what}, fingerprint ${o.fingerprint}`);
    return { url, summary: existing, state: 'reused', seconds: 0 };
  }
  if (existing?.recordsKey === o.recordsKey) {
    const database = await openDatabase({ url, poolSize: 2 });
    try {
      const { applied } = await migrate(database.db);
      o.log(
        `keeping ${o.name} (${o.what}): only the migrations changed${applied.length ? `; migrated ${applied.join(', ')}` : ''}; analyze`,
      );
      await sql`ANALYZE`.execute(database.db);
      const summary = {
        ...existing,
        fingerprint: o.fingerprint,
        migratedSince: [...(existing.migratedSince ?? []), ...applied],
      };
      await writeMarker(database.db, summary);
      return { url, summary, state: 'migrated', seconds: (performance.now() - started) / 1000 };
    } catch (err) {
      o.log(`the migrations refuse the kept ${o.name} (${(err as Error).message}); rebuilding`);
    } finally {
      await database.close();
    }
  }
  o.log(
    existing
      ? `${o.name}: the data would differ (${existing.recordsKey} -> ${o.recordsKey}); rebuilding`
      : `creating ${o.name}: ${o.what}`,
  );
  await recreate(o.serverUrl, o.name);
  const database = await openDatabase({ url });
  try {
    await migrate(database.db);
    const built = await o.build(url, database.db);
    const summary = { ...built, fingerprint: o.fingerprint, recordsKey: o.recordsKey } as S;
    await writeMarker(database.db, summary);
    return { url, summary, state: 'built', seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}
