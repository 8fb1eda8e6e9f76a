import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, expectProblem, openHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

interface Entry {
  seq: number;
  at: string;
  userId: string | null;
  agency: string | null;
  action: string;
  outcome: string;
  recordIds: string[];
  purpose: string | null;
}

describe('audit log over HTTP', () => {
  it("shows supervisors their own agency's entries, filtered and paged", async () => {
    const created = await as(
      h.app,
      h.fgr,
    )({
      method: 'POST',
      url: '/api/v1/records',
      payload: { schema: 'Person', properties: { name: ['Chuy Auditado'] }, marking: 'TLP:GREEN' },
      headers: { 'x-puente-purpose': 'case 17' },
    });
    const { id } = created.json();
    await as(h.app, h.cbp)({ url: `/api/v1/records/${id}` });
    await as(h.app, h.fgr)({ url: `/api/v1/records/${id}` });

    const supervisor = as(h.app, h.fgrSupervisor);
    const all = await supervisor({ url: '/api/v1/audit' });
    expect(all.statusCode, all.body).toBe(200);
    const entries: Entry[] = all.json().items;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.agency === 'FGR')).toBe(true);
    expect(entries[0]!.seq).toBeGreaterThan(entries.at(-1)!.seq);
    expect(entries[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const byRecord = (await supervisor({ url: `/api/v1/audit?recordId=${id}` })).json()
      .items as Entry[];
    expect(byRecord.map((e) => e.action)).toEqual(['record.get', 'record.create']);
    expect(byRecord[1]).toMatchObject({
      userId: h.fgr.viewer.userId,
      purpose: 'case 17',
      recordIds: [id],
    });

    const filtered = await supervisor({
      url: `/api/v1/audit?action=record.create&userId=${h.fgr.viewer.userId}&from=2000-01-01&to=2999-01-01T00:00:00Z`,
    });
    expect((filtered.json().items as Entry[]).map((e) => e.action)).toEqual(['record.create']);

    const first = (await supervisor({ url: '/api/v1/audit?limit=1' })).json();
    expect(first.items).toHaveLength(1);
    const second = (
      await supervisor({ url: `/api/v1/audit?limit=1&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items[0].seq).toBeLessThan(first.items[0].seq);

    expect((await as(h.app, h.fgrAdmin)({ url: '/api/v1/audit?limit=1' })).statusCode).toBe(200);
    expectProblem(await as(h.app, h.fgr)({ url: '/api/v1/audit' }), 403, 'forbidden');
    expectProblem(
      await supervisor({ url: '/api/v1/audit?from=yesterday' }),
      422,
      'validation_failed',
    );
  });
});
