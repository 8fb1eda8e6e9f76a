import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MX_ONLY,
  recordOf,
  THIRD_SESSION,
  TRILATERAL,
  US_MX,
} from '../support/cooperation-fixtures.js';
import {
  as,
  auditTail,
  expectProblem,
  openHarness,
  storedVersions,
  type Harness,
} from './harness.js';

let h: Harness;
type Ask = ReturnType<typeof as>;
let fgr: Ask;
let cbp: Ask;
let rcmp: Ask;
let meetingId: string;
let commitmentId: string;

const commitment = (overrides: Record<string, unknown> = {}) => ({
  name: 'Fentanyl pill seizures at ports of entry',
  text: 'CBP and FGR share every fentanyl seizure at a port of entry within 24 hours.',
  topic: 'fentanyl_precursors',
  leadCountry: 'US',
  leadAgency: 'CBP',
  partnerCountries: ['MX'],
  meetingId,
  dueDate: '2025-06-30',
  indicator: { name: 'fentanyl_poe_kg', target: 100 },
  ...TRILATERAL,
  ...overrides,
});

beforeAll(async () => {
  h = await openHarness();
  fgr = as(h.app, h.fgr);
  cbp = as(h.app, h.cbp);
  rcmp = as(h.app, h.rcmp);
});
afterAll(() => h?.close());

describe('/api/v1/meetings', () => {
  it('records a meeting and answers it with its delegations', async () => {
    const res = await fgr({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: {
        ...THIRD_SESSION,
        ...TRILATERAL,
        participants: [
          { name: 'Ana Ruiz Beltrán', title: 'Fiscal Especializada', agency: 'FGR' },
          { name: 'Dana Whitfield', title: 'Director of Field Operations', agency: 'CBP' },
        ],
        documents: [{ kind: 'readout', title: 'Readout', language: 'en', date: '2025-03-06' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().id;
    expect(res.headers.location).toBe(`/api/v1/meetings/${meetingId}`);
    const got = await rcmp({ method: 'GET', url: `/api/v1/meetings/${meetingId}` });
    expect(got.statusCode, got.body).toBe(200);
    expect(
      got
        .json()
        .delegations.map((d: { country: string; participants: unknown[] }) => [
          d.country,
          d.participants.length,
        ]),
    ).toEqual([
      ['MX', 1],
      ['US', 1],
    ]);
    expect(got.json().documents[0]).toMatchObject({ kind: 'readout', language: 'en' });
    const list = await cbp({
      method: 'GET',
      url: '/api/v1/meetings?topic=firearms,fentanyl_precursors',
    });
    expect(list.json().items.map((m: { id: string }) => m.id)).toEqual([meetingId]);
  });

  it('refuses a document in an unsupported language, in the reader’s language', async () => {
    const before = await storedVersions(h.db);
    const res = await fgr({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: { 'accept-language': 'fr' },
      payload: {
        ...THIRD_SESSION,
        ...TRILATERAL,
        documents: [{ title: 'Bericht', language: 'de' }],
      },
    });
    const problem = expectProblem(res, 422, 'validation_failed');
    expect(problem.errors).toEqual([
      {
        code: 'unsupported_language',
        field: 'documents[0].language',
        value: 'de',
        expected: 'la langue du document : en, es, fr',
      },
    ]);
    expect(await storedVersions(h.db)).toBe(before);
  });
});

describe('/api/v1/commitments', () => {
  it('records a commitment and lists it by its filters, as JSON and CSV', async () => {
    const res = await cbp({ method: 'POST', url: '/api/v1/commitments', payload: commitment() });
    expect(res.statusCode, res.body).toBe(201);
    commitmentId = res.json().id;
    expect(res.headers.location).toBe(`/api/v1/commitments/${commitmentId}`);
    expect(res.json()).toMatchObject({
      status: 'planned',
      overdue: true,
      meeting: { id: meetingId },
      indicator: { name: 'fentanyl_poe_kg', target: 100 },
      trend: { unit: 'kg', target: 100 },
    });
    const ids = async (query: string) =>
      (await fgr({ method: 'GET', url: `/api/v1/commitments?${query}` }))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await ids('overdue=true')).toEqual([commitmentId]);
    expect(await ids('leadAgency=cbp&status=planned')).toEqual([commitmentId]);
    expect(await ids('atRisk=true')).toEqual([]);
    expect(await ids(`meetingId=${meetingId}&dueAfter=2025-07-01`)).toEqual([]);
    const csv = await fgr({ method: 'GET', url: '/api/v1/commitments.csv?overdue=true' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')).toHaveLength(3);
    expect(csv.body).toContain(`${commitmentId},Fentanyl pill seizures at ports of entry,`);
  });

  it('refuses a commitment without a lead or due before its meeting, in Spanish, saving nothing', async () => {
    const before = await storedVersions(h.db);
    const res = await cbp({
      method: 'POST',
      url: '/api/v1/commitments',
      headers: { 'accept-language': 'es-MX,es;q=0.9' },
      payload: commitment({ leadCountry: undefined, leadAgency: undefined, dueDate: '2025-03-04' }),
    });
    const problem = expectProblem(res, 422, 'validation_failed');
    expect(problem.title).toBe('Datos no válidos');
    expect(problem.errors).toMatchObject([
      { code: 'lead_required', field: 'leadCountry' },
      { code: 'lead_required', field: 'leadAgency' },
      {
        code: 'due_before_meeting',
        field: 'dueDate',
        value: '2025-03-04',
        expected: 'un día igual o posterior al de la reunión en que se acordó (2025-03-05)',
      },
    ]);
    expect(problem.errors![0]).toMatchObject({
      expected:
        'el país que encabeza el compromiso (US, MX, CA…): todo compromiso necesita un líder',
    });
    expect(await storedVersions(h.db)).toBe(before);
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'commitment.create',
      outcome: 'error:validation_failed',
    });
  });

  it('takes progress updates and refuses one to a closed commitment (409), audited once', async () => {
    const url = `/api/v1/commitments/${commitmentId}/updates`;
    const seizure = await recordOf(
      h.cbp.call,
      'Seizure',
      { date: '2025-05-02', portOfEntry: 'Nogales', drug: 'fentanyl pills', quantity: '12 kg' },
      US_MX,
    );
    const up = await cbp({
      method: 'POST',
      url,
      payload: { status: 'on track', note: 'Alerts flowing since May.', evidence: [seizure] },
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().history.at(-1)).toMatchObject({
      version: 2,
      status: 'on track',
      note: 'Alerts flowing since May.',
      evidence: [{ recordId: seizure, schema: 'Seizure' }],
    });
    const other = await fgr({ method: 'POST', url, payload: { note: 'x' } });
    expectProblem(other, 403, 'not_originator');
    const done = await cbp({
      method: 'POST',
      url,
      payload: { status: 'dropped', note: 'Superseded.' },
    });
    expect(done.json()).toMatchObject({ status: 'dropped', closed: true, overdue: false });

    const before = { versions: await storedVersions(h.db), audit: (await auditTail(h.db)).count };
    const closed = await cbp({
      method: 'POST',
      url,
      headers: { 'accept-language': 'es' },
      payload: { status: 'on track', note: 'Reabierto.' },
    });
    const problem = expectProblem(closed, 409, 'conflict');
    expect(problem.detail).toBe(
      `El compromiso ${commitmentId} está cerrado (cumplido o abandonado): no admite más avances. Si el trabajo se retoma, registre un compromiso nuevo.`,
    );
    expect(problem.errors).toMatchObject([{ code: 'commitment_closed', value: 'dropped' }]);
    expect(await storedVersions(h.db)).toBe(before.versions);
    const after = await auditTail(h.db);
    expect(after.count).toBe(before.audit + 1);
    expect(after.last).toMatchObject({ action: 'commitment.update', outcome: 'error:conflict' });
  });

  it('answers a commitment shared with Mexico only as 404 to a US analyst, like an unknown id', async () => {
    const secret = await fgr({
      method: 'POST',
      url: '/api/v1/commitments',
      payload: commitment({
        leadCountry: 'MX',
        leadAgency: 'FGR',
        partnerCountries: [],
        ...MX_ONLY,
      }),
    });
    expect(secret.statusCode, secret.body).toBe(201);
    const id = secret.json().id as string;
    const unknown = '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f';
    const hidden = expectProblem(
      await cbp({ method: 'GET', url: `/api/v1/commitments/${id}` }),
      404,
      'not_found',
    );
    const none = expectProblem(
      await cbp({ method: 'GET', url: `/api/v1/commitments/${unknown}` }),
      404,
      'not_found',
    );
    expect(hidden.detail.replace(id, 'ID')).toBe(none.detail.replace(unknown, 'ID'));
    expect(hidden.detail).toBe(`No commitment with id ${id} exists, or it is not shared with you.`);
    expectProblem(await cbp({ method: 'GET', url: '/api/v1/commitments/nope' }), 404, 'not_found');
    const listed = (await cbp({ method: 'GET', url: '/api/v1/commitments' })).json();
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([commitmentId]);
    const mine = (await fgr({ method: 'GET', url: '/api/v1/commitments' })).json();
    expect(mine.items).toHaveLength(2);
  });
});

describe('/api/v1/indicators', () => {
  it('lists the indicators and measures one under each viewer’s rules', async () => {
    const list = await cbp({ method: 'GET', url: '/api/v1/indicators' });
    expect(list.json().map((d: { name: string }) => d.name)).toEqual([
      'fentanyl_poe_kg',
      'traces_answered_30d',
      'precursor_pacific_seizures',
    ]);
    await recordOf(
      h.fgr.call,
      'Seizure',
      {
        date: '2025-05-20',
        portOfEntry: 'Nogales, Sonora',
        drug: 'fentanyl powder',
        quantity: '3 kg',
      },
      MX_ONLY,
    );
    const may = async (ask: Ask) => {
      const res = await ask({
        method: 'GET',
        url: '/api/v1/indicators/fentanyl_poe_kg?from=2025-05&to=2025-05&target=10',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().months[0];
    };
    expect(await may(fgr)).toEqual({ month: '2025-05', value: 15, basis: 2, met: true });
    expect(await may(cbp)).toEqual({ month: '2025-05', value: 12, basis: 1, met: true });
    expect(await may(rcmp)).toEqual({ month: '2025-05', value: 0, basis: 0, met: false });
    expectProblem(
      await cbp({ method: 'GET', url: '/api/v1/indicators/arrests' }),
      404,
      'not_found',
    );
    const window = await cbp({
      method: 'GET',
      url: '/api/v1/indicators/fentanyl_poe_kg?from=2025-06&to=2025-01',
    });
    expect(expectProblem(window, 422, 'validation_failed').errors).toMatchObject([
      { code: 'invalid_window', field: 'to' },
    ]);
  });
});
