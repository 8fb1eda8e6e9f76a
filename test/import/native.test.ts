import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/services/records/search-records.js';
import { queryLinksOf } from './queries.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { ndjson, refusal, runImport } from './support.js';

let database: TestDatabase;
let fgr: TestUser;
let cbp: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  const mx = await buildAgency(database.db, 'FGR', 'MX');
  const us = await buildAgency(database.db, 'CBP', 'US');
  fgr = await buildUser(database.db, mx);
  cbp = await buildUser(database.db, us);
});
afterAll(() => database.close());

const people = ndjson(
  {
    id: 'P-1',
    schema: 'Person',
    properties: { name: ['María Guadalupe Ortiz Peña'], birthDate: ['1970-05-02'] },
  },
  { id: 'O-1', schema: 'Organization', properties: { name: ['Cártel del Golfo Norte'] } },
  {
    id: 'L-1',
    type: 'member_of',
    source: 'P-1',
    target: 'O-1',
    properties: { role: ['jefa de plaza'] },
  },
);

describe('native import', () => {
  it('writes records and links, and changes nothing the second time', async () => {
    const first = await runImport(fgr.call, people, {
      sharing: { marking: 'AMBER', rel: ['MX', 'US'] },
    });
    expect(first.summary).toMatchObject({
      rows: 3,
      records: { written: 2, updated: 0, unchanged: 0 },
      links: { written: 1 },
      rejected: 0,
    });
    const again = await runImport(fgr.call, people, {
      sharing: { marking: 'AMBER', rel: ['MX', 'US'] },
    });
    expect(again.summary).toMatchObject({
      records: { written: 0, updated: 0, unchanged: 2 },
      links: { written: 0, unchanged: 1 },
    });
    const found = await searchRecords(cbp.call, { q: 'ortiz pena' });
    expect(found.items.map((r) => r.caption)).toEqual(['María Guadalupe Ortiz Peña']);
    expect(found.items[0]!.sourceRef).toBe('P-1');
    expect(await queryLinksOf(cbp.call, found.items[0]!.id)).toEqual(['member_of']);
  });

  it('makes a changed row a new version, not a duplicate', async () => {
    const changed = people.replace('1970-05-02', '1970-02-05');
    const { summary } = await runImport(fgr.call, changed, {
      sharing: { marking: 'AMBER', rel: ['MX', 'US'] },
    });
    expect(summary.records).toEqual({ written: 0, updated: 1, unchanged: 1 });
    const found = await searchRecords(fgr.call, { q: 'ortiz' });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ version: 2, properties: { birthDate: ['1970-02-05'] } });
  });

  it('keeps records to the importing agency when no marking is given', async () => {
    await runImport(
      fgr.call,
      ndjson({ id: 'P-2', schema: 'Person', properties: { name: ['Genaro Ramírez Lozano'] } }),
    );
    expect((await searchRecords(fgr.call, { q: 'ramirez' })).items[0]!.marking).toBe(
      'TLP:AMBER+STRICT',
    );
    expect((await searchRecords(cbp.call, { q: 'ramirez' })).items).toHaveLength(0);
  });

  it('merges the fragments of one entity', async () => {
    const { summary } = await runImport(
      fgr.call,
      ndjson(
        { id: 'P-3', schema: 'Person', properties: { name: ['Jesús Salas'] } },
        { id: 'P-3', schema: 'Person', properties: { alias: ['Chuy'], name: ['Jesús Salas'] } },
      ),
    );
    expect(summary.records.written).toBe(1);
    const [r] = (await searchRecords(fgr.call, { q: 'chuy' })).items;
    expect(r!.properties).toEqual({ name: ['Jesús Salas'], alias: ['Chuy'] });
  });

  it('refuses the whole file for one bad row, naming line, column, value and expectation', async () => {
    const bad = ndjson(
      { id: 'P-9', schema: 'Person', properties: { name: ['Uno'] } },
      { id: 'P-10', schema: 'Person', properties: { name: ['Dos'], birthDate: ['2024-02-30'] } },
    );
    expect(await refusal(runImport(fgr.call, bad))).toMatchObject({
      code: 'invalid_file',
      problem: 'invalid_row',
      line: 2,
      column: 'properties.birthDate',
      value: '2024-02-30',
    });
    expect((await searchRecords(fgr.call, { q: 'uno' })).items).toHaveLength(0);
  });

  it('sets bad rows aside with --skip-invalid', async () => {
    const bad =
      ndjson(
        { id: 'P-11', schema: 'Person', properties: { name: ['Tres'] } },
        { id: 'P-12', schema: 'Persona', properties: { name: ['Cuatro'] } },
      ) + '{not json\n';
    const { summary, rejects } = await runImport(fgr.call, bad, { skipInvalid: true });
    expect(summary).toMatchObject({ rows: 3, rejected: 2, records: { written: 1 } });
    expect(rejects.map((r) => [r.line, r.problem.problem])).toEqual([
      [2, 'invalid_row'],
      [3, 'json_syntax'],
    ]);
    expect(rejects[1]!.raw).toBe('{not json');
  });

  it('refuses a new version of a done commitment, as a progress update would be', async () => {
    const commitment = (status: string, text: string) =>
      ndjson({
        id: 'C-1',
        schema: 'Commitment',
        properties: {
          name: ['Alertas de precursores'],
          text: [text],
          topic: ['fentanyl_precursors'],
          leadCountry: ['MX'],
          leadAgency: ['FGR'],
          dueDate: ['2025-06-30'],
          status: [status],
        },
      });
    await runImport(fgr.call, commitment('done', 'Alertas en 72 horas.'));
    expect(
      await refusal(runImport(fgr.call, commitment('on track', 'Alertas en 48 horas.'))),
    ).toMatchObject({
      code: 'invalid_file',
      problem: 'invalid_row',
      line: 1,
    });
    const { summary, rejects } = await runImport(fgr.call, commitment('on track', 'Otra vez.'), {
      skipInvalid: true,
    });
    expect(summary).toMatchObject({ rejected: 1, records: { written: 0, updated: 0 } });
    expect(rejects[0]!.problem.details[0]).toMatchObject({ code: 'commitment_closed' });
    // The same file again changes nothing and is not refused.
    expect(
      (await runImport(fgr.call, commitment('done', 'Alertas en 72 horas.'))).summary,
    ).toMatchObject({
      records: { unchanged: 1 },
    });
  });

  it('refuses a link whose end is in no file', async () => {
    const link = ndjson({ type: 'associate_of', source: 'P-1', target: 'P-404' });
    expect(await refusal(runImport(fgr.call, link))).toMatchObject({
      problem: 'invalid_row',
      line: 1,
      value: 'P-404',
    });
  });
});
