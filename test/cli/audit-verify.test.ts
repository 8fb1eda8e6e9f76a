import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser } from '../support/factories.js';
import { puente } from './harness.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await buildUser(database.db, await buildAgency(database.db, 'SEMAR', 'MX'));
});
afterAll(() => database.close());

describe('puente audit verify', () => {
  it('reports an intact chain with its length and head', async () => {
    const r = await puente(database, ['audit', 'verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^intact, \d+ entries, head [0-9a-f]{64}\n$/);
    expect(r.stderr).toBe('');
    const json = JSON.parse((await puente(database, ['audit', 'verify', '--json'])).stdout);
    expect(json).toMatchObject({ intact: true, firstBroken: null });
    expect(json.entries).toBeGreaterThan(2);
  });

  it('shows progress on a terminal only', async () => {
    const stderr = { text: '', isTTY: true, write: (s: string) => (stderr.text += s) };
    await puente(database, ['audit', 'verify'], { PUENTE_LANG: 'en' }, { stderr });
    expect(stderr.text).toMatch(/Verifying the audit log: \d+ of \d+ entries/);
  });

  it('names the first edited entry and exits 1', async () => {
    // The table refuses updates by trigger; an owner who switches triggers off is still caught.
    await database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      await sql`UPDATE puente.audit_entry SET result_count = 999 WHERE seq = 2`.execute(tx);
    });
    const r = await puente(database, ['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^BROKEN at entry 2: its content no longer matches its hash, so it was edited \(hash_mismatch\)\.$/m,
    );
    expect(r.stdout).toMatch(/^1 entry before it is intact\.$/m);
    const json = await puente(database, ['audit', 'verify', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      intact: false,
      firstBroken: { seq: 2, reason: 'hash_mismatch' },
    });
  });
});
