import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/read-audit.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, operator } from '../support/factories.js';

const ROWS = 100_000;
let dir: string;
let server: TestDatabase | undefined;

/** The database the child imports into: a data directory on disk, or this test's server database. */
const childEnv = () =>
  server?.url ? { DATABASE_URL: server.url } : { PUENTE_DATA: join(dir, 'data'), DATABASE_URL: '' };

async function openTarget(): Promise<Database> {
  if (server) return server;
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  await migrate(database.db);
  return database;
}

const closeTarget = async (database: Database) => {
  if (database !== server) await database.close();
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puente-killed-'));
  if (process.env.DATABASE_URL) server = await openTestDatabase();
  const database = await openTarget();
  await buildAgency(database.db, 'FGR', 'MX');
  await closeTarget(database);
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      JSON.stringify({
        id: `P-${i}`,
        schema: 'Person',
        properties: { name: [`Persona Número ${i}`] },
      }),
    );
  writeFileSync(join(dir, 'big.ndjson'), `${lines.join('\n')}\n`);
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `puente import` in its own process and kills it (-9) once it has read `after` rows. */
function importKilledAfter(after: number): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'import', join(dir, 'big.ndjson'), '--agency', 'FGR'],
      { env: { ...process.env, ...childEnv(), PUENTE_LANG: 'en', PUENTE_PROGRESS_MS: '100' } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const rows = [...stderr.matchAll(/([\d,]+) rows/g)].map((m) =>
        Number(m[1]!.replace(/,/g, '')),
      );
      if (rows.some((n) => n >= after)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', stderr }));
  });
}

describe('an import killed halfway', () => {
  it('leaves nothing of the file, and the database and audit chain intact', async () => {
    const { killed, stderr } = await importKilledAfter(10_000);
    expect(killed, stderr).toBe(true);
    const database = await openTarget();
    try {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM puente.record WHERE agency = 'FGR'`.execute(database.db);
      expect(rows[0]!.n).toBe(0);
      const check = await verifyAudit(operator(database.db));
      expect(check.firstBroken).toBeNull();
    } finally {
      await closeTarget(database);
    }
  }, 120_000);
});
