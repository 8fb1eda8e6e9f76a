import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { as, auditTail, expectProblem, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  schema: 'Person',
  properties: { name: [name], birthDate: ['1970-05-02'], nationality: ['mx'] },
  marking: 'TLP:AMBER',
  relCountries: ['MX', 'US'],
  ...extra,
});

describe('records over HTTP', () => {
  it('creates, reads, lists, searches, versions, updates, re-marks and retracts', async () => {
    const fgr = as(h.app, h.fgr);
    const cbp = as(h.app, h.cbp);
    // A real client sends the purpose as UTF-8 bytes, which Node reads as Latin-1.
    const purpose = Buffer.from('Investigación FGR/2025/017', 'utf8').toString('latin1');
    const created = await fgr({
      method: 'POST',
      url: '/api/v1/records',
      payload: person('José Luis Rodríguez Peña'),
      headers: { 'x-puente-purpose': purpose },
    });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json();
    expect(created.headers.location).toBe(`/api/v1/records/${record.id}`);
    expect(record).toMatchObject({
      schema: 'Person',
      version: 1,
      marking: 'TLP:AMBER',
      agency: 'FGR',
      retracted: false,
    });
    expect(record.properties.nationality).toEqual(['MX']);
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'record.create',
      outcome: 'ok',
      purpose: 'Investigación FGR/2025/017',
    });

    const got = await cbp({ url: `/api/v1/records/${record.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().caption).toBe('José Luis Rodríguez Peña');

    for (const query of [
      'country=mx,us&schema=Person',
      'country=MX&country=US',
      'agency=fgr',
      'q=rodriguez',
    ]) {
      const list = await cbp({ url: `/api/v1/records?${query}` });
      expect(list.statusCode, list.body).toBe(200);
      expect(
        list.json().items.map((r: { id: string }) => r.id),
        query,
      ).toContain(record.id);
    }
    const search = await cbp({ url: '/api/v1/search?q=RODR%C3%8DG*' });
    expect(search.json().items.map((r: { id: string }) => r.id)).toContain(record.id);
    expect((await as(h.app, h.rcmp)({ url: '/api/v1/search?q=rodriguez' })).json().items).toEqual(
      [],
    );

    const updated = await fgr({
      method: 'PATCH',
      url: `/api/v1/records/${record.id}`,
      payload: {
        properties: { name: ['José Luis Rodríguez'], birthDate: ['1970-05-02'] },
        expectedVersion: 1,
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, caption: 'José Luis Rodríguez' });
    const stale = await fgr({
      method: 'PATCH',
      url: `/api/v1/records/${record.id}`,
      payload: { properties: { name: ['x'] }, expectedVersion: 1 },
    });
    expectProblem(stale, 409, 'conflict');

    const versions = await cbp({ url: `/api/v1/records/${record.id}/versions` });
    expect(
      versions.json().map((v: { version: number; change: string }) => [v.version, v.change]),
    ).toEqual([
      [1, 'create'],
      [2, 'update'],
    ]);

    const remarked = await fgr({
      method: 'POST',
      url: `/api/v1/records/${record.id}/remark`,
      payload: { marking: 'green' },
    });
    expect(remarked.statusCode, remarked.body).toBe(200);
    expect(remarked.json()).toMatchObject({ marking: 'TLP:GREEN', version: 3 });

    const retracted = await fgr({
      method: 'POST',
      url: `/api/v1/records/${record.id}/retract`,
      payload: { reason: 'duplicate' },
    });
    expect(retracted.statusCode, retracted.body).toBe(200);
    expect(retracted.json()).toMatchObject({ retracted: true, version: 4 });
    expect(
      (await cbp({ url: '/api/v1/records?agency=FGR' }))
        .json()
        .items.map((r: { id: string }) => r.id),
    ).not.toContain(record.id);
    const withRetracted = await cbp({ url: '/api/v1/records?agency=FGR&includeRetracted=true' });
    expect(withRetracted.json().items.map((r: { id: string }) => r.id)).toContain(record.id);
  });

  it('retracts with an empty body, and filters by event date', async () => {
    const fgr = as(h.app, h.fgr);
    const seizure = await fgr({
      method: 'POST',
      url: '/api/v1/records',
      payload: {
        schema: 'Seizure',
        properties: { date: ['2024-03-15'], drug: ['fentanyl_pills'], country: ['MX'] },
        marking: 'TLP:GREEN',
      },
    });
    expect(seizure.statusCode, seizure.body).toBe(201);
    const { id } = seizure.json();
    const inMarch = await fgr({
      url: '/api/v1/records?schema=Seizure&dateFrom=2024-03-01&dateTo=2024-03-31',
    });
    expect(inMarch.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
    const inApril = await fgr({ url: '/api/v1/records?schema=Seizure&dateFrom=2024-04-01' });
    expect(inApril.json().items).toEqual([]);
    const retracted = await fgr({ method: 'POST', url: `/api/v1/records/${id}/retract` });
    expect(retracted.statusCode, retracted.body).toBe(200);
  });

  it('pages with an opaque cursor', async () => {
    const fgr = as(h.app, h.fgr);
    for (const name of ['Uno Paginado', 'Dos Paginado', 'Tres Paginado']) {
      expect(
        (await fgr({ method: 'POST', url: '/api/v1/records', payload: person(name) })).statusCode,
      ).toBe(201);
    }
    const first = (await fgr({ url: '/api/v1/search?q=paginado&limit=2' })).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await fgr({ url: `/api/v1/search?q=paginado&limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('answers a record not shared with the viewer exactly like an unknown one', async () => {
    const created = await as(
      h.app,
      h.fgr,
    )({
      method: 'POST',
      url: '/api/v1/records',
      payload: person('Genaro Ramírez Lozano', { relCountries: ['MX'] }),
    });
    const { id } = created.json();
    const unknown = newId();
    for (const path of ['', '/versions']) {
      const hidden = await as(h.app, h.rcmp)({ url: `/api/v1/records/${id}${path}` });
      const missing = await as(h.app, h.rcmp)({ url: `/api/v1/records/${unknown}${path}` });
      const hiddenDoc = expectProblem(hidden, 404, 'not_found');
      expectProblem(missing, 404, 'not_found');
      expect(JSON.parse(hidden.body.replaceAll(id, '<id>'))).toEqual(
        JSON.parse(missing.body.replaceAll(unknown, '<id>')),
      );
      expect(Object.keys(hiddenDoc)).toEqual(Object.keys(missing.json()));
    }
    // Not releasable to the United States either; and a malformed id is simply not found.
    expectProblem(await as(h.app, h.cbp)({ url: `/api/v1/records/${id}` }), 404, 'not_found');
    expectProblem(await as(h.app, h.cbp)({ url: '/api/v1/records/not-a-uuid' }), 404, 'not_found');
  });
});

describe('facets and export over HTTP', () => {
  it('counts and exports only what the viewer may see', async () => {
    const fgr = as(h.app, h.fgr);
    const cbp = as(h.app, h.cbp);
    for (const marking of ['GREEN', 'AMBER+STRICT']) {
      const res = await fgr({
        method: 'POST',
        url: '/api/v1/records',
        payload: {
          schema: 'Seizure',
          properties: {
            date: ['2025-02-11'],
            portOfEntry: ['Lázaro Cárdenas'],
            quantity: ['40 kg'],
          },
          marking,
          ...(marking === 'AMBER+STRICT' ? { recipientAgencies: ['FGR'] } : {}),
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const mine = await fgr({ url: '/api/v1/records/facets?schema=Seizure&facets=marking' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().total).toBe(2);
    const theirs = await cbp({ url: '/api/v1/records/facets?schema=Seizure' });
    expect(theirs.json()).toMatchObject({
      total: 1,
      facets: { marking: [{ value: 'GREEN', count: 1 }] },
    });

    const exported = await cbp({ url: '/api/v1/records/export?schema=Seizure&limit=1' });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = exported.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      schema: 'Seizure',
      puente: { marking: 'TLP:GREEN', agency: 'FGR' },
    });
    expect(exported.headers['puente-next-cursor']).toBeUndefined();
    const bad = await cbp({ url: '/api/v1/records/export?limit=20000' });
    expectProblem(bad, 422, 'validation_failed');
  });
});
