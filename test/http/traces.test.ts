import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgencyTraceRole } from '../../src/services/identity/agencies.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';
import { seedTraceSales } from '../support/trace-fixtures.js';
import { as, auditTail, expectProblem, openHarness, type Harness } from './harness.js';

let h: Harness;
let atf: TestUser;
type Ask = ReturnType<typeof as>;
let fgr: Ask;
let cbp: Ask;
let tracer: Ask;

const colt = {
  priority: 'urgent',
  officer: 'Agente 4471',
  firearm: { make: 'COLT', model: 'AR-15', type: 'rifle', serialNumber: 'LW O12345' },
  recovery: {
    date: '2020-06-01',
    country: 'MX',
    state: 'Tamaulipas',
    caseNumber: 'FED/TAM/1/2020',
  },
  people: [{ role: 'possessor', name: 'Juan Pérez Ñúñez' }],
};

beforeAll(async () => {
  h = await openHarness();
  const us = await buildAgency(h.db, 'ATF', 'US');
  await setAgencyTraceRole(operator(h.db), 'ATF', 'tracer');
  await setAgencyTraceRole(operator(h.db), 'FGR', 'requester');
  atf = await buildUser(h.db, us);
  await seedTraceSales(atf.call);
  fgr = as(h.app, h.fgr);
  cbp = as(h.app, h.cbp);
  tracer = as(h.app, atf);
});
afterAll(() => h?.close());

describe('/api/v1/traces', () => {
  it('takes a request, traces it for the tracing agency and answers the requester', async () => {
    const sent = await fgr({ method: 'POST', url: '/api/v1/traces', payload: colt });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().ids[0] as string;
    expect(sent.headers.location).toBe(`/api/v1/traces/${id}`);

    const queued = (await fgr({ method: 'GET', url: `/api/v1/traces/${id}` })).json();
    expect(queued).toMatchObject({ status: 'submitted', priority: 'urgent', overdue: false });
    expect(Date.parse(queued.deadlineAt) - Date.parse(queued.submittedAt)).toBe(24 * 3_600_000);

    const run = await tracer({ method: 'POST', url: '/api/v1/traces/run', payload: {} });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().byStatus).toEqual({ completed: 1 });

    const done = (await fgr({ method: 'GET', url: `/api/v1/traces/${id}` })).json();
    expect(done.status).toBe('completed');
    expect(done.candidates).toBeUndefined();
    expect(done.result).toMatchObject({
      saleDate: '2020-01-10',
      timeToCrimeDays: 143,
      dealer: { state: 'TX' },
      purchaser: { name: 'Travis Lee Dunham', marking: 'TLP:AMBER' },
    });
    expect(done.people[0].name).toBe('Juan Pérez Ñúñez');
    const asTracer = (await tracer({ method: 'GET', url: `/api/v1/traces/${id}` })).json();
    expect(asTracer.candidates[0].reasons[0].code).toBe('serial_exact');
    expect((await auditTail(h.db)).last).toMatchObject({ action: 'trace.get', outcome: 'ok' });
  });

  it('refuses bad requests with a problem that names the field, in the reader’s language', async () => {
    const unknown = await fgr({
      method: 'POST',
      url: '/api/v1/traces',
      headers: { 'accept-language': 'es' },
      payload: { ...colt, firearm: { make: 'Acme Blasters', serialNumber: 'Z1234' } },
    });
    const problem = expectProblem(unknown, 422, 'validation_failed');
    expect(problem.title).toBe('Datos no válidos');
    expect(problem.errors?.[0]).toMatchObject({ code: 'unknown_maker', field: 'firearm.make' });

    const again = await fgr({ method: 'POST', url: '/api/v1/traces', payload: colt });
    expect(expectProblem(again, 409, 'conflict').errors?.[0]?.code).toBe('duplicate_request');

    const notAllowed = await cbp({ method: 'POST', url: '/api/v1/traces', payload: colt });
    expectProblem(notAllowed, 403, 'forbidden');
    expectProblem(
      await fgr({ method: 'POST', url: '/api/v1/traces/run', payload: {} }),
      403,
      'forbidden',
    );
  });

  it('lists a batch, lets the tracer pick among candidates, and keeps others out', async () => {
    const batch = await fgr({
      method: 'POST',
      url: '/api/v1/traces',
      payload: {
        requests: [
          {
            firearm: { make: 'Glock', type: 'pistol', serialNumber: 'BKX12*' },
            recovery: { date: '2022-01-01', country: 'MX' },
          },
          {
            firearm: { make: 'Glock', obliterated: 'yes' },
            recovery: { date: '2022-01-02', country: 'MX' },
          },
        ],
      },
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const [partial, gone] = batch.json().ids as string[];
    await tracer({ method: 'POST', url: '/api/v1/traces/run', payload: { ids: [partial, gone] } });

    const open = (await tracer({ method: 'GET', url: '/api/v1/traces?status=in_progress' })).json();
    expect(open.items.map((t: { id: string }) => t.id)).toEqual([partial]);
    const pick = open.items[0].candidates[0].candidate.firearmId;
    const answered = await tracer({
      method: 'POST',
      url: `/api/v1/traces/${partial}/answer`,
      payload: { firearmId: pick, note: 'Model and finish match the dealer photo' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('completed');

    const mine = (await fgr({ method: 'GET', url: '/api/v1/traces' })).json();
    expect(mine.items).toHaveLength(3);
    expect((await cbp({ method: 'GET', url: '/api/v1/traces' })).json().items).toEqual([]);
    expectProblem(await cbp({ method: 'GET', url: `/api/v1/traces/${gone}` }), 404, 'not_found');
  });

  it('gives the statistics as JSON and as CSV', async () => {
    const stats = (
      await tracer({ method: 'GET', url: '/api/v1/traces/stats?baseYear=2020' })
    ).json();
    expect(stats.overall).toMatchObject({ traced: 3, toSource: 2 });
    expect(stats.byStatus).toContainEqual({ key: 'serial_obliterated', count: 1 });
    const csv = await tracer({ method: 'GET', url: '/api/v1/traces/stats.csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('dimension,key,traced,to_source,share');
    expect(csv.body).toContain('overall,all,3,2,0.6667');
  });
});
