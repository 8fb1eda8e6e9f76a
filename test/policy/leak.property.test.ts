import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/services/audit/read-audit.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { checkViewer } from './check-viewer.js';
import { RefWorld } from './model.js';
import { allPages, auditSeqsOfAgency } from './observe.js';
import { buildWorld } from './world.js';
import { pick, worldSpec } from './world-spec.js';

/*
 * The product's central promise, tested against a reference written from the rules: random
 * worlds of agencies in three countries, records and links with random markings, releasability,
 * recipients, re-marks and retractions, read back by random viewers through every read path.
 * One database serves every run (worlds use fresh agency codes), so the model accumulates every
 * world and lists are checked against all of them, not only the newest.
 */

let database: TestDatabase;
const model = new RefWorld();

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('sharing rules hold on every read path', () => {
  it('nothing forbidden is returned or counted, nothing allowed is missing', async () => {
    await fc.assert(
      fc.asyncProperty(worldSpec, async (spec) => {
        const db = database.db;
        const w = await buildWorld(db, model, spec);
        for (const q of spec.viewers) await checkViewer(db, model, w, pick(w.users, q.user), q);

        // A supervisor reads exactly their own agency's audit entries, and no other agency's.
        const supervisor = pick(w.users, spec.viewers[0]!.user);
        const boss = w.users.find(
          (u) => u.agency === supervisor.agency && u.role === 'supervisor',
        )!;
        const want = await auditSeqsOfAgency(db, boss.agency);
        const pages = await allPages(async (cursor) => {
          const page = await listAudit({ db, viewer: boss }, { cursor, limit: 200 });
          for (const e of page.items) expect(e.agency).toBe(boss.agency);
          return { ...page, items: page.items.map((e) => ({ id: String(e.seq) })) };
        });
        expect(pages.flat().map(Number)).toEqual(want);
      }),
      { numRuns: Number(process.env.POLICY_RUNS ?? 15), interruptAfterTimeLimit: 150_000 },
    );
  }, 180_000);
});
