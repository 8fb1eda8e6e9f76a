import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/services/records/search-records.js';
import { puente } from '../cli/harness.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { latin1 } from './support.js';

let database: TestDatabase;
let dir: string;
let cbp: TestUser;
const run = (...args: string[]) => puente(database, args);
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const MAPPING = `
records:
  - key: seizure
    schema: Seizure
    id: "ASEG-{FOLIO}"
    properties:
      date: { column: FECHA, date: DD/MM/YYYY }
      quantity: { column: CANTIDAD, unit: kg }
      drug: { column: DROGA, map: { FENTANILO: fentanyl powder, METANFETAMINA: methamphetamine }, strict: true }
      portOfEntry: { column: ADUANA }
      country: { value: MX }
  - key: person
    schema: Person
    id: "PER-{CURP}"
    optional: true
    properties:
      name: { columns: [NOMBRE, PATERNO, MATERNO] }
      firstName: { column: NOMBRE }
      fatherName: { column: PATERNO }
      motherName: { column: MATERNO }
      curp: { column: CURP, upper: true }
  - key: vehicle
    schema: Vehicle
    id: "VEH-{PLACA}"
    optional: true
    properties:
      registrationNumber: { column: PLACA, upper: true, remove: " -" }
links:
  - { type: involved_in, source: person, target: seizure }
  - { type: seized_in, source: vehicle, target: seizure }
`;

const HEADER = 'FOLIO;FECHA;CANTIDAD;DROGA;ADUANA;NOMBRE;PATERNO;MATERNO;CURP;PLACA\n';
const ROWS =
  '101;03/02/2024;12,5;FENTANILO;Nogales;José Luis;Rodríguez;Peña;ropj800101hsrdnl09;abc-123\n' +
  '102;04/02/2024;3;METANFETAMINA;"Tijuana; garita";Ana;Muñoz;;;\n';

beforeAll(async () => {
  database = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'puente-import-'));
  await buildAgency(database.db, 'ANAM', 'MX');
  cbp = await buildUser(database.db, await buildAgency(database.db, 'CBP', 'US'));
});
afterAll(() => database.close());

describe('puente import', () => {
  it('maps a Windows-1252 CSV into records and links, and prints a summary', async () => {
    const csv = file('aseguramientos.csv', latin1(HEADER + ROWS));
    const mapping = file('anam.yaml', MAPPING);
    const r = await run(
      'import',
      csv,
      '--agency',
      'anam',
      '--mapping',
      mapping,
      '--marking',
      'GREEN',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      rows: 2,
      records: { written: 4, updated: 0, unchanged: 0 },
      links: { written: 2 },
      rejected: 0,
    });
    const [person] = (await searchRecords(cbp.call, { q: 'rodriguez pena' })).items;
    expect(person).toMatchObject({
      caption: 'José Luis Rodríguez Peña',
      properties: { curp: ['ROPJ800101HSRDNL09'] },
      marking: 'TLP:GREEN',
    });
    const [seizure] = (await searchRecords(cbp.call, { schema: ['Seizure'], q: 'nogales' })).items;
    expect(seizure!.properties).toMatchObject({
      date: ['2024-02-03'],
      quantity: ['12.5 kg'],
      drug: ['fentanyl powder'],
    });
    const again = await run(
      'import',
      csv,
      '--agency',
      'ANAM',
      '--mapping',
      mapping,
      '--marking',
      'GREEN',
    );
    expect(again.stdout).toContain('0 records written, 0 updated, 4 unchanged');
  });

  it('names the line, column, value and expectation of a bad row, and writes nothing', async () => {
    const csv = file(
      'bad.csv',
      HEADER + ROWS.replace('04/02/2024', '31/02/2024').replace(/10(\d);/g, '20$1;'),
    );
    const r = await run('import', csv, '--agency', 'ANAM', '--mapping', file('m.yaml', MAPPING));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Line 3, column FECHA: "2024-02-31" is not valid');
    expect((await searchRecords(cbp.call, { q: 'ASEG-201' })).items).toHaveLength(0);
  });

  it('writes the good rows and a reject file with --skip-invalid', async () => {
    const csv = file(
      'some-bad.csv',
      HEADER + ROWS.replace('METANFETAMINA', 'CAFE').replace(/10(\d);/g, '30$1;'),
    );
    const r = await run(
      'import',
      csv,
      '--agency',
      'ANAM',
      '--mapping',
      file('m2.yaml', MAPPING),
      '--skip-invalid',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      rows: 2,
      rejected: 1,
      rejectFile: `${csv}.rejects.ndjson`,
    });
    const [reject] = readFileSync(`${csv}.rejects.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(reject).toMatchObject({ line: 3, raw: expect.stringContaining('CAFE') });
    expect(reject.reason).toContain('column DROGA');
  });

  it('draws a progress bar on a terminal and prints plain lines elsewhere', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({
        id: `T-${i}`,
        schema: 'Phone',
        properties: { number: [`+5255${String(10000000 + i)}`] },
      }),
    );
    const path = file('phones.ndjson', `${rows.join('\n')}\n`);
    let drawn = '';
    const stderr = { isTTY: true, write: (s: string) => ((drawn += s), true) };
    const r = await puente(
      database,
      ['import', path, '--agency', 'ANAM'],
      { PUENTE_LANG: 'en' },
      { stderr },
    );
    expect(r.code).toBe(0);
    expect(drawn).toContain('\r\u001b[K[');
    expect(drawn).toMatch(/\[#+-*\] \d+% · [\d,]+ rows · [\d,]+ rows\/s · \d+:\d\d left/);
    const plain = await puente(database, ['import', path, '--agency', 'ANAM'], {
      PUENTE_LANG: 'es',
      PUENTE_PROGRESS_MS: '1',
    });
    expect(plain.stderr).not.toContain('\r');
    expect(plain.stderr).toMatch(/filas/);
    // Spanish groups thousands only from five digits: 3000, not 3.000.
    expect(plain.stdout).toContain('3000 sin cambios');
  });

  it.each([
    ['an empty file', 'empty.csv', '', [], 'The file is empty'],
    ['a header only', 'header.csv', HEADER, ['--mapping', 'MAPPING'], 'no rows'],
    [
      'an unclosed quote',
      'quote.csv',
      HEADER + ROWS.replace('garita"', 'garita'),
      ['--mapping', 'MAPPING'],
      'never closed',
    ],
    [
      'binary garbage',
      'garbage.csv',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 0xff]),
      [],
      'not text',
    ],
    [
      'a wrong declared encoding',
      'utf8.csv',
      HEADER + ROWS,
      ['--mapping', 'MAPPING', '--encoding', 'latin1'],
      'declared windows-1252',
    ],
    ['unknown columns without a mapping', 'nomap.csv', HEADER + ROWS, [], 'Without a mapping'],
    [
      'a mapping naming a missing column',
      'missing.csv',
      HEADER.replace('ADUANA', 'PUERTO') + ROWS,
      ['--mapping', 'MAPPING'],
      'does not have: ADUANA',
    ],
    [
      'a quantity that does not parse',
      'qty.csv',
      HEADER + ROWS.replace('12,5', 'doce'),
      ['--mapping', 'MAPPING'],
      'column CANTIDAD',
    ],
    [
      'an unknown agency',
      'x.ndjson',
      '{"id":"1","schema":"Person","properties":{}}\n',
      ['--agency', 'NOPE'],
      'no agency with id NOPE',
    ],
    [
      'a line of 10 MB',
      'long.ndjson',
      `{"id":"1","schema":"Person","properties":{"name":["${'a'.repeat(10 << 20)}"]}}\n`,
      [],
      'longer than',
    ],
  ])('refuses %s with a clear message', async (_, name, content, extra, message) => {
    const path = file(name, content);
    const args = extra.map((a) => (a === 'MAPPING' ? file(`${name}.yaml`, MAPPING) : a));
    const agency = args.includes('--agency') ? [] : ['--agency', 'ANAM'];
    const r = await run('import', path, ...agency, ...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
  });
});
