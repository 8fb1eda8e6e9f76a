import { describe, expect, it } from 'vitest';
import { compileMapping } from './mapping/compile-mapping.js';
import { ImportProblem } from './problem.js';
import { readItems, type ReadOptions } from './read-file.js';

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

async function read(bytes: Uint8Array, options: Partial<ReadOptions> = {}, size = 5) {
  const out = [];
  for await (const item of readItems(chunks(bytes, size), { fileName: 'x.ndjson', ...options }))
    out.push(item);
  return out;
}

async function problem(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof ImportProblem) return { problem: err.problem, ...err.params };
    throw err;
  }
  throw new Error('no problem');
}

const PERSON = '{"id":"1","schema":"Person","properties":{"name":["Peña Rodríguez"]}}';
const names = (items: Awaited<ReturnType<typeof read>>) =>
  items.map((i) => ('records' in i ? i.records[0]?.properties.name : i.problem.problem));

describe('reading partner files', () => {
  it('strips a UTF-8 BOM and keeps accents split across chunks', async () => {
    const items = await read(utf8(`\uFEFF${PERSON}\n`), {}, 3);
    expect(names(items)).toEqual([['Peña Rodríguez']]);
  });

  it('reads UTF-16 with its BOM', async () => {
    const body = Buffer.from(`\uFEFF${PERSON}\n`, 'utf16le');
    expect(names(await read(body))).toEqual([['Peña Rodríguez']]);
  });

  it('detects Windows-1252 when the first accented byte is not UTF-8, even far into the file', async () => {
    const ascii = '{"id":"0","schema":"Person","properties":{"name":["Ana"]}}\n'.repeat(3000);
    const items = await read(cp1252(`${ascii}${PERSON}\n`), {}, 4096);
    expect(names(items).at(-1)).toEqual(['Peña Rodríguez']);
  });

  it('refuses a file that mixes UTF-8 and Windows-1252', async () => {
    const mixed = Buffer.concat([utf8(`${PERSON}\n`), cp1252(`${PERSON}\n`)]);
    expect(await problem(read(mixed))).toMatchObject({ problem: 'invalid_utf8' });
  });

  it('reads a JSON array element by element, whatever the chunking', async () => {
    const text = `[\n ${PERSON},\n {"id":"2","schema":"Person","properties":{"name":["A \\"B\\" [C]"]}}\n]`;
    for (const size of [1, 7, 1000]) {
      const items = await read(utf8(text), { fileName: 'x.json' }, size);
      expect(names(items)).toEqual([['Peña Rodríguez'], ['A "B" [C]']]);
      expect(items.map((i) => i.line)).toEqual([2, 3]);
    }
  });

  it('refuses an unclosed JSON array', async () => {
    expect(await problem(read(utf8(`[${PERSON}`), { fileName: 'x.json' }))).toMatchObject({
      problem: 'json_syntax',
    });
  });

  it('detects the CSV delimiter and reads quoted fields with delimiters and line breaks', async () => {
    const csv = 'id\tschema\tname\n1\tPerson\t"Ortiz\tPeña\n(alias ""Lupe"")"\n2\tPerson\tSalas\n';
    const items = await read(utf8(csv), { fileName: 'x.tsv' });
    expect(names(items)).toEqual([['Ortiz\tPeña\n(alias "Lupe")'], ['Salas']]);
    expect(items.map((i) => i.line)).toEqual([2, 4]);
  });

  it('reports a row with the wrong number of columns, and goes on', async () => {
    const items = await read(utf8('id,schema,name\n1,Person\n2,Person,Ana\n'), {
      fileName: 'x.csv',
    });
    expect(names(items)).toEqual(['csv_syntax', ['Ana']]);
  });

  it('applies a mapping with date, number and value transforms', async () => {
    const mapping = compileMapping(`
records:
  - key: s
    schema: Seizure
    id: "S-{N}"
    properties:
      date: { column: F, date: MM/DD/YY }
      quantity: { column: Q, number: comma, unit: kg }
      portOfEntry: { column: P, map: { "SYS": "San Ysidro" } }
      caseNumber: { template: "{N}/{F}" }
`);
    const [item] = await read(utf8('N;F;Q;P\n7;02/03/24;1.234,5;sys\n'), {
      fileName: 'x.csv',
      mapping,
    });
    expect('records' in item! && item.records[0]).toMatchObject({
      key: 'S-7',
      properties: {
        date: ['2024-02-03'],
        quantity: ['1234.5 kg'],
        portOfEntry: ['San Ysidro'],
        caseNumber: ['7/02/03/24'],
      },
    });
  });

  it('refuses a mapping that names a schema, property or record key that does not exist', async () => {
    const bad = (text: string) => problem(Promise.resolve().then(() => compileMapping(text)));
    expect(
      await bad('records: [{key: a, schema: Persona, id: "{X}", properties: {}}]'),
    ).toMatchObject({
      problem: 'invalid_mapping',
      path: 'records.0.schema',
    });
    expect(
      await bad('records: [{key: a, schema: Person, id: "{X}", properties: {apodo: {column: A}}}]'),
    ).toMatchObject({
      path: 'records.0.properties.apodo',
      reason: 'unknown_property',
    });
    expect(
      await bad(
        'records: [{key: a, schema: Person, id: "{X}", properties: {}}]\nlinks: [{type: owns, source: a, target: b}]',
      ),
    ).toMatchObject({ path: 'links.0.target', reason: 'unknown_record_key' });
    expect(
      await bad('records: [{key: a, schema: Person, id: "fixed", properties: {}}]'),
    ).toMatchObject({
      reason: 'id_needs_column',
    });
  });
});
