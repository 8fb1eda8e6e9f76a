import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/services/identity/users.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, operator } from '../support/factories.js';
import { seedTraceSales } from '../support/trace-fixtures.js';
import { puente } from './harness.js';

let database: TestDatabase;
let dir: string;
const FGR = 'm.ortiz@fgr.example';
const ATF = 't.henderson@atf.example';
const run = (...args: string[]) => puente(database, args);
const json = async (...args: string[]) => {
  const r = await run(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  database = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'puente-trace-'));
  await buildAgency(database.db, 'FGR', 'MX');
  await buildAgency(database.db, 'ATF', 'US');
  await addUser(operator(database.db), {
    agency: 'FGR',
    name: 'María Guadalupe Ortiz Peña',
    role: 'analyst',
    email: FGR,
  });
  const atf = await addUser(operator(database.db), {
    agency: 'ATF',
    name: 'Tyler Henderson',
    role: 'analyst',
    email: ATF,
  });
  await seedTraceSales({
    db: database.db,
    viewer: { userId: atf.id, name: atf.name, agency: 'ATF', country: 'US', role: 'analyst' },
  });
});
afterAll(() => database?.close());

describe('puente trace', () => {
  it('gives agencies their part, then submits, runs and shows a trace', async () => {
    expect(
      (
        await run(
          'trace',
          'submit',
          '--make',
          'Colt',
          '--serial',
          'LW012345',
          '--recovered',
          '2020-06-01',
          '--as',
          FGR,
        )
      ).code,
    ).toBe(1);
    for (const [code, role] of [
      ['ATF', 'tracer'],
      ['FGR', 'requester'],
    ]) {
      const r = await run('agency', 'trace-role', code!, role!);
      expect(r.code, r.stderr).toBe(0);
    }
    const sent = await json(
      'trace',
      'submit',
      '--make',
      "COLT'S MFG CO",
      '--type',
      'rifle',
      '--serial',
      'LW-012345',
      '--recovered',
      '2020-06-01',
      '--state',
      'Tamaulipas',
      '--priority',
      'urgent',
      '--as',
      FGR,
    );
    expect(sent.submitted).toBe(1);
    const ran = await json('trace', 'run', '--as', ATF);
    expect(ran.byStatus).toEqual({ completed: 1 });

    const shown = await run('trace', 'show', sent.ids[0], '--as', FGR);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Completed');
    expect(shown.stdout).toContain('143 days');
    expect(shown.stdout).toContain('Travis Lee Dunham [TLP:AMBER // REL TO MX, US]');
    expect(shown.stdout).toContain('Sold in United States, recovered in Mexico.');
    const es = await puente(database, ['trace', 'show', sent.ids[0], '--as', FGR], {
      PUENTE_LANG: 'es',
    });
    expect(es.stdout).toContain('asegurada 143 días (0,4 años) después de su venta');
  });

  it('submits a batch from a CSV file, all or nothing, naming the bad line', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'firearm.make,firearm.serialNumber,recovery.date,recovery.country,people.0.name\n' +
        'Glock,BKX123,2021-09-01,MX,Juan Pérez\n' +
        'Acme,ZZ999,2021-09-01,MX,\n',
    );
    const refused = await run('trace', 'submit', bad, '--as', FGR);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/line 3.*firearm\.make/s);
    expect((await json('trace', 'list', '--as', FGR)).items).toHaveLength(1);

    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      'firearm.make;firearm.serialNumber;recovery.date;recovery.country\nGLOCK;BKX12*;2021-09-01;MX\n',
    );
    expect((await json('trace', 'submit', good, '--as', FGR)).submitted).toBe(1);
    const list = await run('trace', 'list', '--status', 'submitted', '--as', ATF);
    expect(list.stdout).toContain('GLOCK');
  });

  it('lets the tracer choose among candidates and prints the statistics as CSV', async () => {
    await json('trace', 'run', '--as', ATF);
    const [open] = (await json('trace', 'list', '--status', 'in_progress', '--as', ATF)).items;
    const answered = await run(
      'trace',
      'answer',
      open.id,
      '--sale',
      open.candidates[0].candidate.firearmId,
      '--as',
      ATF,
    );
    expect(answered.code, answered.stderr).toBe(0);
    const csv = await run('trace', 'stats', '--csv', '-', '--as', ATF);
    expect(csv.stdout).toContain('overall,all,2,2,1.0000');
    const words = await run('trace', 'stats', '--as', FGR);
    expect(words.stdout).toContain(
      '100.0% of 2 traced guns recovered in MX came from a retail sale in US',
    );
    expect((await run('trace', 'index')).stderr).toContain('Indexed 3 sold guns');
  });
});
