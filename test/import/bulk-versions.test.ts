import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { appendLinkVersions, type NewLinkVersion } from '../../src/storage/links.js';
import { appendRecordVersions, type NewRecordVersion } from '../../src/storage/records.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';

// Heads and search terms follow versions once per INSERT statement (migration 0005): these
// check that a multi-row INSERT is refused whole, with the per-row triggers' SQLSTATE, when any
// one of its rows may not follow the version before it.

let database: TestDatabase;
let fgr: TestUser;
let cbp: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  fgr = await buildUser(database.db, await buildAgency(database.db, 'FGR', 'MX'));
  cbp = await buildUser(database.db, await buildAgency(database.db, 'CBP', 'US'));
});
afterAll(() => database.close());

function person(
  by: TestUser,
  name: string,
  over: Partial<NewRecordVersion> = {},
): NewRecordVersion {
  return {
    record_id: newId(),
    version: 1,
    schema: 'Person',
    agency: by.viewer.agency,
    created_by: by.viewer.userId,
    changed_by: by.viewer.userId,
    change: 'create',
    source_ref: null,
    properties: { name: [name] },
    marking: 'GREEN',
    rel_to: ['*'],
    recipients: [],
    retracted: false,
    caption: name,
    event_date: null,
    countries: [],
    terms: name.toLowerCase().split(' '),
    ...over,
  };
}

const next = (v: NewRecordVersion, over: Partial<NewRecordVersion> = {}): NewRecordVersion => ({
  ...v,
  version: v.version + 1,
  change: 'update',
  ...over,
});

const append = (versions: NewRecordVersion[]) =>
  database.db.transaction().execute((tx) => appendRecordVersions(tx, versions));

async function sqlState(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error('the insert was not refused');
}

async function head(id: string) {
  return database.db
    .selectFrom('puente.record')
    .select(['version', 'caption', 'created_at', 'changed_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

async function terms(id: string): Promise<string[]> {
  const { rows } = await sql<{ term: string }>`
    SELECT term FROM puente.record_term WHERE record_id = ${id} ORDER BY term`.execute(database.db);
  return rows.map((r) => r.term);
}

describe('statement-level version triggers', () => {
  it('applies many new records and their terms in one statement', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => person(fgr, `Ana Peña ${i}`));
    await append(batch);
    expect(await head(batch[7]!.record_id)).toMatchObject({ version: 1, caption: 'Ana Peña 7' });
    expect(await terms(batch[7]!.record_id)).toEqual(['7', 'ana', 'peña']);
  });

  it('applies several versions of one record in one statement, ending at the last', async () => {
    const v1 = { ...person(fgr, 'Luis Soto'), changed_at: '2024-01-02T03:04:05Z' };
    const v2 = next(v1, { properties: { name: ['Luis Soto Ruiz'] }, terms: ['luis', 'ruiz'] });
    await append([v1, { ...v2, changed_at: '2024-02-02T03:04:05Z' }] as NewRecordVersion[]);
    const h = await head(v1.record_id);
    expect(h?.version).toBe(2);
    expect(h?.created_at.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(h?.changed_at.toISOString()).toBe('2024-02-02T03:04:05.000Z');
    expect(await terms(v1.record_id)).toEqual(['luis', 'ruiz']);
  });

  it('replaces the terms of records that had a head, and drops them when retracted', async () => {
    const a = person(fgr, 'Rosa Díaz');
    const b = person(fgr, 'Juan Gil');
    await append([a, b]);
    await append([
      next(a, { terms: ['rosa', 'diaz', 'rosita'] }),
      next(b, { change: 'retract', retracted: true }),
    ]);
    expect(await terms(a.record_id)).toEqual(['diaz', 'rosa', 'rosita']);
    expect(await terms(b.record_id)).toEqual([]);
    expect((await head(b.record_id))?.version).toBe(2);
  });

  it('refuses a whole statement when one row conflicts with the version before it (40001)', async () => {
    const a = person(fgr, 'Eva Luna');
    const b = person(fgr, 'Raúl Mora');
    await append([a, b]);
    const fresh = person(fgr, 'Nadie Nuevo');
    const refused = await sqlState(append([fresh, next(a), { ...next(b), version: 3 }]));
    expect(refused.code).toBe('40001');
    expect(refused.message).toContain('is at version 1, not 2');
    expect(await head(fresh.record_id)).toBeUndefined();
    expect((await head(a.record_id))?.version).toBe(1);
  });

  it('refuses a version from an agency that is not the originator (42501)', async () => {
    const a = person(fgr, 'Ema Ríos');
    await append([a]);
    const refused = await sqlState(
      append([person(cbp, 'Otro'), next(a, { agency: 'CBP', changed_by: cbp.viewer.userId })]),
    );
    expect(refused.code).toBe('42501');
    expect(refused.message).toContain('originator FGR');
  });

  it('refuses a later version of a record that does not exist (P0002)', async () => {
    const ghost = person(fgr, 'Fantasma');
    const refused = await sqlState(append([person(fgr, 'Real'), next(ghost)]));
    expect(refused.code).toBe('P0002');
  });

  it('takes rows in insertion order: version 2 before version 1 of a new record (P0002)', async () => {
    const a = person(fgr, 'Al Revés');
    expect((await sqlState(append([next(a), a]))).code).toBe('P0002');
    expect(await head(a.record_id)).toBeUndefined();
  });

  it('refuses a change of schema or of a retracted record (22023)', async () => {
    const a = person(fgr, 'Cambio');
    const b = person(fgr, 'Retirado');
    await append([a, b]);
    await append([next(b, { change: 'retract', retracted: true })]);
    expect((await sqlState(append([next(a, { schema: 'Organization' })]))).code).toBe('22023');
    expect((await sqlState(append([next(b, { version: 3 })]))).code).toBe('22023');
  });

  it('checks link versions the same way', async () => {
    const [a, b] = [person(fgr, 'Uno'), person(fgr, 'Dos')];
    await append([a, b]);
    const link = (over: Partial<NewLinkVersion> = {}): NewLinkVersion => ({
      link_id: newId(),
      version: 1,
      link_type: 'associate_of',
      source_id: a.record_id,
      target_id: b.record_id,
      agency: 'FGR',
      created_by: fgr.viewer.userId,
      changed_by: fgr.viewer.userId,
      change: 'create',
      source_ref: null,
      properties: {},
      marking: 'GREEN',
      rel_to: ['*'],
      recipients: [],
      retracted: false,
      ...over,
    });
    const appendLinks = (versions: NewLinkVersion[]) =>
      database.db.transaction().execute((tx) => appendLinkVersions(tx, versions));
    const l1 = link();
    const l2 = link();
    await appendLinks([l1, l2, { ...l1, version: 2, change: 'update' }]);
    const stored = await database.db
      .selectFrom('puente.link')
      .select(['id', 'version'])
      .where('id', 'in', [l1.link_id, l2.link_id])
      .orderBy('id')
      .execute();
    expect(stored.map((s) => s.version).sort()).toEqual([1, 2]);
    const moved = { ...l2, version: 2, change: 'update' as const, target_id: a.record_id };
    expect((await sqlState(appendLinks([link(), moved]))).code).toBe('22023');
    expect((await sqlState(appendLinks([{ ...l2, version: 3, change: 'update' }]))).code).toBe(
      '40001',
    );
    const foreign = { ...l2, version: 2, change: 'update' as const, agency: 'CBP' };
    expect((await sqlState(appendLinks([foreign]))).message).toContain('originator');
  });
});
