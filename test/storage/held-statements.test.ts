import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD } from '../../src/storage/held-statements.js';
import { asViewer } from '../../src/storage/session.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';

// On the server, a transaction's BEGIN and the viewer's settings travel with its first
// statement; whatever the transport, they must behave as if sent one by one.

let database: TestDatabase;
let fgr: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  fgr = await buildUser(database.db, await buildAgency(database.db, 'FGR', 'MX'));
  await sql`CREATE TABLE public.held_probe (n int)`.execute(database.db);
});
afterAll(() => database.close());

const who = sql<{ role: string; agency: string }>`
  SELECT current_user AS role, current_setting('puente.agency', true) AS agency`;

describe('held statements', () => {
  it('apply the viewer to the first statement, and only inside its transaction', async () => {
    const inside = await asViewer(
      database.db,
      fgr.viewer,
      async (tx) => (await who.execute(tx)).rows[0],
    );
    expect(inside).toEqual({ role: 'puente_app', agency: 'FGR' });
    const after = (await who.execute(database.db)).rows[0]!;
    expect(after.role).not.toBe('puente_app');
    expect(after.agency ?? '').toBe('');
  });

  it('never run the next statement when a held one fails, and leave the connection usable', async () => {
    const failed = database.db.transaction().execute(async (tx) => {
      await sql`${sql.raw(HELD)}SELECT 1 / 0`.execute(tx);
      await sql`INSERT INTO public.held_probe VALUES (1)`.execute(tx);
    });
    await expect(failed).rejects.toThrow(/division by zero/);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM public.held_probe`.execute(
      database.db,
    );
    expect(rows.rows[0]!.n).toBe(0);
    // Every connection of the pool still takes work (none was left in a failed transaction).
    const again = await Promise.all(
      Array.from({ length: 8 }, () =>
        database.db.transaction().execute(async (tx) => {
          await sql`INSERT INTO public.held_probe VALUES (2)`.execute(tx);
          return (await sql<{ n: number }>`SELECT 2 AS n`.execute(tx)).rows[0]!.n;
        }),
      ),
    );
    expect(again).toEqual(Array(8).fill(2));
  });

  it('commit a transaction that sent nothing, and roll back one whose first statement failed', async () => {
    await database.db.transaction().execute(async () => undefined);
    const bad = database.db.transaction().execute(async (tx) => {
      await sql`INSERT INTO public.held_probe VALUES (3)`.execute(tx);
      await sql`SELECT no_such_column FROM public.held_probe`.execute(tx);
    });
    await expect(bad).rejects.toThrow(/no_such_column/);
    const threes = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM public.held_probe WHERE n = 3`.execute(database.db);
    expect(threes.rows[0]!.n).toBe(0);
  });
});
