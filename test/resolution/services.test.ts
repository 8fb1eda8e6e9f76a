import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord } from '../../src/services/records/create-record.js';
import { retractRecord, updateRecord } from '../../src/services/records/change-record.js';
import { explainMatch } from '../../src/services/resolution/explain-match.js';
import { exportResolution } from '../../src/services/resolution/export-resolution.js';
import { getEntity } from '../../src/services/resolution/get-entity.js';
import { judgePair, splitEntity } from '../../src/services/resolution/judge-pair.js';
import { COMPARE_STEP } from '../../src/services/resolution/match-on-arrival.js';
import { listReview } from '../../src/services/resolution/list-review.js';
import { resolveAll } from '../../src/services/resolution/resolve-all.js';
import { searchEntities } from '../../src/services/resolution/search-entities.js';
import { runImport } from '../import/support.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';

let database: TestDatabase;
let cbp: TestUser;
let fgr: TestUser;
let rcmp: TestUser;

const person = (
  user: TestUser,
  properties: Record<string, string[]>,
  marking = 'TLP:GREEN',
  recipientAgencies?: string[],
) => createRecord(user.call, { schema: 'Person', marking, recipientAgencies, properties });

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const [us, mx, ca] = [
    await buildAgency(db, 'CBP', 'US'),
    await buildAgency(db, 'FGR', 'MX'),
    await buildAgency(db, 'RCMP', 'CA'),
  ];
  cbp = await buildUser(db, us);
  fgr = await buildUser(db, mx);
  rcmp = await buildUser(db, ca);
});
afterAll(() => database?.close());

describe('entity resolution services', () => {
  it('matches a record on arrival, shows why, and keeps namesakes apart', async () => {
    const a = await person(fgr, {
      name: ['José Luis García Hernández'],
      firstName: ['José Luis'],
      fatherName: ['García'],
      motherName: ['Hernández'],
      birthDate: ['1970-05-02'],
      curp: ['GAHL700502HJCRRS02'],
    });
    const b = await person(cbp, { name: ['GARCIA HERNANDEZ, JOSE L.'], birthDate: ['1970-05-02'] });
    const other = await person(cbp, { name: ['José García'], birthDate: ['1985-11-23'] });

    const entity = await getEntity(cbp.call, b.id);
    expect(entity.records.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect(entity.id).toBe([a.id, b.id].sort()[0]);
    expect(entity.records.every((r) => r.marking && r.agency)).toBe(true);

    const why = await explainMatch(cbp.call, a.id, b.id);
    expect(why.probability).toBeGreaterThan(why.matchProbability);
    expect(why.features.find((f) => f.feature === 'birthDate')?.level).toBe('exact');
    expect(why.sameEntity).toBe(true);

    const namesake = await explainMatch(cbp.call, a.id, other.id);
    expect(namesake.conflict).toBe('birthDate');
    expect(namesake.sameEntity).toBe(false);
    expect((await getEntity(cbp.call, other.id)).records).toHaveLength(1);
  });

  it('matches what an import writes once it has committed, the file’s rows among themselves too', async () => {
    const known = await person(cbp, { name: ['Marie-Ève Gagnon'], birthDate: ['1988-07-21'] });
    const file = [
      {
        id: 'rc-1',
        schema: 'Person',
        properties: { name: ['GAGNON, MARIE-EVE'], birthDate: ['1988-07-21'] },
      },
      {
        id: 'rc-2',
        schema: 'Person',
        properties: { name: ['Marie Eve Gagnon'], birthDate: ['1988-07-21'] },
      },
      {
        id: 'rc-3',
        schema: 'Person',
        properties: { name: ['Marie Gagnon'], birthDate: ['1961-02-03'] },
      },
    ];
    const { summary } = await runImport(
      rcmp.call,
      file.map((line) => JSON.stringify(line)).join('\n'),
      { sharing: { marking: 'GREEN' } },
    );
    expect(summary.records.written).toBe(3);
    const entity = await getEntity(rcmp.call, known.id);
    expect(entity.records).toHaveLength(3);
    expect(entity.records.filter((r) => r.agency === 'RCMP')).toHaveLength(2);
  });

  it('matches two rows of one file that are compared in different steps', async () => {
    const filler = Array.from({ length: COMPARE_STEP + 20 }, (_, i) => ({
      id: `co-${i}`,
      schema: 'Organization',
      properties: { name: [`Transportes ${i}`] },
    }));
    const file = [
      {
        id: 'a-genaro',
        schema: 'Person',
        properties: { name: ['Genaro Ramírez Lozano'], birthDate: ['1966-03-14'] },
      },
      ...filler,
      {
        id: 'z-genaro',
        schema: 'Person',
        properties: { name: ['RAMIREZ LOZANO, GENARO'], birthDate: ['1966-03-14'] },
      },
    ];
    await runImport(fgr.call, file.map((line) => JSON.stringify(line)).join('\n'), {
      sharing: { marking: 'GREEN' },
    });
    const found = await searchEntities(fgr.call, { q: 'Genaro Ramírez Lozano' });
    const entity = await getEntity(fgr.call, found.items[0]!.id);
    expect(entity.records.map((r) => r.agency)).toEqual(['FGR', 'FGR']);
  });

  it('builds a viewer’s entity only from records that viewer may see', async () => {
    const open = await person(fgr, {
      name: ['María Guadalupe Ortiz Peña'],
      birthDate: ['1982-03-14'],
      nationality: ['MX'],
    });
    const hidden = await person(
      fgr,
      { name: ['ORTIZ PENA, MA. GPE.'], birthDate: ['1982-03-14'], nationality: ['MX'] },
      'TLP:AMBER+STRICT',
      ['CBP'],
    );
    // FGR sees both; RCMP sees only the GREEN one, as if the other did not exist.
    expect((await getEntity(fgr.call, open.id)).records).toHaveLength(2);
    const seen = await getEntity(rcmp.call, open.id);
    expect(seen.records.map((r) => r.id)).toEqual([open.id]);
    expect(seen.id).toBe(open.id);
    const unknown = await explainMatch(
      rcmp.call,
      open.id,
      '0190a6c2-0000-7000-8000-000000000000',
    ).catch((e) => e);
    const forbidden = await explainMatch(rcmp.call, open.id, hidden.id).catch((e) => e);
    expect(forbidden.code).toBe('not_found');
    expect(forbidden.code).toBe(unknown.code);
    await expect(getEntity(rcmp.call, hidden.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('finds an entity by nickname and misspelling', async () => {
    await person(cbp, { name: ['Jesús Rodríguez Beltrán'], birthDate: ['1990-01-20'] });
    const { items } = await searchEntities(cbp.call, { q: 'Chuy Rodrigez' });
    expect(items[0]?.caption).toBe('Jesús Rodríguez Beltrán');
  });

  it('never undoes an analyst: a split holds through a full re-run', async () => {
    const x = await person(cbp, { name: ['Elizabeth Kowalski-Grant'], birthDate: ['1975-07-09'] });
    const y = await person(rcmp, { name: ['Dra. Beth Kowalski-Grant'], birthDate: ['1975-07-09'] });
    expect((await getEntity(cbp.call, x.id)).records).toHaveLength(2);
    await splitEntity(cbp.call, { id: x.id, records: [y.id], note: 'two sisters' });
    expect((await getEntity(cbp.call, x.id)).records).toHaveLength(1);
    const summary = await resolveAll(operator(database.db), { workers: 2 });
    expect(summary.persons).toBeGreaterThan(0);
    expect((await getEntity(cbp.call, x.id)).records).toHaveLength(1);
    await judgePair(cbp.call, { a: x.id, b: y.id, verdict: 'same' });
    expect((await getEntity(cbp.call, x.id)).records).toHaveLength(2);
  });

  it('follows updates and retractions', async () => {
    const a = await person(fgr, { name: ['Genaro Ramírez Lozano'], birthDate: ['1961-09-30'] });
    const b = await person(cbp, { name: ['Genaro Ramires'], birthDate: ['1961-09-30'] });
    expect((await getEntity(cbp.call, a.id)).records).toHaveLength(2);
    await updateRecord(cbp.call, b.id, {
      expectedVersion: 1,
      properties: { name: ['Patricia Smith'], birthDate: ['1961-09-30'] },
    });
    expect((await getEntity(cbp.call, a.id)).records).toHaveLength(1);
    await retractRecord(fgr.call, a.id, { expectedVersion: 1 });
    await expect(getEntity(cbp.call, a.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('exports every resolved record with its entity', async () => {
    const lines: { record: string; entity: string }[] = [];
    const count = await exportResolution(operator(database.db), (l) => void lines.push(l));
    expect(count).toBe(lines.length);
    expect(new Set(lines.map((l) => l.record)).size).toBe(lines.length);
    const review = await listReview(cbp.call, {});
    for (const p of review.items) expect(p.probability).toBeLessThan(0.8);
  });
});
