import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { remarkRecord } from '../../src/services/records/change-record.js';
import { networkAround } from '../../src/services/network/around.js';
import { networkCommunities } from '../../src/services/network/communities.js';
import { networkDisrupt } from '../../src/services/network/disrupt.js';
import { exportNetwork } from '../../src/services/network/export.js';
import { networkGrowth } from '../../src/services/network/growth.js';
import { networkKeyPlayers } from '../../src/services/network/key-players.js';
import { networkPath } from '../../src/services/network/path.js';
import { networkStructure } from '../../src/services/network/structure.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { link, MX_ONLY, record, seedRing, type Ring } from '../support/network-fixtures.js';

let database: TestDatabase;
let hsi: TestUser;
let fgr: TestUser;
let ringA: Ring;
let ringB: Ring;
let seizure: string;

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  hsi = await buildUser(db, await buildAgency(db, 'HSI', 'US'));
  fgr = await buildUser(db, await buildAgency(db, 'FGR', 'MX'));
  ringA = await seedRing(
    hsi.call,
    [
      'Genaro Ramírez Lozano',
      'María Guadalupe Ortiz Peña',
      'José Luis García',
      'Jean-François Tremblay',
      'Beth Kowalski-Grant',
    ],
    'Los Halcones de Reynosa',
    2021,
  );
  ringB = await seedRing(
    fgr.call,
    ['Rafael Caro Quintero', 'Ovidio Guzmán', 'Ismael Zambada', 'Damaso López'],
    'Red Zambada',
    2022,
    MX_ONLY,
    '+52 66 7777 ',
  );
  // What FGR knows and HSI does not: one of ring A works with ring B's leader.
  await link(fgr.call, 'associate_of', ringA.members[0]!, ringB.leader, MX_ONLY);
  seizure = await record(hsi.call, 'Seizure', {
    date: '2021-05-02',
    drug: 'fentanyl pills',
    country: 'US',
  });
  await link(hsi.call, 'seized_in', ringA.members[1]!, seizure);
  await link(hsi.call, 'seized_in', ringA.members[2]!, seizure);
  const truck = await record(hsi.call, 'Vehicle', {
    registrationNumber: 'XKR-41-22',
    country: 'MX',
  });
  await link(hsi.call, 'owns', ringA.members[3]!, truck);
}, 120_000);

afterAll(() => database?.close());

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('the network each viewer may see', () => {
  it('reaches two hops in what the viewer sees, and no further than its sharing rules', async () => {
    const asHsi = await networkAround(hsi.call, { entity: ringA.members[0]!, hops: 2 });
    const asFgr = await networkAround(fgr.call, { entity: ringA.members[0]!, hops: 2 });
    expect(ids(asHsi.nodes)).toContain(ringA.leader);
    expect(ids(asHsi.nodes)).not.toContain(ringB.leader);
    expect(ids(asFgr.nodes)).toContain(ringB.leader);
    expect(asHsi.nodes[0]!.distance).toBe(0);
    // A node of what HSI cannot see answers as an unknown one does.
    expect((await refusal(networkAround(hsi.call, { entity: ringB.leader }))).code).toBe(
      'not_found',
    );
  });

  it('turns calls between phones into ties between the people who use them', async () => {
    const near = await networkAround(hsi.call, { entity: ringA.leader, hops: 1 });
    const tie = near.edges.find(
      (e) =>
        [e.source, e.target].includes(ringA.leader) &&
        [e.source, e.target].includes(ringA.members[3]!),
    );
    expect(tie?.ties.map((t) => t.type).sort()).toEqual(['associate_of', 'called']);
    expect(tie?.ties.find((t) => t.type === 'called')?.first).toBe('2021-04-15');
  });

  it('ties people seized together', async () => {
    const near = await networkAround(hsi.call, {
      entity: ringA.members[1]!,
      hops: 1,
      ties: ['seized_together'],
    });
    expect(ids(near.nodes).sort()).toEqual([ringA.members[1]!, ringA.members[2]!].sort());
  });

  it('restricts to a date window', async () => {
    const before = await networkAround(hsi.call, {
      entity: ringA.leader,
      hops: 2,
      to: '2020-12-31',
    });
    expect(ids(before.nodes)).toEqual([ringA.leader]);
    const during = await networkAround(hsi.call, {
      entity: ringA.leader,
      hops: 1,
      from: '2021-01-01',
      to: '2021-12-31',
    });
    expect(during.nodes.length).toBeGreaterThan(4);
  });

  it('finds paths only through what the viewer may see', async () => {
    const path = await networkPath(fgr.call, { a: ringA.members[3]!, b: ringB.members[2]! });
    expect(path.found).toBe(true);
    expect(ids(path.nodes)).toContain(ringB.leader);
    const strongest = await networkPath(fgr.call, {
      a: ringA.members[3]!,
      b: ringB.members[2]!,
      mode: 'strongest',
    });
    expect(strongest.strength).toBeGreaterThan(0);
    expect(
      (await refusal(networkPath(hsi.call, { a: ringA.members[3]!, b: ringB.members[2]! }))).code,
    ).toBe('not_found');
  });

  it('separates the rings into communities, and counts only what the viewer sees', async () => {
    const asFgr = await networkCommunities(fgr.call, {});
    const asHsi = await networkCommunities(hsi.call, {});
    const communityOf = (r: typeof asFgr, id: string) =>
      r.communities.find((c) => c.members.some((m) => m.id === id))?.id;
    expect(asFgr.count).toBeGreaterThanOrEqual(2);
    expect(asHsi.nodes).toBeLessThan(asFgr.nodes);
    expect(communityOf(asFgr, ringA.leader)).not.toBe(communityOf(asFgr, ringB.leader));
    expect(asHsi.communities.flatMap((c) => c.members).map((m) => m.id)).not.toContain(
      ringB.leader,
    );
  });

  it('ranks a ring’s leader first among its key players', async () => {
    const players = await networkKeyPlayers(hsi.call, {
      community: ringA.leader,
      top: 3,
      players: ['person'],
    });
    expect(players.players[0]!.node.id).toBe(ringA.leader);
    expect(players.betweenness.exact).toBe(true);
    const all = await networkKeyPlayers(fgr.call, { top: 5 });
    expect(all.community).toBeNull();
    expect(all.players.length).toBe(5);
  });

  it('names the removals that fragment a ring most', async () => {
    const out = await networkDisrupt(hsi.call, { community: ringA.leader, remove: 2 });
    expect(out.steps).toHaveLength(2);
    expect(out.final).toBeLessThan(out.initial);
    expect([ringA.leader, ringA.org]).toContain(out.steps[0]!.node.id);
  });

  it('shows how a ring holds together: pieces, core, cut points and bridges', async () => {
    const all = await networkStructure(hsi.call, {});
    expect(all.components.count).toBe(1);
    expect(all.core.k).toBeGreaterThanOrEqual(2);
    // The truck hangs off its owner alone: the owner is a cut point, the tie a bridge.
    expect(all.cutPoints.nodes.map((n) => n.id)).toContain(ringA.members[3]!);
    expect(all.bridges.count).toBeGreaterThan(0);
    const ring = await networkStructure(hsi.call, { community: ringA.leader });
    expect(ring.community).not.toBeNull();
    expect(ring.nodes).toBeLessThan(all.nodes);
  });

  it('lists growth by month', async () => {
    const growth = await networkGrowth(hsi.call, { community: ringA.leader });
    expect(growth.months[0]!.month).toBe('2021-01');
    expect(growth.months.at(-1)!.members).toBeGreaterThan(0);
  });

  it('exports GraphML and GEXF with names intact and markings on every element', async () => {
    const graphml = await exportNetwork(hsi.call, { format: 'graphml', community: ringA.leader });
    expect(graphml.body).toContain('María Guadalupe Ortiz Peña');
    expect(graphml.body).toContain('TLP:AMBER');
    const gexf = await exportNetwork(fgr.call, { format: 'gexf' });
    expect(gexf.body).toContain('Rafael Caro Quintero');
    const hsiJson = JSON.parse((await exportNetwork(hsi.call, { format: 'json' })).body) as {
      nodes: { label: string }[];
    };
    expect(hsiJson.nodes.map((n) => n.label)).not.toContain('Rafael Caro Quintero');
  });

  it('keeps up with new records and with records re-marked out of sight', async () => {
    await networkAround(fgr.call, { entity: ringA.leader, hops: 1 });
    const recruit = await record(hsi.call, 'Person', { name: 'Travis Lee Dunham' });
    await link(hsi.call, 'associate_of', ringA.leader, recruit);
    expect(ids((await networkAround(fgr.call, { entity: ringA.leader, hops: 1 })).nodes)).toContain(
      recruit,
    );
    await remarkRecord(hsi.call, recruit, { marking: 'TLP:AMBER', relCountries: ['US'] });
    expect(
      ids((await networkAround(fgr.call, { entity: ringA.leader, hops: 1 })).nodes),
    ).not.toContain(recruit);
    expect(ids((await networkAround(hsi.call, { entity: ringA.leader, hops: 1 })).nodes)).toContain(
      recruit,
    );
  });
});
