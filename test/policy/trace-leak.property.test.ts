import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/identity/viewer.js';
import { newId } from '../../src/domain/ids.js';
import { addAgency, setAgencyTraceRole } from '../../src/services/identity/agencies.js';
import { addUser } from '../../src/services/identity/users.js';
import { createLink } from '../../src/services/links/create-link.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { getTrace, listTraces } from '../../src/services/tracing/read-traces.js';
import { runTraces } from '../../src/services/tracing/run-traces.js';
import { submitTraces } from '../../src/services/tracing/submit-traces.js';
import { traceStats } from '../../src/services/tracing/trace-stats.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { operator } from '../support/factories.js';
import { canSee, MARKINGS, type Marking, type RefMarked, type RefSharing } from './reference.js';

/*
 * Firearm traces under the sharing rules: sales written by a tracing agency under random
 * markings (the sale, the gun, the buyer and both links each its own), requests from random
 * agencies, traced with a random marking for the purchaser's identity, then read by every user.
 * A trace may find only a sale whose records and link the tracer sees; a request is seen only by
 * its agency and tracers; the purchaser only where the tracer saw the buyer and the marking it
 * set reaches; and an unseen request answers exactly like an unknown one.
 */

const COUNTRIES = ['US', 'MX', 'CA'] as const;
const ix = fc.nat({ max: 1000 });
const sharing = fc.record({
  marking: fc.constantFrom(...MARKINGS),
  relCountries: fc.oneof(fc.constant([]), fc.subarray([...COUNTRIES], { minLength: 1 })),
  recipient: ix,
});
const spec = fc.record({
  guns: fc.array(
    fc.record({
      sale: sharing,
      firearm: sharing,
      buyer: sharing,
      soldIn: sharing,
      purchased: sharing,
      by: ix,
    }),
    { minLength: 1, maxLength: 4 },
  ),
  requests: fc.array(fc.record({ gun: ix, by: ix }), { minLength: 1, maxLength: 5 }),
  disclosure: sharing,
});

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
let worlds = 0;

interface Agency {
  code: string;
  country: string;
  role: 'tracer' | 'requester' | null;
}

describe('firearm traces under the sharing rules', () => {
  it('show each viewer only its requests, sales the tracer sees, purchasers the marking reaches', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const db = database.db;
        const tag = `T${++worlds}${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
        const agencies: Agency[] = [
          { code: `${tag}US`, country: 'US', role: 'tracer' },
          { code: `${tag}MX`, country: 'MX', role: 'requester' },
          { code: `${tag}MXB`, country: 'MX', role: null },
          { code: `${tag}CA`, country: 'CA', role: 'requester' },
        ];
        const users: Viewer[] = [];
        for (const a of agencies) {
          await addAgency(operator(db), { code: a.code, name: a.code, country: a.country });
          if (a.role) await setAgencyTraceRole(operator(db), a.code, a.role);
          for (const n of [1, 2]) {
            const u = await addUser(operator(db), {
              agency: a.code,
              name: `${n} ${a.code}`,
              role: 'analyst',
            });
            users.push({
              userId: u.id,
              name: u.name,
              agency: a.code,
              country: a.country,
              role: 'analyst',
            });
          }
        }
        const tracers = users.filter((u) => u.agency === agencies[0]!.code);
        const requesters = users.filter(
          (u) => agencies.find((a) => a.code === u.agency)?.role === 'requester',
        );
        const sharingOf = (x: {
          marking: string;
          relCountries: readonly string[];
          recipient: number;
        }): RefSharing => ({
          marking: x.marking as Marking,
          relCountries: x.relCountries,
          relAgencies: [],
          recipientAgencies: x.marking === 'AMBER+STRICT' ? [pick(agencies, x.recipient).code] : [],
          recipientUsers: x.marking === 'RED' ? [pick(users, x.recipient).userId] : [],
        });
        const input = (r: RefSharing) => ({ ...r, marking: `TLP:${r.marking}` });
        const marked = (by: Viewer, r: RefSharing): RefMarked => ({
          ...r,
          agency: by.agency,
          createdBy: by.userId,
        });

        // The guns: each sold by one of the tracing agency's users, everything its own marking.
        const guns = [];
        for (const [i, g] of s.guns.entries()) {
          const by = pick(tracers, g.by);
          const call = { db, viewer: by };
          const serial = `${tag}X${i}`.replace(/[^A-Z0-9]/g, '').slice(-12);
          const [sale, firearm, buyer, soldIn, purchased] = [
            g.sale,
            g.firearm,
            g.buyer,
            g.soldIn,
            g.purchased,
          ].map(sharingOf) as [RefSharing, RefSharing, RefSharing, RefSharing, RefSharing];
          const saleRec = await createRecord(call, {
            schema: 'Sale',
            ...input(sale),
            properties: {
              date: ['2020-01-10'],
              dealerLicense: ['5-74-001-01-1A-00001'],
              dealerState: ['TX'],
              country: ['US'],
            },
          });
          const gunRec = await createRecord(call, {
            schema: 'Firearm',
            ...input(firearm),
            properties: { make: ['Colt'], serialNumber: [serial], type: ['rifle'] },
          });
          const buyerRec = await createRecord(call, {
            schema: 'Person',
            ...input(buyer),
            properties: { name: [`Buyer ${serial}`] },
          });
          const soldLink = await createLink(call, {
            type: 'sold_in',
            sourceId: gunRec.id,
            targetId: saleRec.id,
            ...input(soldIn),
          });
          const boughtLink = await createLink(call, {
            type: 'purchased',
            sourceId: buyerRec.id,
            targetId: gunRec.id,
            ...input(purchased),
          });
          guns.push({
            serial,
            saleId: saleRec.id,
            records: [sale, firearm].map((r) => marked(by, r)),
            soldIn: marked(by, soldIn),
            buyer: marked(by, buyer),
            purchased: marked(by, purchased),
            ids: [saleRec.id, gunRec.id, buyerRec.id, soldLink.id, boughtLink.id],
          });
        }

        // Requests: one per agency and gun at most (a second is refused as a duplicate).
        const requests: { id: string; agency: string; gun: (typeof guns)[number] }[] = [];
        const asked = new Set<string>();
        for (const r of s.requests) {
          const by = pick(requesters, r.by);
          const gun = pick(guns, r.gun);
          if (asked.has(`${by.agency} ${gun.serial}`)) continue;
          asked.add(`${by.agency} ${gun.serial}`);
          const { ids } = await submitTraces({ db, viewer: by }, [
            {
              firearm: { make: 'Colt', serialNumber: gun.serial, type: 'rifle' },
              recovery: { date: '2021-05-01', country: by.country },
            },
          ]);
          requests.push({ id: ids[0]!, agency: by.agency, gun });
        }
        const runner = tracers[0]!;
        const disclosure = sharingOf(s.disclosure);
        await runTraces(
          { db, viewer: runner },
          { ids: requests.map((r) => r.id), purchaserSharing: input(disclosure) },
        );
        const disclosed = marked(runner, disclosure);

        const unknown = newId();
        for (const viewer of users) {
          const call = { db, viewer };
          const tracer = viewer.agency === agencies[0]!.code;
          const mine = requests.filter((r) => tracer || r.agency === viewer.agency);
          const listed = (await listTraces(call, { limit: 200 })).items.filter((t) =>
            t.agency.startsWith(tag),
          );
          expect(listed.map((t) => t.id).sort()).toEqual(mine.map((r) => r.id).sort());
          const refusal = (id: string) =>
            getTrace(call, id).then(
              () => 'found',
              (e: Error) => e.message.replace(id, '<id>'),
            );
          const unknownError = await refusal(unknown);
          for (const r of requests) {
            if (!mine.includes(r)) {
              expect(await refusal(r.id)).toBe(unknownError);
              continue;
            }
            const t = await getTrace(call, r.id);
            const found =
              r.gun.records.every((x) => canSee(runner, x)) && canSee(runner, r.gun.soldIn);
            expect(t.status).toBe(found ? 'completed' : 'no_record_found');
            expect(t.candidates !== undefined).toBe(tracer);
            const buyerKnown =
              found && canSee(runner, r.gun.buyer) && canSee(runner, r.gun.purchased);
            const named = buyerKnown && canSee(viewer, disclosed);
            expect(t.result?.purchaser?.name ?? null).toBe(named ? `Buyer ${r.gun.serial}` : null);
            if (found) expect(t.result?.saleId).toBe(r.gun.saleId);
            if (tracer) {
              // The candidates a reader gets are those it sees itself, the buyer too.
              const sees =
                r.gun.records.every((x) => canSee(viewer, x)) && canSee(viewer, r.gun.soldIn);
              expect(t.candidates!.length).toBe(found && sees ? 1 : 0);
              const buyerSeen =
                buyerKnown && canSee(viewer, r.gun.buyer) && canSee(viewer, r.gun.purchased);
              for (const c of t.candidates!) expect(c.candidate.buyerId !== null).toBe(buyerSeen);
            }
          }
        }
        // Statistics count what the viewer may see: its agency's requests, or none.
        for (const viewer of users.filter((u) => u.agency !== agencies[0]!.code)) {
          const stats = await traceStats({ db, viewer }, { recoveryCountry: viewer.country });
          expect(stats.requests).toBe(requests.filter((r) => r.agency === viewer.agency).length);
        }
      }),
      { numRuns: Number(process.env.TRACE_POLICY_RUNS ?? 10), interruptAfterTimeLimit: 120_000 },
    );
  }, 180_000);
});
