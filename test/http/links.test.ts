import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, expectProblem, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

describe('links over HTTP', () => {
  it('creates, reads, lists, versions, updates, re-marks and retracts a link', async () => {
    const fgr = as(h.app, h.fgr);
    const cbp = as(h.app, h.cbp);
    const record = async (payload: object) => {
      const res = await fgr({ method: 'POST', url: '/api/v1/records', payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const buyer = await record({
      schema: 'Person',
      properties: { name: ['Dale Whitaker'] },
      marking: 'TLP:AMBER',
      relCountries: ['MX', 'US'],
    });
    const gun = await record({
      schema: 'Firearm',
      properties: { make: ['Colt'], model: ['M4'], serialNumber: ['LW123456'], type: ['rifle'] },
      marking: 'TLP:GREEN',
    });

    const created = await fgr({
      method: 'POST',
      url: '/api/v1/links',
      payload: {
        type: 'purchased',
        sourceId: buyer,
        targetId: gun,
        properties: { date: ['2023-01-15'] },
        marking: 'TLP:GREEN',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const link = created.json();
    expect(created.headers.location).toBe(`/api/v1/links/${link.id}`);
    expect(link).toMatchObject({
      type: 'purchased',
      sourceId: buyer,
      targetId: gun,
      version: 1,
      marking: 'TLP:GREEN',
    });

    expect((await cbp({ url: `/api/v1/links/${link.id}` })).json().id).toBe(link.id);
    // The buyer is not releasable to Canada, so neither is the link.
    expectProblem(await as(h.app, h.rcmp)({ url: `/api/v1/links/${link.id}` }), 404, 'not_found');

    const listed = await cbp({ url: `/api/v1/links?recordId=${gun}&type=purchased,owns` });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toMatchObject({ items: [{ id: link.id }], nextCursor: null });
    expect((await cbp({ url: `/api/v1/links?recordId=${gun}&type=owns` })).json().items).toEqual(
      [],
    );

    const updated = await fgr({
      method: 'PATCH',
      url: `/api/v1/links/${link.id}`,
      payload: { properties: { date: ['2023-01-16'], count: ['3'] }, expectedVersion: 1 },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      version: 2,
      properties: { date: ['2023-01-16'], count: ['3'] },
    });

    const remarked = await fgr({
      method: 'POST',
      url: `/api/v1/links/${link.id}/remark`,
      payload: { marking: 'TLP:AMBER', relCountries: ['MX'] },
    });
    expect(remarked.statusCode, remarked.body).toBe(200);
    expect(remarked.json()).toMatchObject({ marking: 'TLP:AMBER', relCountries: ['MX'] });
    expectProblem(await cbp({ url: `/api/v1/links/${link.id}` }), 404, 'not_found');

    expectProblem(
      await cbp({
        method: 'POST',
        url: `/api/v1/links/${link.id}/retract`,
        payload: { reason: 'not ours' },
      }),
      404,
      'not_found',
    );
    const retracted = await fgr({
      method: 'POST',
      url: `/api/v1/links/${link.id}/retract`,
      payload: { reason: 'wrong buyer' },
    });
    expect(retracted.statusCode, retracted.body).toBe(200);
    expect(retracted.json().retracted).toBe(true);

    const versions = await fgr({ url: `/api/v1/links/${link.id}/versions` });
    expect(versions.json().map((v: { change: string }) => v.change)).toEqual([
      'create',
      'update',
      'remark',
      'retract',
    ]);
    expect((await fgr({ url: `/api/v1/links?recordId=${gun}` })).json().items).toEqual([]);
    expect(
      (await fgr({ url: `/api/v1/links?recordId=${gun}&includeRetracted=true` })).json().items,
    ).toHaveLength(1);
  });

  it('refuses a link between records that do not fit, and unknown link types', async () => {
    const fgr = as(h.app, h.fgr);
    const ids: string[] = [];
    for (const name of ['Ana Uno', 'Beto Dos']) {
      const res = await fgr({
        method: 'POST',
        url: '/api/v1/records',
        payload: { schema: 'Person', properties: { name: [name] }, marking: 'TLP:GREEN' },
      });
      ids.push(res.json().id);
    }
    const misfit = await fgr({
      method: 'POST',
      url: '/api/v1/links',
      payload: { type: 'purchased', sourceId: ids[0], targetId: ids[1], marking: 'TLP:GREEN' },
    });
    expectProblem(misfit, 422, 'validation_failed');
    const unknownType = await fgr({ url: '/api/v1/links?type=friend_of' });
    const problem = expectProblem(unknownType, 422, 'validation_failed');
    expect(problem.errors).toEqual([
      expect.objectContaining({ code: 'not_allowed', field: 'type.0', value: 'friend_of' }),
    ]);
  });
});
