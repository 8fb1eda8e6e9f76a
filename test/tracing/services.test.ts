import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { SHORT_TTC_DAYS } from '../../src/domain/tracing/indicators.js';
import { setAgencyTraceRole } from '../../src/services/identity/agencies.js';
import { listLinks } from '../../src/services/links/read-links.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { answerTrace } from '../../src/services/tracing/answer-trace.js';
import { indexAllSales } from '../../src/services/tracing/index-sales.js';
import { getTrace, listTraces } from '../../src/services/tracing/read-traces.js';
import { runTraces } from '../../src/services/tracing/run-traces.js';
import { submitTraces } from '../../src/services/tracing/submit-traces.js';
import { traceStats } from '../../src/services/tracing/trace-stats.js';
import { asViewer } from '../../src/storage/session.js';
import { tracesPerDealer } from '../../src/storage/trace-results.js';
import { DEALER as dealer, recordSale } from '../support/trace-fixtures.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';

let database: TestDatabase;
let atf: TestUser;
let fgr: TestUser;
let cbp: TestUser;
let sspc: TestUser;
const NOW = new Date('2024-06-01T12:00:00Z');

const sale = (
  firearm: Record<string, string>,
  props: Record<string, string>,
  buyer: { id: string },
) => recordSale(atf.call, firearm, props, buyer.id).then((id) => ({ id }));

const request = (firearm: Record<string, unknown>, recovery: Record<string, unknown> = {}) => ({
  priority: 'routine',
  firearm,
  recovery: { date: '2020-06-01', country: 'MX', state: 'Tamaulipas', ...recovery },
});

const problem = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const [us, mx, us2, mx2] = [
    await buildAgency(db, 'ATF', 'US'),
    await buildAgency(db, 'FGR', 'MX'),
    await buildAgency(db, 'CBP', 'US'),
    await buildAgency(db, 'SSPC', 'MX'),
  ];
  await setAgencyTraceRole(operator(db), 'ATF', 'tracer');
  await setAgencyTraceRole(operator(db), 'FGR', 'requester');
  await setAgencyTraceRole(operator(db), 'CBP', 'requester');
  atf = await buildUser(db, us);
  fgr = await buildUser(db, mx);
  cbp = await buildUser(db, us2);
  sspc = await buildUser(db, mx2);

  const buyer = await createRecord(atf.call, {
    schema: 'Person',
    marking: 'TLP:AMBER',
    relCountries: ['US', 'MX'],
    properties: { name: ['Travis Lee Dunham'], birthDate: ['1991-02-14'] },
  });
  await sale(
    { make: 'Colt', model: 'AR-15', type: 'rifle', caliber: '5.56x45mm', serialNumber: 'LW012345' },
    { date: '2020-01-10', multipleSale: 'no' },
    buyer,
  );
  await sale(
    {
      make: 'Glock',
      model: '19',
      type: 'pistol',
      caliber: '9mm',
      serialNumber: 'BKX123',
      importer: 'Glock Inc.',
      countryOfManufacture: 'AT',
    },
    { date: '2021-03-01' },
    buyer,
  );
  await sale(
    { make: 'Glock', model: '19', type: 'pistol', caliber: '9mm', serialNumber: 'BKX129' },
    { date: '2021-03-03' },
    buyer,
  );
  await sale(
    {
      make: 'Ruger',
      model: 'LCR',
      type: 'revolver',
      caliber: '.38 Special',
      serialNumber: 'RUG55501',
    },
    { date: '2023-01-05' },
    buyer,
  );
});
afterAll(() => database?.close());

describe('firearm traces', () => {
  it('traces a recovered gun to its first retail sale, with time-to-crime and indicators', async () => {
    const { ids } = await submitTraces(
      fgr.call,
      [request({ make: "COLT'S MFG CO", model: 'AR15', type: 'rifle', serialNumber: 'lw-O12345' })],
      { now: NOW },
    );
    const queued = await getTrace(fgr.call, ids[0]!, NOW);
    expect(queued.status).toBe('submitted');
    expect(queued.deadlineAt).toBe(new Date(NOW.getTime() + 7 * 86_400_000).toISOString());
    expect(queued.candidates).toBeUndefined();

    const run = await runTraces(atf.call, { ids });
    expect(run.byStatus).toEqual({ completed: 1 });
    const done = await getTrace(fgr.call, ids[0]!, NOW);
    expect(done.status).toBe('completed');
    expect(done.history?.map((h) => h.status)).toEqual(['submitted', 'in_progress', 'completed']);
    expect(done.result?.dealer).toMatchObject({ license: dealer.dealerLicense, state: 'TX' });
    expect(done.result?.timeToCrimeDays).toBe(143);
    expect(done.result?.purchaser?.name).toBe('Travis Lee Dunham');
    expect(done.result?.indicators.map((i) => i.code)).toEqual([
      'ttc_under_1y',
      'recovered_abroad',
    ]);
    // The sold gun now joins the recovery in the graph.
    const links = (await listLinks(fgr.call, { recordId: done.result!.firearmId })).items;
    expect(links.map((l) => [l.type, l.targetId])).toContainEqual([
      'recovered_in',
      done.recoveryId,
    ]);
  });

  it('ranks sales for a partial serial and flags a multiple sale and a repeat purchaser', async () => {
    const { ids } = await submitTraces(
      fgr.call,
      [
        request(
          { make: 'GLOCK', type: 'pistol', caliber: '9 mm', serialNumber: 'BKX1?3' },
          { date: '2021-09-01' },
        ),
      ],
      { now: NOW },
    );
    await runTraces(atf.call, { ids });
    const t = await getTrace(atf.call, ids[0]!, NOW);
    expect(t.status).toBe('completed');
    expect(t.candidates?.[0]?.reasons.map((r) => r.code)).toContain('serial_partial');
    const codes = t.result?.indicators.map((i) => i.code);
    expect(codes).toContain('multiple_sale');
    expect(codes).toContain('purchaser_several_recovered');
  });

  it('answers obliterated, foreign-made, unknown and impossible-date guns with their reason', async () => {
    const { ids } = await submitTraces(
      fgr.call,
      [
        request({ make: 'Colt', obliterated: 'yes' }),
        request({
          make: 'Norinco',
          type: 'rifle',
          serialNumber: '12345678',
          countryOfManufacture: 'CN',
        }),
        request({ make: 'Remington', serialNumber: 'RA9999999' }),
        request({ make: 'Ruger', serialNumber: 'RUG55501' }, { date: '2022-12-01' }),
      ],
      { now: NOW },
    );
    const run = await runTraces(atf.call, { ids });
    expect(run.byStatus).toEqual({ serial_obliterated: 1, not_traceable: 1, no_record_found: 2 });
    const reasons = await Promise.all(
      ids.map(async (id) => (await getTrace(fgr.call, id, NOW)).reason.code),
    );
    expect(reasons).toEqual([
      'serial_obliterated',
      'foreign_without_importer',
      'no_sale_record',
      'recovered_before_sale',
    ]);
  });

  it('refuses bad requests with the line, field and what was expected, writing nothing', async () => {
    const before = (await listTraces(fgr.call, {}, NOW)).items.length;
    const bad = await problem(
      submitTraces(
        fgr.call,
        [
          request({ make: 'Acme Blasters', serialNumber: 'X1234' }),
          request({ make: 'Colt', serialNumber: 'AB@12' }),
          request({ make: 'Colt', serialNumber: 'AB1234' }, { date: '2031-01-01' }),
        ],
        { now: NOW },
      ),
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.details.map((d) => [d.line, d.code])).toEqual([
      [1, 'unknown_maker'],
      [2, 'impossible_serial'],
      [3, 'future_date'],
    ]);
    const dup = await problem(
      submitTraces(fgr.call, [request({ make: 'Colt', serialNumber: 'LW012345' })], { now: NOW }),
    );
    expect(dup.code).toBe('conflict');
    expect(dup.details[0]?.code).toBe('duplicate_request');
    expect((await listTraces(fgr.call, {}, NOW)).items.length).toBe(before);

    const outsider = await problem(
      submitTraces(sspc.call, [request({ make: 'Colt', serialNumber: 'ZZ0001' })], { now: NOW }),
    );
    expect(outsider.code).toBe('forbidden');
    const notTracer = await problem(runTraces(fgr.call, {}));
    expect(notTracer.code).toBe('forbidden');
  });

  it('shows the purchaser only where the marking the tracing agency sets reaches', async () => {
    await sale(
      { make: 'Barrett', model: 'M82A1', type: 'rifle', serialNumber: 'AA10001' },
      { date: '2019-05-05' },
      await createRecord(atf.call, {
        schema: 'Person',
        marking: 'TLP:AMBER',
        relCountries: ['US', 'MX'],
        properties: { name: ['Kyle Brandon Voss'] },
      }),
    );
    const { ids } = await submitTraces(
      fgr.call,
      [request({ make: 'BARRETT FIREARMS', serialNumber: 'AA1OOO1' })],
      { now: NOW },
    );
    await runTraces(atf.call, {
      ids,
      purchaserSharing: { marking: 'TLP:AMBER', relCountries: ['US'] },
    });
    const asFgr = await getTrace(fgr.call, ids[0]!, NOW);
    expect(asFgr.status).toBe('completed');
    expect(asFgr.result?.purchaser).toBeNull();
    expect((await getTrace(atf.call, ids[0]!, NOW)).result?.purchaser?.name).toBe(
      'Kyle Brandon Voss',
    );
  });

  it('keeps each requester to its own requests, in lists and in the statistics', async () => {
    const other = await problem(
      getTrace(cbp.call, (await listTraces(fgr.call, {}, NOW)).items[0]!.id),
    );
    expect(other.code).toBe('not_found');
    expect((await listTraces(cbp.call, {}, NOW)).items).toEqual([]);
    expect((await traceStats(cbp.call)).requests).toBe(0);
    const all = await traceStats(atf.call, { baseYear: 2020 });
    expect(all.requests).toBe(7);
    expect(all.overall).toMatchObject({ traced: 7, toSource: 3 });
    expect(all.medianTimeToCrimeDays).toBe(184);
  });

  it('rebuilds the sales index from the records', async () => {
    expect(await indexAllSales(database.db)).toBe(5);
  });

  it('lets the tracer pick a sale or close a request by hand', async () => {
    const { ids } = await submitTraces(
      fgr.call,
      [request({ make: 'Glock', type: 'pistol', serialNumber: 'BKX12*' }, { date: '2022-01-01' })],
      { now: NOW },
    );
    await runTraces(atf.call, { ids });
    const open = await getTrace(atf.call, ids[0]!, NOW);
    expect(open.status).toBe('in_progress');
    expect(open.candidates?.length).toBe(2);
    await answerTrace(atf.call, ids[0]!, { firearmId: open.candidates![1]!.candidate.firearmId });
    expect((await getTrace(fgr.call, ids[0]!, NOW)).status).toBe('completed');
    const again = await problem(
      answerTrace(atf.call, ids[0]!, { status: 'not_traceable', note: 'x' }),
    );
    expect(again.code).toBe('conflict');
  });

  it("keeps each dealer's tally of completed traces as they are written, for tracers only", async () => {
    const { rows: counted } = await sql<{ license: string; traces: number; short: number }>`
      SELECT dealer_license AS license, count(*)::int AS traces,
        count(*) FILTER (WHERE time_to_crime_days < ${SHORT_TTC_DAYS})::int AS short
      FROM puente.trace_result GROUP BY 1`.execute(database.db);
    expect(counted.length).toBeGreaterThan(0);
    const licenses = counted.map((c) => c.license);
    const tally = await asViewer(database.db, atf.viewer, (tx) => tracesPerDealer(tx, licenses));
    for (const c of counted) {
      expect(tally.byDealer.get(c.license)).toEqual({ traces: c.traces, shortTtc: c.short });
    }
    expect(tally.all).toEqual({
      traces: counted.reduce((n, c) => n + c.traces, 0),
      shortTtc: counted.reduce((n, c) => n + c.short, 0),
    });
    const requester = await asViewer(database.db, fgr.viewer, (tx) =>
      tracesPerDealer(tx, licenses),
    );
    expect(requester).toEqual({ byDealer: new Map(), all: { traces: 0, shortTtc: 0 } });
  });
});
