import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/identity/viewer.js';
import { newId } from '../../src/domain/ids.js';
import { assembleNetwork } from '../../src/domain/network/assemble.js';
import { louvain } from '../../src/domain/network/communities/louvain.js';
import type { LinkFact, RecordFact } from '../../src/domain/network/facts.js';
import { identityOf } from '../../src/domain/network/identity.js';
import { addAgency } from '../../src/services/identity/agencies.js';
import { addUser } from '../../src/services/identity/users.js';
import { createLink } from '../../src/services/links/create-link.js';
import { networkAround } from '../../src/services/network/around.js';
import { networkCommunities } from '../../src/services/network/communities.js';
import { exportNetwork, type NetworkJson } from '../../src/services/network/export.js';
import { networkKeyPlayers } from '../../src/services/network/key-players.js';
import { networkPath } from '../../src/services/network/path.js';
import { remarkRecord } from '../../src/services/records/change-record.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { operator } from '../support/factories.js';
import {
  canSee,
  canSeeLink,
  MARKINGS,
  type Marking,
  type RefMarked,
  type RefSharing,
} from './reference.js';

/*
 * Networks under the sharing rules: people, phones, calls, seizures and organizations written by
 * several partners under random markings, linked under random markings, then analysed by every
 * user; then some records are re-marked and everything is asked again (the graphs are cached and
 * brought up to date, not rebuilt). Each answer must be exactly what the same analysis gives on
 * the network of only what that viewer may see (nodes, ties, communities, modularity, key
 * players, paths), and an invisible record must be refused exactly like an unknown one.
 */

const COUNTRIES = ['US', 'MX', 'CA'] as const;
const ix = fc.nat({ max: 1000 });
const sharing = fc.record({
  marking: fc.constantFrom(...MARKINGS),
  relCountries: fc.oneof(fc.constant([]), fc.subarray([...COUNTRIES], { minLength: 1 })),
  recipient: ix,
});
const KINDS = ['Person', 'Person', 'Person', 'Phone', 'Call', 'Seizure', 'Organization'] as const;
const spec = fc.record({
  records: fc.array(fc.record({ kind: ix, by: ix, sharing }), { minLength: 4, maxLength: 12 }),
  links: fc.array(fc.record({ a: ix, b: ix, by: ix, sharing }), { minLength: 3, maxLength: 14 }),
  remarks: fc.array(fc.record({ record: ix, sharing }), { minLength: 1, maxLength: 3 }),
});

interface Written extends RefMarked {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}
interface WrittenLink extends RefMarked {
  id: string;
  type: string;
  source: Written;
  target: Written;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
let worlds = 0;
// Earlier worlds' records stay in the one database and many are visible to later users.
const records: Written[] = [];
const links: WrittenLink[] = [];

/** Which link a pair of records can take, if any (the model's link types decide). */
function linkType(a: Written, b: Written): string | null {
  const pair = `${a.schema} ${b.schema}`;
  const TYPES: Record<string, string> = {
    'Person Person': 'associate_of',
    'Person Phone': 'uses_phone',
    'Phone Call': 'involved_in',
    'Person Seizure': 'seized_in',
    'Person Organization': 'member_of',
  };
  return TYPES[pair] ?? null;
}

/** The reference: the network of only what the viewer may see, as the domain assembles it. */
function expectedNetwork(viewer: Viewer) {
  const seen = records.filter((r) => canSee(viewer, r));
  const facts: RecordFact[] = seen.map((r) => ({
    id: r.id,
    schema: r.schema,
    caption: '',
    date: r.properties.date?.[0]?.slice(0, 10) ?? null,
    countries: [],
    marking: r.marking,
    identity: identityOf(r.schema, r.properties),
  }));
  const linkFacts: LinkFact[] = links
    .filter((l) => canSeeLink(viewer, l, l.source, l.target))
    .map((l) => ({
      id: l.id,
      type: l.type,
      source: l.source.id,
      target: l.target.id,
      dates: [],
      role: null,
      marking: l.marking,
    }));
  return assembleNetwork(facts, linkFacts, new Map());
}

const tieSummary = (
  ties: { type: string; count: number; first: string | null; last: string | null }[],
) => ties.map((t) => `${t.type}×${t.count}:${t.first}:${t.last}`).join(',');

describe('networks under the sharing rules', () => {
  it('every analysis answers from what the viewer may see, before and after re-marking', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const db = database.db;
        const tag = `N${++worlds}${Math.random().toString(36).slice(2, 5).toUpperCase()}`;
        const agencies: { code: string; country: string }[] = [];
        const users: Viewer[] = [];
        for (const country of COUNTRIES) {
          const code = `${tag}${country}`;
          await addAgency(operator(db), { code, name: code, country });
          agencies.push({ code, country });
          for (const n of [1, 2]) {
            const u = await addUser(operator(db), {
              agency: code,
              name: `${n} ${code}`,
              role: 'analyst',
            });
            users.push({ userId: u.id, name: u.name, agency: code, country, role: 'analyst' });
          }
        }
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

        const mine: Written[] = [];
        for (const [i, r] of s.records.entries()) {
          const by = pick(users, r.by);
          const schema = pick(KINDS, r.kind);
          const properties: Record<string, string[]> = {
            Person: { name: [`${tag} Persona ${i}`] },
            Phone: { number: [`+52155${String(10_000_000 + worlds * 100 + i).slice(-8)}`] },
            Call: { date: [`2022-0${(i % 9) + 1}-1${i % 10}`], duration: ['60'] },
            Seizure: { date: [`2021-0${(i % 9) + 1}-0${(i % 9) + 1}`], drug: ['cocaine'] },
            Organization: { name: [`${tag} Cártel ${i}`] },
          }[schema]!;
          const shared = sharingOf(r.sharing);
          const view = await createRecord(
            { db, viewer: by },
            { schema, properties, ...input(shared) },
          );
          const w = {
            id: view.id,
            schema,
            properties: view.properties,
            agency: by.agency,
            createdBy: by.userId,
            ...shared,
          };
          mine.push(w);
          records.push(w);
        }
        for (const l of s.links) {
          const by = pick(users, l.by);
          const [a, b] = [pick(mine, l.a), pick(mine, l.b)];
          const type = a.id === b.id ? null : linkType(a, b);
          if (!type || !canSee(by, a) || !canSee(by, b)) continue;
          const shared = sharingOf(l.sharing);
          const view = await createLink(
            { db, viewer: by },
            { type, sourceId: a.id, targetId: b.id, ...input(shared) },
          );
          links.push({
            id: view.id,
            type,
            source: a,
            target: b,
            agency: by.agency,
            createdBy: by.userId,
            ...shared,
          });
        }

        const unknown = newId();
        const check = async () => {
          for (const viewer of users) {
            const call = { db, viewer };
            const want = expectedNetwork(viewer);
            const got = JSON.parse(
              (await exportNetwork(call, { format: 'json' })).body,
            ) as NetworkJson;
            const wantNodes = want.nodes
              .map((n) => `${n.key} ${n.kind} ${n.marking} ${n.records.join('+')}`)
              .sort();
            expect(
              got.nodes.map((n) => `${n.id} ${n.kind} ${n.marking} ${n.records.join('+')}`).sort(),
            ).toEqual(wantNodes);
            const key = (v: number) => want.nodes[v]!.key;
            const wantEdges = want.edges
              .map(
                (e) =>
                  [key(e.source), key(e.target)].sort().join(' ') +
                  ` ${e.weight} ${e.marking} ${tieSummary(e.ties)}`,
              )
              .sort();
            expect(
              got.edges
                .map(
                  (e) =>
                    [e.source, e.target].sort().join(' ') +
                    ` ${e.weight} ${e.marking} ${tieSummary(e.ties)}`,
                )
                .sort(),
            ).toEqual(wantEdges);

            const communities = await networkCommunities(call, { minSize: 1 });
            const reference = louvain(want.graph, { seed: 1 });
            expect([communities.count, communities.nodes, communities.edges]).toEqual([
              reference.count,
              want.graph.order,
              want.graph.size,
            ]);
            expect(communities.modularity).toBeCloseTo(reference.modularity, 10);
            if (want.graph.order) {
              const kinds = new Set(['person', 'organization', 'phone', 'seizure']);
              const players = await networkKeyPlayers(call, {
                top: 50,
                players: ['person', 'organization', 'phone', 'seizure'],
              });
              const visible = new Set(want.nodes.map((n) => n.key));
              for (const p of players.players) expect(visible.has(p.node.id)).toBe(true);
              // Ranked among those kinds: the visible nodes of them tied to one another.
              const tied = new Set<number>();
              for (const e of want.edges)
                if (kinds.has(want.nodes[e.source]!.kind) && kinds.has(want.nodes[e.target]!.kind))
                  tied.add(e.source).add(e.target);
              expect(players.nodes).toBe(tied.size);
            }

            const refusal = (id: string) =>
              networkAround(call, { entity: id, hops: 1 }).then(
                () => 'found',
                (e: Error) => e.message.replace(id, '<id>'),
              );
            const unknownError = await refusal(unknown);
            for (const r of mine) {
              if (!canSee(viewer, r) || r.schema === 'Call') {
                if (!canSee(viewer, r)) expect(await refusal(r.id)).toBe(unknownError);
                continue;
              }
              const near = await networkAround(call, { entity: r.id, hops: 2 });
              const v = want.nodeOf.get(r.id)!;
              // Two hops, a level at a time: what one hop reaches is not walked on in the same hop.
              const reach = new Set([want.nodes[v]!.key]);
              for (let hop = 0; hop < 2; hop++) {
                const from = new Set(reach);
                for (const e of want.edges)
                  if (from.has(key(e.source)) || from.has(key(e.target))) {
                    reach.add(key(e.source));
                    reach.add(key(e.target));
                  }
              }
              expect(near.nodes.map((n) => n.id).sort()).toEqual([...reach].sort());
            }
            const ends = mine.filter((r) => canSee(viewer, r) && r.schema === 'Person');
            if (ends.length >= 2) {
              const path = await networkPath(call, { a: ends[0]!.id, b: ends[1]!.id });
              for (const n of path.nodes) expect(want.nodeOf.has(n.id)).toBe(true);
            }
          }
        };
        await check();
        for (const m of s.remarks) {
          const r = pick(mine, m.record);
          const shared = sharingOf(m.sharing);
          const owner = users.find((u) => u.userId === r.createdBy)!;
          await remarkRecord({ db, viewer: owner }, r.id, input(shared));
          Object.assign(r, shared);
        }
        await check();
      }),
      { numRuns: Number(process.env.NETWORK_POLICY_RUNS ?? 6), interruptAfterTimeLimit: 90_000 },
    );
  }, 240_000);
});
