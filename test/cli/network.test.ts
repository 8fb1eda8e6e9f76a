import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/identity/viewer.js';
import { addUser } from '../../src/services/identity/users.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, operator } from '../support/factories.js';
import { seedRing, type Ring } from '../support/network-fixtures.js';
import { puente } from './harness.js';

let database: TestDatabase;
let ring: Ring;
const HSI = 'a.rivera@hsi.example';
const run = (args: string[], lang = 'en') => puente(database, args, { PUENTE_LANG: lang });

beforeAll(async () => {
  database = await openTestDatabase();
  await buildAgency(database.db, 'HSI', 'US');
  const u = await addUser(operator(database.db), {
    agency: 'HSI',
    name: 'Ana Rivera',
    role: 'analyst',
    email: HSI,
  });
  const viewer: Viewer = {
    userId: u.id,
    name: u.name,
    agency: 'HSI',
    country: 'US',
    role: 'analyst',
  };
  ring = await seedRing(
    { db: database.db, viewer },
    ['Genaro Ramírez Lozano', 'Ñeco Peña', 'José García', 'Lupe Ortiz'],
    'Los Coyotes',
    2022,
  );
}, 120_000);
afterAll(() => database?.close());

describe('puente network', () => {
  it('shows an entity’s neighbourhood with names, kinds and markings, in Spanish too', async () => {
    const en = await run(['network', 'around', ring.leader, '--hops', '1', '--as', HSI]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('Genaro Ramírez Lozano · person · TLP:AMBER');
    expect(en.stderr).toMatch(/nodes and \d+ ties within 1 hops/);
    const es = await run(['network', 'around', ring.leader, '--kind', 'phone', '--as', HSI], 'es');
    expect(es.code, es.stderr).toBe(0);
    expect(es.stdout).toContain('teléfono');
  });

  it('lists communities and ranks the key players of one, or of everything', async () => {
    const communities = await run([
      'network',
      'communities',
      '--min-size',
      '2',
      '--json',
      '--as',
      HSI,
    ]);
    expect(communities.code, communities.stderr).toBe(0);
    expect(JSON.parse(communities.stdout).count).toBeGreaterThanOrEqual(1);
    const players = await run([
      'network',
      'key-players',
      ring.leader,
      '--top',
      '3',
      '--json',
      '--as',
      HSI,
    ]);
    expect(JSON.parse(players.stdout).players[0].node.id).toBe(ring.leader);
    const all = await run(['network', 'key-players', '--all', '--as', HSI]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toContain('Exact betweenness');
    const neither = await run(['network', 'key-players', '--as', HSI]);
    expect(neither.code).not.toBe(0);
    expect(neither.stderr).toContain('Name a community, or give --all');
  });

  it('disrupts, paths, grows and exports', async () => {
    const disrupt = await run(['network', 'disrupt', ring.leader, '--remove', '2', '--as', HSI]);
    expect(disrupt.code, disrupt.stderr).toBe(0);
    expect(disrupt.stderr).toMatch(/largest connected piece goes from \d+ to \d+ nodes/);
    const path = await run(['network', 'path', ring.members[0]!, ring.members[1]!, '--as', HSI]);
    expect(path.code, path.stderr).toBe(0);
    expect(path.stdout).toContain('→');
    const structure = await run(['network', 'structure', ring.leader, '--as', HSI]);
    expect(structure.code, structure.stderr).toBe(0);
    expect(structure.stdout).toMatch(/in 1 connected pieces/);
    const growth = await run(['network', 'growth', '--as', HSI]);
    expect(growth.stdout).toContain('2022-01');
    const file = join(mkdtempSync(join(tmpdir(), 'puente-net-')), 'red.gexf');
    const exported = await run([
      'network',
      'export',
      '--format',
      'gexf',
      '--out',
      file,
      '--as',
      HSI,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Ñeco Peña');
    const bad = await run(['network', 'around', ring.leader, '--from', '2022/01/01', '--as', HSI]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  });
});
