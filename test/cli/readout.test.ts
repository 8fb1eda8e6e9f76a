import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/services/identity/users.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, operator } from '../support/factories.js';
import { puente } from './harness.js';

let database: TestDatabase;
const SSPC = 'secretariado@sspc.example';
const READOUT = 'test/fixtures/readouts/comite-fentanilo.es.txt';
const dir = mkdtempSync(join(tmpdir(), 'puente-readout-'));
const run = (...args: string[]) => puente(database, [...args, '--as', SSPC]);

beforeAll(async () => {
  database = await openTestDatabase();
  await buildAgency(database.db, 'SSPC', 'MX', 'Secretaría de Seguridad y Protección Ciudadana');
  await buildAgency(database.db, 'FGR', 'MX', 'Fiscalía General de la República');
  await buildAgency(database.db, 'ATF', 'US');
  await addUser(operator(database.db), {
    agency: 'SSPC',
    name: 'Claudia Ibarra Nuñez',
    role: 'liaison',
    email: SSPC,
  });
});
afterAll(() => database?.close());

const meetings = async () =>
  JSON.parse((await puente(database, ['meeting', 'list', '--json', '--as', SSPC])).stdout).items;

describe('puente readout ingest', () => {
  it('prints the proposal in the reader’s language and saves nothing', async () => {
    const r = await puente(database, ['readout', 'ingest', READOUT, '--as', SSPC], {
      PUENTE_LANG: 'es',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Rosa Icela Rodríguez Velázquez — secretaria de Seguridad y Protección Ciudadana · SSPC · MX',
    );
    expect(r.stdout).toContain('Compromisos propuestos (3):');
    expect(r.stdout).toContain('encabeza MX / FGR');
    expect(r.stderr).toContain('No se guardó nada');
    expect(await meetings()).toEqual([]);
  });

  it('writes the proposal as JSON, then saves it as reviewed with --accept --proposal', async () => {
    const r = await run('readout', 'ingest', READOUT, '--json');
    expect(r.code, r.stderr).toBe(0);
    const proposal = JSON.parse(r.stdout);
    expect(proposal.participants.map((p: { name: string }) => p.name)).toContain('Ken Salazar');
    // As proposed, the first commitment has no lead: --accept refuses, naming it.
    const refused = await run('readout', 'ingest', READOUT, '--accept', '--marking', 'GREEN');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('commitments[0].leadCountry');
    expect(await meetings()).toEqual([]);

    proposal.commitments[0] = { ...proposal.commitments[0], leadCountry: 'MX', leadAgency: 'SSPC' };
    proposal.commitments[2] = { ...proposal.commitments[2], leadAgency: 'SEMAR' };
    const file = join(dir, 'propuesta.json');
    writeFileSync(file, JSON.stringify(proposal));
    const saved = await run(
      'readout',
      'ingest',
      READOUT,
      '--accept',
      '--proposal',
      file,
      '--marking',
      'GREEN',
      '--json',
    );
    expect(saved.code, saved.stderr).toBe(0);
    const out = JSON.parse(saved.stdout);
    expect(out.commitments).toHaveLength(3);
    const [m] = await meetings();
    expect(m).toMatchObject({ id: out.meeting.id, date: '2025-05-12', format: 'trilateral' });
  });

  it('refuses a file that is not a readout', async () => {
    const binary = join(dir, 'image.png');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0]));
    const r = await run('readout', 'ingest', binary);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('this file is none of them');
    const missing = await run('readout', 'ingest', join(dir, 'nope.txt'));
    expect(missing.code).not.toBe(0);
  });
});
