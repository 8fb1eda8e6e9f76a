import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MX_ONLY, seedRing, type Ring } from '../support/network-fixtures.js';
import { parseXml, findAll } from '../support/xml.js';
import { as, auditTail, expectProblem, openHarness, type Harness } from './harness.js';

let h: Harness;
let ring: Ring;
let secret: Ring;
type Ask = ReturnType<typeof as>;
let fgr: Ask;
let cbp: Ask;

beforeAll(async () => {
  h = await openHarness();
  ring = await seedRing(
    h.cbp.call,
    ['Genaro Ramírez Lozano', 'Ñeco Peña', 'José García'],
    'Los Coyotes',
    2022,
  );
  secret = await seedRing(
    h.fgr.call,
    ['Ismael Zambada', 'Ovidio Guzmán'],
    'Red Zambada',
    2023,
    MX_ONLY,
    '+52 66 7777 ',
  );
  fgr = as(h.app, h.fgr);
  cbp = as(h.app, h.cbp);
}, 120_000);
afterAll(() => h?.close());

describe('/api/v1/network', () => {
  it('answers an entity’s neighbourhood, audited', async () => {
    const res = await cbp({
      method: 'GET',
      url: `/api/v1/network/around/${ring.leader}?hops=2&kind=person,organization`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.center).toBe(ring.leader);
    expect(body.nodes.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'organization',
      'person',
      'person',
      'person',
    ]);
    expect(body.nodes[0]).toMatchObject({
      id: ring.leader,
      label: 'Genaro Ramírez Lozano',
      marking: 'AMBER',
      distance: 0,
    });
    expect((await auditTail(h.db)).last).toMatchObject({ action: 'network.around', outcome: 'ok' });
  });

  it('refuses what the viewer may not see as it refuses the unknown, and bad parameters clearly', async () => {
    const hidden = await cbp({ method: 'GET', url: `/api/v1/network/around/${secret.leader}` });
    const unknown = await cbp({
      method: 'GET',
      url: '/api/v1/network/around/0191c2a4-0000-7000-8000-000000000000',
    });
    expectProblem(hidden, 404, 'not_found');
    expect(hidden.json().detail).toBe(
      unknown.json().detail.replace('0191c2a4-0000-7000-8000-000000000000', secret.leader),
    );
    expectProblem(
      await cbp({ method: 'GET', url: `/api/v1/network/around/${ring.leader}?hops=9` }),
      422,
      'validation_failed',
    );
    const resolution = await cbp({
      method: 'GET',
      url: '/api/v1/network/communities?resolution=0',
    });
    expect(expectProblem(resolution, 422, 'validation_failed').errors?.[0]?.field).toBe(
      'resolution',
    );
    expectProblem(
      await cbp({ method: 'GET', url: '/api/v1/network/path?a=x' }),
      422,
      'validation_failed',
    );
  });

  it('lists communities, key players, disruption and growth', async () => {
    const communities = (
      await fgr({ method: 'GET', url: '/api/v1/network/communities?minSize=2' })
    ).json();
    expect(communities.count).toBeGreaterThanOrEqual(2);
    const players = await fgr({
      method: 'GET',
      url: `/api/v1/network/key-players?community=${ring.leader}&top=2&players=person`,
    });
    expect(players.statusCode, players.body).toBe(200);
    expect(players.json().players[0].node.id).toBe(ring.leader);
    const disrupt = await fgr({
      method: 'GET',
      url: `/api/v1/network/disrupt?community=${ring.leader}&remove=1`,
    });
    expect(disrupt.statusCode, disrupt.body).toBe(200);
    expect(disrupt.json().steps).toHaveLength(1);
    const structure = await fgr({
      method: 'GET',
      url: `/api/v1/network/structure?community=${ring.leader}`,
    });
    expect(structure.statusCode, structure.body).toBe(200);
    expect(structure.json().components.count).toBe(1);
    const growth = (await cbp({ method: 'GET', url: '/api/v1/network/growth' })).json();
    expect(growth.months[0].month).toBe('2022-01');
    const path = await fgr({
      method: 'GET',
      url: `/api/v1/network/path?a=${ring.members[0]}&b=${ring.members[1]}&mode=strongest`,
    });
    expect(path.json()).toMatchObject({ found: true, mode: 'strongest' });
  });

  it('exports GEXF and GraphML for Gephi, marked', async () => {
    const gexf = await cbp({ method: 'GET', url: '/api/v1/network/export?format=gexf' });
    expect(gexf.statusCode).toBe(200);
    expect(gexf.headers['content-type']).toMatch(/^application\/gexf\+xml/);
    expect(gexf.headers['content-disposition']).toContain('puente-network.gexf');
    const json = await cbp({ method: 'GET', url: '/api/v1/network/export?format=json' });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json().marking).toBe('AMBER');
    const doc = parseXml(gexf.body);
    const labels = findAll(doc, 'node').map((n) => n.attributes.label);
    expect(labels).toContain('Ñeco Peña');
    expect(labels).not.toContain('Ismael Zambada');
    const graphml = await fgr({
      method: 'GET',
      url: `/api/v1/network/export?format=graphml&community=${secret.leader}`,
    });
    expect(graphml.body).toContain('Ismael Zambada');
    expect(graphml.body).not.toContain('Ñeco Peña');
  });
});
