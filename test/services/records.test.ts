import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { getRecord, listVersions } from '../../src/services/records/get-record.js';
import {
  remarkRecord,
  retractRecord,
  updateRecord,
} from '../../src/services/records/change-record.js';
import { searchRecords } from '../../src/services/records/search-records.js';
import { facetRecords } from '../../src/services/records/facet-records.js';
import { exportRecords } from '../../src/services/records/export-records.js';
import { FEW_POSTINGS, MERGED_TERMS } from '../../src/storage/records.js';
import { ndjson, runImport } from '../import/support.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';

let database: TestDatabase;
let fgr: TestUser;
let fgr2: TestUser;
let cbp: TestUser;
let rcmp: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const [a, b, c] = [
    await buildAgency(db, 'FGR', 'MX'),
    await buildAgency(db, 'CBP', 'US'),
    await buildAgency(db, 'RCMP', 'CA'),
  ];
  fgr = await buildUser(db, a);
  fgr2 = await buildUser(db, a, 'supervisor');
  cbp = await buildUser(db, b);
  rcmp = await buildUser(db, c);
});
afterAll(() => database.close());

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `unexpected ${String(e)}`),
  );

describe('records', () => {
  it('creates, reads, searches accent-insensitively and versions a record', async () => {
    const r = await createRecord(fgr.call, {
      schema: 'Person',
      properties: {
        name: ['José Luis Rodríguez Peña'],
        birthDate: ['1970-05-02'],
        nationality: ['mx'],
      },
      marking: 'TLP:AMBER',
      relCountries: ['US', 'MX'],
    });
    // UUID v7: time-ordered and globally unique, so national nodes can exchange records.
    expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.marking).toBe('TLP:AMBER');
    expect(r.properties.nationality).toEqual(['MX']);
    expect((await getRecord(cbp.call, r.id)).caption).toBe('José Luis Rodríguez Peña');
    expect(await code(getRecord(rcmp.call, r.id))).toBe('not_found');

    const found = await searchRecords(cbp.call, { q: 'rodriguez pena' });
    expect(found.items.map((x) => x.id)).toContain(r.id);
    const prefix = await searchRecords(cbp.call, { q: 'José RODRÍG*' });
    expect(prefix.items.map((x) => x.id)).toContain(r.id);
    expect((await searchRecords(cbp.call, { q: 'RODRÍG' })).items).toHaveLength(0);
    const paged = await searchRecords(cbp.call, { q: 'rodriguez', limit: 1 });
    expect(paged.items.map((x) => x.id)).toEqual([r.id]);
    expect((await searchRecords(rcmp.call, { q: 'rodriguez' })).items).toHaveLength(0);

    await updateRecord(fgr.call, r.id, {
      properties: { name: ['José Luis Rodríguez'], birthDate: ['1970-05-02'] },
    });
    expect(await code(updateRecord(cbp.call, r.id, { properties: { name: ['x'] } }))).toBe(
      'not_originator',
    );
    expect(await code(updateRecord(rcmp.call, r.id, { properties: { name: ['x'] } }))).toBe(
      'not_found',
    );
    const versions = await listVersions(cbp.call, r.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await searchRecords(cbp.call, { q: 'pena' })).items.map((x) => x.id)).not.toContain(
      r.id,
    );

    await remarkRecord(fgr.call, r.id, { marking: 'RED', recipientUsers: [fgr2.viewer.userId] });
    expect(await code(getRecord(cbp.call, r.id))).toBe('not_found');
    expect(await code(getRecord(fgr2.call, r.id))).toBe('ok');
    await retractRecord(fgr.call, r.id, { reason: 'duplicate' });
    expect((await getRecord(fgr.call, r.id)).retracted).toBe(true);
    expect(await code(updateRecord(fgr.call, r.id, { properties: { name: ['y'] } }))).toBe(
      'conflict',
    );
  });

  it('reads a type-ahead prefix newest first, each record once, page by page', async () => {
    const person = (name: string, relCountries?: string[]) =>
      createRecord(fgr.call, {
        schema: 'Person',
        properties: { name: [name] },
        marking: 'AMBER',
        ...(relCountries ? { relCountries } : {}),
      });
    const pageThrough = async (q: string) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchRecords(cbp.call, { q, limit: 2, cursor });
        ids.push(...page.items.map((x) => x.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    // A few terms: merged in record order; a record holding two of them comes once.
    const few = [
      await person('Gonzalo Gonzaga'),
      await person('Ana Gonzálezz'),
      await person('Hidden Gonzagax', ['MX']),
      await person('Luis Gonzalesz'),
      await person('Gonzalo Luna'),
    ];
    const visible = few.filter((_, i) => i !== 2).map((r) => r.id);
    visible.reverse();
    expect((await searchRecords(cbp.call, { q: 'gonz*' })).items.map((x) => x.id)).toEqual(visible);
    expect(await pageThrough('gonz*')).toEqual(visible);
    // More terms than are merged: one range of postings, the same answer.
    const many: string[] = [];
    for (let i = 0; i < MERGED_TERMS + 3; i++) {
      many.push((await person(`Olga Quintanilla${String.fromCharCode(97 + (i % 26))}${i}`)).id);
    }
    expect(await pageThrough('quintanil*')).toEqual(many.reverse());
  });

  it('intersects the postings of common words in page order', async () => {
    // Enough records that neither word is rare, one in ten holding both, a third of those
    // kept from the searching agency.
    const lines = Array.from({ length: 2 * (FEW_POSTINGS + 40) }, (_, i) => ({
      id: `W-${i}`,
      schema: 'Person',
      properties: {
        name: [i % 10 === 0 ? 'Marcelina Ibarrola' : i % 2 ? 'Marcelina Soto' : 'Ana Ibarrola'],
      },
      ...(i % 30 === 0 ? { marking: 'AMBER', rel: ['MX'] } : {}),
    }));
    await runImport(fgr.call, ndjson(...lines), { sharing: { marking: 'GREEN', rel: [] } });
    const everyPage = async (q: string, limit: number) => {
      const items: { id: string; caption: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchRecords(cbp.call, { q, limit, cursor });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    };
    const both = (await everyPage('ibarrola', 100))
      .filter((r) => r.caption.startsWith('Marcelina'))
      .map((r) => r.id);
    expect(both).toHaveLength(lines.length / 10 - lines.length / 30);
    const found = await everyPage('ibarrola marcelina', 7);
    expect(found.map((r) => r.id)).toEqual(both);
  });

  it('rejects bad input without writing anything', async () => {
    expect(
      await code(createRecord(fgr.call, { schema: 'Nope', properties: {}, marking: 'GREEN' })),
    ).toBe('validation_failed');
    expect(
      await code(
        createRecord(fgr.call, {
          schema: 'Person',
          properties: { birthDate: ['2024-02-30'] },
          marking: 'GREEN',
        }),
      ),
    ).toBe('validation_failed');
    expect(
      await code(
        createRecord(fgr.call, { schema: 'Person', properties: { name: ['a'] }, marking: 'PINK' }),
      ),
    ).toBe('validation_failed');
    expect(
      await code(
        createRecord(fgr.call, {
          schema: 'Person',
          properties: { name: ['a'] },
          marking: 'GREEN',
          relAgencies: ['NOPE'],
        }),
      ),
    ).toBe('validation_failed');
  });

  it('counts facets and exports only what the viewer may see', async () => {
    const mk = (marking: string, extra: object = {}) =>
      createRecord(fgr.call, {
        schema: 'Seizure',
        properties: { date: ['2025-06-01'], country: ['MX'], drug: ['fentanyl pills'] },
        marking,
        ...extra,
      });
    await mk('GREEN');
    await mk('AMBER', { relCountries: ['MX'] });
    await mk('AMBER+STRICT', { recipientAgencies: ['RCMP'] });
    const forCbp = await facetRecords(cbp.call, { schema: ['Seizure'] });
    const forRcmp = await facetRecords(rcmp.call, { schema: ['Seizure'] });
    const forFgr = await facetRecords(fgr.call, { schema: ['Seizure'] });
    expect([forCbp.total, forRcmp.total, forFgr.total]).toEqual([1, 2, 3]);
    expect(forRcmp.facets.marking).toEqual([
      { value: 'AMBER+STRICT', count: 1 },
      { value: 'GREEN', count: 1 },
    ]);
    expect(forFgr.facets.year).toEqual([{ value: '2025', count: 3 }]);
    const exported = await exportRecords(rcmp.call, { schema: ['Seizure'] });
    expect(exported.items.map((e) => e.puente.marking).sort()).toEqual([
      'TLP:AMBER+STRICT',
      'TLP:GREEN',
    ]);
    expect(exported.items[0]).toMatchObject({
      schema: 'Seizure',
      properties: { drug: ['fentanyl pills'] },
    });
  });

  it('lists a date range newest first, page by page, only what the viewer may see', async () => {
    const seizure = (date: string, extra: object = {}) =>
      createRecord(fgr.call, {
        schema: 'Seizure',
        properties: { date: [date], country: ['MX'], drug: ['methamphetamine'] },
        marking: 'GREEN',
        ...extra,
      });
    const inRange: string[] = [];
    for (let i = 0; i < 7; i++) {
      const day = `2021-08-${String(10 + i).padStart(2, '0')}`;
      const hidden = i % 3 === 0;
      const r = await seizure(day, hidden ? { marking: 'AMBER', relCountries: ['MX'] } : {});
      if (!hidden) inRange.push(r.id);
    }
    await seizure('2021-07-31');
    await seizure('2021-09-01');
    const retracted = await seizure('2021-08-20');
    await retractRecord(fgr.call, retracted.id, { reason: 'duplicate' });
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchRecords(cbp.call, {
        schema: ['Seizure'],
        dateFrom: '2021-08-01',
        dateTo: '2021-08-31',
        limit: 2,
        cursor,
      });
      ids.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toEqual(inRange.reverse());
  });

  it('keeps the command-line operator out of records', async () => {
    const operatorCall = { db: database.db, viewer: null, operator: true };
    expect(await code(searchRecords(operatorCall, {}))).toBe('forbidden');
    expect(
      await code(
        createRecord(operatorCall, {
          schema: 'Phone',
          properties: { number: ['5551234567'] },
          marking: 'CLEAR',
        }),
      ),
    ).toBe('forbidden');
  });

  it('validates search filters', async () => {
    expect(await code(searchRecords(cbp.call, { schema: ['Alien'] }))).toBe('validation_failed');
    expect(await code(searchRecords(cbp.call, { country: ['ZZ'] }))).toBe('validation_failed');
    expect(await code(searchRecords(cbp.call, { dateFrom: '2024-02-30' }))).toBe(
      'validation_failed',
    );
    expect(await code(searchRecords(cbp.call, { cursor: 'bm9wZQ' }))).toBe('validation_failed');
    expect(await code(searchRecords(cbp.call, { limit: 5000 }))).toBe('validation_failed');
  });
});
