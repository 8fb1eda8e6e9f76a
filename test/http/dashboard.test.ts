import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf, addMonths } from '../../src/domain/cooperation/months.js';
import { createRecord } from '../../src/services/records/create-record.js';
import type { TestUser } from '../support/factories.js';
import { as, auditTail, expectProblem, openHarness, type Harness } from './harness.js';

// GET /api/v1/dashboard: seizures counted and records listed inside the viewer's transaction,
// so what is not shared with the viewer changes nothing the viewer sees.

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  const seizure = (
    who: TestUser,
    date: string,
    drug: string[],
    port: string,
    country: string,
    sharing: { marking: string; recipientAgencies?: string[]; relCountries?: string[] },
  ) =>
    createRecord(who.call, {
      schema: 'Seizure',
      properties: {
        date: [date],
        drug,
        portOfEntry: [port],
        country: [country],
        quantity: ['2 kg'],
      },
      ...sharing,
    });
  await seizure(h.cbp, '2025-03-04', ['fentanyl pills'], 'Calexico', 'US', { marking: 'GREEN' });
  await seizure(h.cbp, '2025-05-02', ['fentanyl powder', 'methamphetamine'], 'Nogales', 'US', {
    marking: 'GREEN',
  });
  await seizure(h.fgr, '2025-05-20', ['cocaine'], 'Nogales', 'MX', {
    marking: 'AMBER',
    relCountries: ['MX', 'US'],
  });
  // Outside the window asked below.
  await seizure(h.cbp, '2024-11-30', ['heroin'], 'San Ysidro', 'US', { marking: 'GREEN' });
  // Not a seizure: listed in the activity, never counted.
  await createRecord(h.cbp.call, {
    schema: 'Person',
    properties: { name: ['Megan Doe'] },
    marking: 'GREEN',
  });
});
afterAll(() => h.close());

const dashboard = async (who: TestUser, query = '?from=2025-01&to=2025-06') => {
  const res = await as(h.app, who)({ method: 'GET', url: `/api/v1/dashboard${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/v1/dashboard', () => {
  it('counts the seizures of the window by month, drug, port and country', async () => {
    const d = await dashboard(h.cbp);
    expect(d.from).toBe('2025-01');
    expect(d.to).toBe('2025-06');
    expect(d.seizures.total).toBe(3);
    expect(d.seizures.byMonth).toEqual([
      { value: '2025-01', count: 0 },
      { value: '2025-02', count: 0 },
      { value: '2025-03', count: 1 },
      { value: '2025-04', count: 0 },
      { value: '2025-05', count: 2 },
      { value: '2025-06', count: 0 },
    ]);
    expect(d.seizures.byDrug).toEqual({
      items: [
        { value: 'cocaine', count: 1 },
        { value: 'fentanyl pills', count: 1 },
        { value: 'fentanyl powder', count: 1 },
        { value: 'methamphetamine', count: 1 },
      ],
      others: 0,
    });
    expect(d.seizures.byPort.items).toEqual([
      { value: 'Nogales', count: 2 },
      { value: 'Calexico', count: 1 },
    ]);
    expect(d.seizures.byCountry.items).toEqual([
      { value: 'US', count: 2 },
      { value: 'MX', count: 1 },
    ]);
  });

  it('lists the newest records the viewer may see, each with its marking', async () => {
    const d = await dashboard(h.cbp);
    expect(d.recent[0]).toMatchObject({
      schema: 'Person',
      caption: 'Megan Doe',
      agency: 'CBP',
      marking: 'TLP:GREEN',
    });
    expect(d.recent).toHaveLength(5);
    expect(d.recent.find((r: { agency: string }) => r.agency === 'FGR')).toMatchObject({
      marking: 'TLP:AMBER',
      relCountries: ['MX', 'US'],
    });
    // RCMP (Canada) may not see FGR's seizure, released to Mexico and the United States only.
    const rcmp = await dashboard(h.rcmp);
    expect(rcmp.seizures.total).toBe(2);
    expect(rcmp.seizures.byCountry.items).toEqual([{ value: 'US', count: 2 }]);
    expect(rcmp.recent.map((r: { agency: string }) => r.agency)).not.toContain('FGR');
  });

  it("does not count or list another agency's AMBER+STRICT seizure", async () => {
    const before = await dashboard(h.cbp);
    const strict = await createRecord(h.fgr.call, {
      schema: 'Seizure',
      properties: {
        date: ['2025-04-09'],
        drug: ['precursor chemical'],
        portOfEntry: ['Manzanillo'],
        country: ['MX'],
      },
      marking: 'AMBER+STRICT',
      recipientAgencies: ['FGR'],
    });
    expect(await dashboard(h.cbp)).toEqual(before);
    expect(JSON.stringify(await dashboard(h.cbp))).not.toContain(strict.id);
    // Its own agency counts and lists it.
    const own = await dashboard(h.fgr);
    expect(own.seizures.byMonth[3]).toEqual({ value: '2025-04', count: 1 });
    expect(own.seizures.byPort.items).toContainEqual({ value: 'Manzanillo', count: 1 });
    expect(own.recent[0]).toMatchObject({
      id: strict.id,
      marking: 'TLP:AMBER+STRICT',
      recipientAgencies: ['FGR'],
    });
  });

  it('defaults to the twelve months up to this one, and audits the read', async () => {
    const d = await dashboard(h.cbp, '');
    const now = monthOf(new Date());
    expect(d.to).toBe(now);
    expect(d.from).toBe(addMonths(now, -11));
    expect(d.seizures.byMonth).toHaveLength(12);
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'dashboard.read',
      outcome: 'ok',
      user_id: h.cbp.viewer.userId,
    });
  });

  it('refuses a malformed or backwards window, naming the field', async () => {
    const bad = expectProblem(
      await as(h.app, h.cbp)({ method: 'GET', url: '/api/v1/dashboard?from=2025-13' }),
      422,
      'validation_failed',
    );
    expect(bad.errors?.[0]).toMatchObject({ field: 'from' });
    const backwards = expectProblem(
      await as(
        h.app,
        h.cbp,
      )({
        method: 'GET',
        url: '/api/v1/dashboard?from=2025-06&to=2025-01',
        headers: { 'accept-language': 'es' },
      }),
      422,
      'validation_failed',
    );
    expect(backwards.errors?.[0]).toMatchObject({ code: 'invalid_window', field: 'to' });
  });
});
