import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/identity/viewer.js';
import { newId } from '../../src/domain/ids.js';
import { blockingKeys, candidatePairs } from '../../src/domain/resolution/blocking.js';
import { components } from '../../src/domain/resolution/cluster.js';
import { compare } from '../../src/domain/resolution/compare.js';
import { scoreComparison } from '../../src/domain/resolution/model.js';
import { prepare } from '../../src/domain/resolution/prepare.js';
import { profileOf } from '../../src/domain/resolution/profile.js';
import { resolveGroup } from '../../src/domain/resolution/resolve-group.js';
import { addAgency } from '../../src/services/identity/agencies.js';
import { addUser } from '../../src/services/identity/users.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { explainMatch } from '../../src/services/resolution/explain-match.js';
import { getEntity } from '../../src/services/resolution/get-entity.js';
import { judgePair } from '../../src/services/resolution/judge-pair.js';
import { listReview } from '../../src/services/resolution/list-review.js';
import { modelFor } from '../../src/services/resolution/models.js';
import { resolveAll } from '../../src/services/resolution/resolve-all.js';
import { searchEntities } from '../../src/services/resolution/search-entities.js';
import { asOperator } from '../../src/storage/session.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { operator } from '../support/factories.js';
import { canSee, MARKINGS, type Marking, type RefMarked } from './reference.js';

/*
 * Entities under the sharing rules: random people written by several partners under random
 * markings, matched on arrival (and sometimes re-resolved in full), judged by analysts, then
 * read by every user. A viewer's entity must be exactly what resolving only the records that
 * viewer may see would give — as if the others did not exist — and an invisible record must be
 * refused exactly like an unknown one on every entity path.
 */

const COUNTRIES = ['US', 'MX', 'CA'] as const;

// Spellings of a few real people, as partners write them.
const PEOPLE: readonly (readonly string[])[] = [
  ['José Luis García Hernández', 'GARCIA HERNANDEZ, JOSE L.', 'Pepe Garcia', 'José García'],
  ['María Guadalupe Ortiz Peña', 'Lupe Ortiz', 'ORTIZ PENA, MA. GPE.'],
  ['Jean-François Tremblay', 'J.-F. Tremblay', 'Jean Francois Tremblay'],
  ['Elizabeth Kowalski-Grant', 'Dra. Beth Kowalski-Grant', 'Beth Kowalski'],
  ['José García López', 'Jose Garcia Lopez'],
];
const BIRTH = ['1970-05-02', '1982-03-14', '1975-07-09', '1961-09-30', '1988-11-23'];

const ix = fc.nat({ max: 1000 });
const spec = fc.record({
  records: fc.array(
    fc.record({
      person: ix,
      spelling: ix,
      creator: ix,
      dated: fc.boolean(),
      marking: fc.constantFrom(...MARKINGS),
      relCountries: fc.oneof(fc.constant([]), fc.subarray([...COUNTRIES], { minLength: 1 })),
      recipient: ix,
    }),
    { minLength: 3, maxLength: 10 },
  ),
  judgements: fc.array(fc.record({ by: ix, a: ix, b: ix, same: fc.boolean() }), { maxLength: 2 }),
  fullRun: fc.boolean(),
});

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
let worlds = 0;
// One database serves every run: earlier worlds' records stay, and many of them are visible to
// this world's users (CLEAR, GREEN, AMBER), so the reference resolves over all of them.
const everything: Written[] = [];
const everyDecision: { a: string; b: string; same: boolean }[] = [];

interface Written extends RefMarked {
  id: string;
  properties: Record<string, string[]>;
  country: string;
}

/** The reference: resolve only what the viewer sees, with the same model and decisions. */
async function expectedEntities(
  viewer: Viewer,
  records: Written[],
  decisions: { a: string; b: string; same: boolean }[],
) {
  const db = database.db;
  const model = await asOperator(db, (tx) => modelFor(tx, 'person'));
  const seen = records.filter((r) => canSee(viewer, r)).sort((x, y) => (x.id < y.id ? -1 : 1));
  const prepared = seen.map((r) => prepare(profileOf({ ...r, schema: 'Person' })!));
  const { pairs } = candidatePairs(prepared.map(blockingKeys));
  const index = new Map(seen.map((r, i) => [r.id, i]));
  const visibleDecisions = new Map<string, boolean>();
  for (const d of decisions)
    if (index.has(d.a) && index.has(d.b)) visibleDecisions.set(`${d.a} ${d.b}`, d.same);
  const judged = [...visibleDecisions].map(([k, same]) => {
    const [a, b] = k.split(' ');
    return { a: index.get(a!)!, b: index.get(b!)!, same };
  });
  const edges = [];
  for (let k = 0; k < pairs.length; k += 2) {
    const s = scoreComparison(model, compare(prepared[pairs[k]!]!, prepared[pairs[k + 1]!]!));
    if (s.probability >= model.matchProbability)
      edges.push({ a: pairs[k]!, b: pairs[k + 1]!, weight: s.weight, probability: s.probability });
  }
  const entityOf = new Map<string, string[]>();
  for (const group of components(seen.length, [...edges, ...judged.filter((j) => j.same)])) {
    const local = new Map(group.map((g, i) => [g, i]));
    const allPairs = [];
    for (let x = 0; x < group.length; x++)
      for (let y = x + 1; y < group.length; y++) {
        const s = scoreComparison(model, compare(prepared[group[x]!]!, prepared[group[y]!]!));
        allPairs.push({ a: x, b: y, weight: s.weight, probability: s.probability });
      }
    const labels = resolveGroup(
      group.map((g) => prepared[g]!),
      allPairs,
      judged
        .filter((j) => local.has(j.a) && local.has(j.b))
        .map((j) => ({ a: local.get(j.a)!, b: local.get(j.b)!, same: j.same })),
      model,
    );
    group.forEach((g, i) => {
      const members = group.filter((_, k) => labels[k] === labels[i]).map((m) => seen[m]!.id);
      entityOf.set(seen[g]!.id, members);
    });
  }
  return entityOf;
}

describe('entities under the sharing rules', () => {
  it('a viewer’s entity is what the records it may see add up to, nothing more', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const db = database.db;
        const tag = `E${++worlds}${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
        const agencies = [];
        const users: Viewer[] = [];
        for (const country of COUNTRIES) {
          const code = `${tag}${country}`;
          await addAgency(operator(db), { code, name: code, country });
          agencies.push({ code, country });
          for (const role of ['analyst', 'supervisor'] as const) {
            const u = await addUser(operator(db), { agency: code, name: `${role} ${code}`, role });
            users.push({ userId: u.id, name: u.name, agency: code, country, role });
          }
        }
        const records: Written[] = [];
        for (const r of s.records) {
          const creator = pick(users, r.creator);
          const p = r.person % PEOPLE.length;
          const properties = {
            name: [pick(PEOPLE[p]!, r.spelling)],
            ...(r.dated ? { birthDate: [BIRTH[p]!] } : {}),
          };
          const marking = r.marking as Marking;
          const recipientAgencies =
            marking === 'AMBER+STRICT' ? [pick(agencies, r.recipient).code] : [];
          const recipientUsers = marking === 'RED' ? [pick(users, r.recipient).userId] : [];
          const view = await createRecord(
            { db, viewer: creator },
            {
              schema: 'Person',
              properties,
              marking: `TLP:${marking}`,
              relCountries: r.relCountries,
              recipientAgencies,
              recipientUsers,
            },
          );
          const written: Written = {
            id: view.id,
            properties,
            country: creator.country,
            agency: creator.agency,
            createdBy: creator.userId,
            marking,
            relCountries: r.relCountries,
            relAgencies: [],
            recipientAgencies,
            recipientUsers,
          };
          records.push(written);
          everything.push(written);
        }
        for (const j of s.judgements) {
          const by = pick(users, j.by);
          const [x, y] = [pick(records, j.a), pick(records, j.b)];
          if (x.id === y.id || !canSee(by, x) || !canSee(by, y)) continue;
          await judgePair(
            { db, viewer: by },
            { a: x.id, b: y.id, verdict: j.same ? 'same' : 'different' },
          );
          const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
          everyDecision.push({ a, b, same: j.same });
        }
        if (s.fullRun) await resolveAll(operator(db), { workers: 1 });

        const unknown = newId();
        for (const viewer of users) {
          const call = { db, viewer };
          const want = await expectedEntities(viewer, everything, everyDecision);
          const refusal = (id: string) =>
            getEntity(call, id).then(
              () => 'found',
              (e: Error) => e.message.replace(id, '<id>'),
            );
          const unknownError = await refusal(unknown);
          for (const r of records) {
            if (!canSee(viewer, r)) {
              expect(await refusal(r.id)).toBe(unknownError);
              continue;
            }
            const entity = await getEntity(call, r.id);
            const members = entity.records.map((x) => x.id).sort();
            expect(members).toEqual([...want.get(r.id)!].sort());
            expect(entity.id).toBe(members[0]);
            for (const other of records) {
              if (other.id === r.id || canSee(viewer, other)) continue;
              await expect(explainMatch(call, r.id, other.id)).rejects.toMatchObject({
                code: 'not_found',
              });
            }
          }
          const visible = new Set(everything.filter((r) => canSee(viewer, r)).map((r) => r.id));
          const hits = await searchEntities(call, { q: 'Jose Garcia' });
          for (const h of hits.items) {
            expect(visible.has(h.id)).toBe(true);
            expect(h.records).toBe(want.get(h.id)!.length);
          }
          const review = await listReview(call, { limit: 200 });
          for (const p of review.items)
            expect(visible.has(p.a.id) && visible.has(p.b.id)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.ENTITY_POLICY_RUNS ?? 8), interruptAfterTimeLimit: 120_000 },
    );
  }, 180_000);
});
