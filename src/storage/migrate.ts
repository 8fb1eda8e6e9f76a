import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.js';

// Migrations are plain SQL, shipped beside the compiled code (see tsconfig.build + copy step).
const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 7_404_214; // any constant: serialises concurrent starts against one server

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

export interface MigrationReport {
  applied: string[];
  current: number;
}

/** Applies pending migrations, each in its own transaction; refuses edited history. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<MigrationReport> {
  await sql`CREATE TABLE IF NOT EXISTS public.puente_migration (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
      const { rows } = await sql<{ checksum: string }>`
        SELECT checksum FROM public.puente_migration WHERE version = ${m.version}`.execute(tx);
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== m.checksum) {
          throw new Error(
            `migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`,
          );
        }
        return false;
      }
      await sql.raw(m.sql).execute(tx);
      await sql`INSERT INTO public.puente_migration (version, name, checksum)
        VALUES (${m.version}, ${m.name}, ${m.checksum})`.execute(tx);
      return true;
    });
    if (done) applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
  }
  return { applied, current: migrations.at(-1)?.version ?? 0 };
}
