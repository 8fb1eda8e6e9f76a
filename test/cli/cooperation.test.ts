import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/services/identity/users.js';
import { recordOf } from '../support/cooperation-fixtures.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, operator } from '../support/factories.js';
import { puente } from './harness.js';

let database: TestDatabase;
let meetingId: string;
let commitmentId: string;
let seizureId: string;
const FGR = 'm.ortiz@fgr.example';
const ATF = 'k.walsh@atf.example';
const CBP = 'a.rivera@cbp.example';
const run = (...args: string[]) => puente(database, args);
const es = (...args: string[]) => puente(database, args, { PUENTE_LANG: 'es' });
const json = async (...args: string[]) => {
  const r = await run(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  await buildAgency(db, 'FGR', 'MX');
  await buildAgency(db, 'ATF', 'US');
  await buildAgency(db, 'CBP', 'US');
  const users = [
    ['FGR', 'María Guadalupe Ortiz Peña', FGR],
    ['ATF', 'Kathleen Walsh', ATF],
    ['CBP', 'Ana Rivera', CBP],
  ] as const;
  for (const [agency, name, email] of users)
    await addUser(operator(db), { agency, name, role: 'liaison', email });
  const atf = await addUser(operator(db), { agency: 'ATF', name: 'Analyst', role: 'analyst' });
  seizureId = await recordOf(
    {
      db,
      viewer: { userId: atf.id, name: 'Analyst', agency: 'ATF', country: 'US', role: 'analyst' },
    },
    'Document',
    { title: 'ATF trace backlog report, May 2025', language: 'en' },
  );
});
afterAll(() => database?.close());

describe('puente meeting', () => {
  it('adds a meeting with participants and a document, lists and shows it', async () => {
    const m = await json(
      'meeting',
      'add',
      '--name',
      'Comité Trilateral sobre Fentanilo — tercera sesión',
      '--date',
      '2025-03-05',
      '--end-date',
      '2025-03-06',
      '--place',
      'Ciudad de México',
      '--countries',
      'MX,US,CA',
      '--topics',
      'fentanyl_precursors,firearms',
      '--participant',
      'Ana Ruiz Beltrán|Fiscal Especializada|FGR',
      'Claire Tremblay|Deputy Commissioner|Royal Canadian Mounted Police',
      '--document',
      'joint_statement|es|Comunicado conjunto|https://example.org/comunicado',
      '--marking',
      'GREEN',
      '--as',
      FGR,
    );
    meetingId = m.id;
    expect(m).toMatchObject({ format: 'trilateral', countries: ['MX', 'US', 'CA'] });
    expect(m.participants.map((p: { title: string }) => p.title)).toEqual([
      'Fiscal Especializada',
      'Deputy Commissioner',
    ]);

    const list = await run('meeting', 'list', '--country', 'CA', '--as', CBP);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Comité Trilateral sobre Fentanilo — tercera sesión');

    const shown = await run('meeting', 'show', meetingId, '--as', CBP);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('2025-03-05 – 2025-03-06');
    expect(shown.stdout).toMatch(/Ana Ruiz Beltrán\s+Fiscal Especializada\s+FGR/);
    expect(shown.stdout).toContain('joint statement');
    const enEspañol = await es('meeting', 'show', meetingId, '--as', CBP);
    expect(enEspañol.stdout).toContain('comunicado conjunto');
    expect(enEspañol.stdout).toContain('fentanilo y precursores, armas de fuego');
  });

  it('refuses a meeting with one country, naming the option, in Spanish too', async () => {
    const args = [
      'meeting',
      'add',
      '--date',
      '2025-04-01',
      '--countries',
      'MX',
      '--marking',
      'GREEN',
      '--as',
      FGR,
    ];
    const en = await run(...args);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain(
      'the 2 countries of a bilateral meeting or the 3 of a trilateral one',
    );
    const r = await es(...args);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('los 2 países de una reunión bilateral o los 3 de una trilateral');
    expect((await json('meeting', 'list', '--as', FGR)).items).toHaveLength(1);
  });
});

describe('puente commitment', () => {
  it('refuses a commitment without a lead, saving nothing, with the reason in the user’s language', async () => {
    const args = [
      'commitment',
      'add',
      '--meeting',
      meetingId,
      '--text',
      'Respuesta a solicitudes de rastreo en 30 días.',
      '--topic',
      'firearms',
      '--due',
      '2025-02-01',
      '--marking',
      'GREEN',
      '--as',
      ATF,
    ];
    const en = await run(...args);
    expect(en.code).toBe(3);
    expect(en.stderr).toContain('a commitment needs a lead');
    expect(en.stderr).toContain('a day on or after the meeting where it was agreed (2025-03-05)');
    const r = await es(...args);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Datos no válidos');
    expect(r.stderr).toContain('todo compromiso necesita un líder');
    expect(r.stderr).toContain(
      'un día igual o posterior al de la reunión en que se acordó (2025-03-05)',
    );
    expect((await json('commitment', 'list', '--as', ATF)).items).toEqual([]);
  });

  it('adds, lists, updates and shows a commitment', async () => {
    const c = await json(
      'commitment',
      'add',
      '--meeting',
      meetingId,
      '--name',
      'Trace results within 30 days',
      '--text',
      'Trace requests for firearms recovered in Mexico are answered within 30 days.',
      '--topic',
      'firearms',
      '--lead-country',
      'US',
      '--lead-agency',
      'ATF',
      '--partners',
      'MX',
      '--due',
      '2025-06-30',
      '--indicator',
      'traces_answered_30d',
      '--target',
      '0.9',
      '--marking',
      'GREEN',
      '--as',
      ATF,
    );
    commitmentId = c.id;
    expect(c).toMatchObject({
      overdue: true,
      indicator: { name: 'traces_answered_30d', target: 0.9 },
    });

    const list = await run('commitment', 'list', '--overdue', '--as', FGR);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(
      /2025-06-30\s+planned \(overdue\)\s+US \/ ATF\s+firearms\s+Trace results/,
    );
    const lista = await es('commitment', 'list', '--overdue', '--as', FGR);
    expect(lista.stdout).toMatch(/planeado \(vencido\)\s+US \/ ATF\s+armas de fuego/);

    const updated = await run(
      'commitment',
      'update',
      commitmentId,
      '--status',
      'at_risk',
      '--note',
      'Backlog of 1,200 requests.',
      '--evidence',
      seizureId,
      '--as',
      ATF,
    );
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stderr).toContain('version 2');
    const shown = await run(
      'commitment',
      'show',
      commitmentId,
      '--from',
      '2025-01',
      '--to',
      '2025-03',
      '--as',
      FGR,
    );
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('at risk (overdue)');
    expect(shown.stdout).toMatch(/v2 .* ATF {2}at risk: Backlog of 1,200 requests\./);
    expect(shown.stdout).toContain('evidence: ATF trace backlog report, May 2025');
    expect(shown.stdout).toContain(
      'trace requests answered within 30 days (share); target 90.0% a month',
    );
    expect(shown.stdout).toMatch(/2025-03\s+—\s+0/);

    const csv = await run('commitment', 'list', '--csv', '-', '--as', CBP);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^id,name,topic,status,overdue,/);
    expect(csv.stdout).toContain(
      `${commitmentId},Trace results within 30 days,firearms,at risk,yes,US,ATF`,
    );
  });

  it('refuses another agency’s update and any update to a closed commitment', async () => {
    const other = await run('commitment', 'update', commitmentId, '--note', 'x', '--as', FGR);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('belongs to another agency');
    const done = await run(
      'commitment',
      'update',
      commitmentId,
      '--status',
      'done',
      '--note',
      'Median 21 days.',
      '--as',
      ATF,
    );
    expect(done.code, done.stderr).toBe(0);
    const again = await run(
      'commitment',
      'update',
      commitmentId,
      '--note',
      'One more.',
      '--as',
      ATF,
    );
    expect(again.code).toBe(5);
    expect(again.stderr).toContain(`The commitment ${commitmentId} is closed (done or dropped)`);
    const otra = await es('commitment', 'update', commitmentId, '--note', 'Otra.', '--as', ATF);
    expect(otra.code).toBe(5);
    expect(otra.stderr).toContain(`El compromiso ${commitmentId} está cerrado`);
    expect((await json('commitment', 'show', commitmentId, '--as', ATF)).history).toHaveLength(3);
  });

  it('explains itself with examples', async () => {
    for (const path of [
      ['meeting', 'add'],
      ['meeting', 'list'],
      ['meeting', 'show'],
      ['commitment', 'add'],
      ['commitment', 'list'],
      ['commitment', 'show'],
      ['commitment', 'update'],
    ]) {
      const r = await run(...path, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`$ puente ${path.join(' ')}`);
      expect(r.stdout).toContain('--json');
    }
    const help = await run('commitment', 'update', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--evidence <ids...>');
    const ayuda = await es('commitment', 'list', '--help');
    expect(ayuda.stdout).toContain('solo compromisos abiertos cuya fecha límite ya pasó');
  });
});
