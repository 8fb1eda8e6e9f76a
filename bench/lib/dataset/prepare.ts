import { sql } from 'kysely';
import pg from 'pg';
import type { Role } from '../../../src/domain/identity/viewer.js';
import { addAgency } from '../../../src/services/identity/agencies.js';
import { addUser } from '../../../src/services/identity/users.js';
import type { Call } from '../../../src/services/context.js';
import { openDatabase, type Database } from '../../../src/storage/database.js';
import { migrate } from '../../../src/storage/migrate.js';
import type { Log } from '../types.js';
import { AGENCIES, STAFF, type AgencySpec } from './agencies.js';
import { datasetFingerprint } from './fingerprint.js';
import { generateRecords, SCHEMA_MIX } from './generate.js';
import { loadRecords } from './load.js';
import { MARKING_MIX } from './markings.js';
import { personName } from './people.js';
import { Random } from '../../../src/synth/random.js';

export const BENCH_DATABASE = 'puente_bench';

export interface BenchUser {
  id: string;
  agency: string;
  country: string;
  name: string;
  role: Role;
}

export interface Dataset {
  database: Database;
  /** Connection string of the benchmark database. */
  url: string;
  agencies: readonly AgencySpec[];
  users: readonly BenchUser[];
  /** What the result file reports about the data. */
  summary: Record<string, unknown>;
}

export interface DatasetOptions {
  serverUrl: string;
  records: number;
  seed: number;
  log: Log;
}

/** The benchmark database with its dataset: reused when size and fingerprint match, else rebuilt. */
export async function prepareDataset(o: DatasetOptions): Promise<Dataset> {
  const url = new URL(o.serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const fingerprint = datasetFingerprint(o.records, o.seed);
  const existing = await readMarker(o.serverUrl, url.toString());
  let summary: Record<string, unknown>;
  if (existing?.fingerprint === fingerprint && existing.records === o.records) {
    o.log(`reusing ${BENCH_DATABASE}: ${o.records} records, fingerprint ${fingerprint}`);
    summary = { ...existing.summary, reused: true };
  } else {
    o.log(
      existing
        ? `dataset fingerprint changed (${existing.fingerprint} -> ${fingerprint}); rebuilding`
        : `creating ${BENCH_DATABASE}`,
    );
    await recreateDatabase(o.serverUrl);
    summary = { ...(await build(url.toString(), o, fingerprint)), reused: false };
  }
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  const { agencies, users } = await readDirectory(database);
  return { database, url: url.toString(), agencies, users, summary };
}

async function withClient<T>(
  connectionString: string,
  work: (c: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface Marker {
  fingerprint: string;
  records: number;
  summary: Record<string, unknown>;
}

async function readMarker(serverUrl: string, benchUrl: string): Promise<Marker | undefined> {
  const exists = await withClient(
    serverUrl,
    async (c) =>
      (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE])).rowCount ===
      1,
  );
  if (!exists) return undefined;
  return withClient(benchUrl, async (c) => {
    const { rows } = await c.query<{ t: string | null }>(
      `SELECT to_regclass('public.bench_dataset')::text AS t`,
    );
    if (!rows[0]?.t) return undefined;
    const marker = await c.query<Marker>(
      'SELECT fingerprint, records, summary FROM public.bench_dataset',
    );
    return marker.rows[0];
  });
}

async function recreateDatabase(serverUrl: string): Promise<void> {
  await withClient(serverUrl, async (c) => {
    // The name is a constant, never input: identifiers cannot be parameters.
    await c.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  });
}

async function build(
  url: string,
  o: DatasetOptions,
  fingerprint: string,
): Promise<Record<string, unknown>> {
  const started = performance.now();
  const database = await openDatabase({ url, poolSize: 2 });
  try {
    await migrate(database.db);
    const operator: Call = { db: database.db, viewer: null, operator: true };
    const r = new Random(o.seed ^ 0x5eed);
    for (const a of AGENCIES) {
      await addAgency(operator, { code: a.code, name: a.name, country: a.country });
      for (const role of STAFF) {
        const culture =
          a.country === 'MX' ? 'es' : a.country === 'CA' && r.chance(0.4) ? 'fr' : 'en';
        await addUser(operator, { agency: a.code, name: personName(r, culture).full, role });
      }
    }
    const { users } = await readDirectory(database);
    let lastLog = 0;
    await withClient(url, (c) =>
      loadRecords(c, generateRecords(o.records, o.seed, { agencies: AGENCIES, users }), {
        total: o.records,
        onProgress: (p) => {
          if (p.seconds - lastLog < 10 && p.loaded < p.total) return;
          lastLog = p.seconds;
          o.log(
            `loaded ${p.loaded}/${p.total} records in ${p.seconds.toFixed(0)} s (${Math.round(p.loaded / p.seconds)}/s)`,
          );
        },
        onIndex: (ddl) =>
          o.log(`building ${ddl.replace(/^.*?(INDEX|CONSTRAINT) (\S+).*$/s, '$2')}`),
      }),
    );
    // Sets the visibility map and statistics, as autovacuum would on a database in service.
    o.log('vacuum analyze');
    await withClient(url, (c) => c.query('VACUUM (ANALYZE)'));
    const summary = await describe(database, o, fingerprint, (performance.now() - started) / 1000);
    await sql`CREATE TABLE public.bench_dataset (
      fingerprint text NOT NULL, records integer NOT NULL, summary jsonb NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now())`.execute(database.db);
    await sql`INSERT INTO public.bench_dataset (fingerprint, records, summary)
      VALUES (${fingerprint}, ${o.records}, ${JSON.stringify(summary)})`.execute(database.db);
    return summary;
  } finally {
    await database.close();
  }
}

async function describe(
  database: Database,
  o: DatasetOptions,
  fingerprint: string,
  buildSeconds: number,
) {
  const count = async (q: ReturnType<typeof sql<{ k: string; n: number }>>) =>
    Object.fromEntries((await q.execute(database.db)).rows.map((r) => [r.k, r.n]));
  const bySchema = await count(
    sql`SELECT schema AS k, count(*)::int AS n FROM puente.record GROUP BY 1 ORDER BY 1`,
  );
  const byMarking = await count(
    sql`SELECT marking AS k, count(*)::int AS n FROM puente.record GROUP BY 1 ORDER BY 1`,
  );
  const byCountry = await count(sql`SELECT a.country AS k, count(*)::int AS n
    FROM puente.record r JOIN puente.agency a ON a.code = r.agency GROUP BY 1 ORDER BY 1`);
  const { rows } = await sql<{ terms: number; distinct_terms: number; size: string }>`
    SELECT count(*)::int AS terms, count(DISTINCT term)::int AS distinct_terms,
      pg_size_pretty(pg_database_size(current_database())) AS size FROM puente.record_term`.execute(
    database.db,
  );
  return {
    records: o.records,
    seed: o.seed,
    fingerprint,
    agencies: AGENCIES.length,
    countries: new Set(AGENCIES.map((a) => a.country)).size,
    users: AGENCIES.length * STAFF.length,
    bySchema,
    byMarking,
    byCountry,
    schemaMix: SCHEMA_MIX,
    markingMix: MARKING_MIX,
    searchTerms: rows[0]?.terms,
    distinctSearchTerms: rows[0]?.distinct_terms,
    databaseSize: rows[0]?.size,
    /** Migrations, generation, load, index builds and vacuum. */
    buildSeconds: Math.round(buildSeconds),
  };
}

async function readDirectory(database: Database) {
  const users = await database.db
    .selectFrom('puente.app_user as u')
    .innerJoin('puente.agency as a', 'a.code', 'u.agency')
    .select(['u.id', 'u.agency', 'a.country', 'u.name', 'u.role'])
    .orderBy('u.agency')
    .orderBy('u.id')
    .execute();
  // The fingerprint ties a loaded database to AGENCIES, so the list is read from the code.
  return { agencies: AGENCIES, users: users.map((u) => ({ ...u, role: u.role as Role })) };
}
