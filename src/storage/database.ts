import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { holdingPool } from './held-statements.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Tables } from './tables.js';

export type Db = Kysely<Tables>;

export interface Database {
  readonly db: Db;
  readonly kind: 'embedded' | 'postgres';
  /** Where the data lives: a directory for the embedded database, the host/db for a server. */
  readonly location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded database is used. */
  url?: string;
  /** Directory of the embedded database; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

const INT8 = 20;
const DATE = 1082;

// bigint sequence numbers fit in a double; dates stay calendar strings, never local midnights.
const parseInt8 = (v: string) => Number(v);
const keepText = (v: string) => v;

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: env.PUENTE_DATA || undefined,
    poolSize: env.PUENTE_DB_POOL ? Number(env.PUENTE_DB_POOL) : undefined,
  };
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openServer(options.url, options.poolSize ?? 10);
  return openEmbedded(options.dataDir ?? './.puente');
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === DATE) return keepText;
        return pg.types.getTypeParser(oid, format);
      },
    } as typeof pg.types,
  });
  // An idle connection the server closes (restart, failover, admin) is dropped by the pool and
  // replaced on demand; unhandled, its error event would end the process.
  pool.on('error', (err) => process.emitWarning(`idle database connection closed: ${err.message}`));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: holdingPool(pool) }) });
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    close: () => db.destroy(),
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : resolve(dataDir);
  if (!inMemory) mkdirSync(location, { recursive: true });
  const pglite = await PGlite.create(location, {
    parsers: { [INT8]: parseInt8, [DATE]: keepText },
  });
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'embedded', location, close: () => db.destroy() };
}

/** The database's clock: what `changed_at` is written with, whatever this machine's clock says. */
export async function databaseNow(db: Db): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
  return new Date(rows[0]!.now);
}
