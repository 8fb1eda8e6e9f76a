import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/index.js';
import { THIRD_SESSION, TRILATERAL, US_MX } from '../support/cooperation-fixtures.js';
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
let meetingId: string;
let otherMeetingId: string;
const ids: Record<string, string> = {};

/** Names with accents, guillemets and a typographic apostrophe, as partners write them. */
const TRAINING = 'Capacitación de peritos en Montréal y Güémez — « traçage » d’armes';
const ALERTS = 'Fentanyl seizure alerts at ports of entry';
const BACKLOG = 'Rezago de solicitudes de rastreo';
const SECRET = 'Operativo reservado en Culiacán';
const NOTE = 'Rezago de 1 200 solicitudes; apoyo de Erdős 😀 pendiente.';

const commitment = (o: Record<string, unknown>) => ({
  text: 'What was agreed at the third session, in full.',
  topic: 'firearms',
  leadCountry: 'US',
  leadAgency: 'CBP',
  partnerCountries: ['MX'],
  meetingId,
  dueDate: '2025-06-30',
  ...TRILATERAL,
  ...o,
});

async function create(ask: Ask, key: string, body: Record<string, unknown>) {
  const res = await ask({ method: 'POST', url: '/api/v1/commitments', payload: commitment(body) });
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().id;
}

const report = (ask: Ask, query: string, headers: Record<string, string> = {}) =>
  ask({ method: 'GET', url: `/api/v1/commitments/report?${query}`, headers });

const pdfText = async (body: Buffer) =>
  (
    (await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true }))
      .text as string
  ).replace(/\s+/g, ' ');

beforeAll(async () => {
  h = await openHarness();
  fgr = as(h.app, h.fgr);
  cbp = as(h.app, h.cbp);
  const meeting = async (name: string) => {
    const res = await fgr({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { ...THIRD_SESSION, name, ...TRILATERAL },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  meetingId = await meeting('Comité Trilateral — tercera sesión');
  otherMeetingId = await meeting('Grupo bilateral de armas — Ciudad Juárez');
  await create(cbp, 'training', { name: TRAINING, dueDate: '2099-12-31', status: 'on track' });
  await create(cbp, 'alerts', {
    name: ALERTS,
    topic: 'fentanyl_precursors',
    indicator: { name: 'fentanyl_poe_kg', target: 100 },
    ...US_MX,
  });
  await create(fgr, 'backlog', {
    name: BACKLOG,
    leadCountry: 'MX',
    leadAgency: 'FGR',
    partnerCountries: ['US'],
    dueDate: '2025-05-15',
    indicator: { name: 'traces_answered_30d', target: 0.9 },
  });
  const up = await fgr({
    method: 'POST',
    url: `/api/v1/commitments/${ids.backlog}/updates`,
    payload: { status: 'at_risk', note: NOTE },
  });
  expect(up.statusCode, up.body).toBe(200);
  // FGR's own: AMBER+STRICT to FGR alone. CBP must never see it, nor count it.
  await create(fgr, 'secret', {
    name: SECRET,
    leadCountry: 'MX',
    leadAgency: 'FGR',
    partnerCountries: [],
    marking: 'TLP:AMBER+STRICT',
    recipientAgencies: ['FGR'],
  });
  await create(cbp, 'elsewhere', {
    name: 'Agreed at the bilateral group',
    meetingId: otherMeetingId,
    dueDate: '2099-01-31',
  });
});
afterAll(() => h?.close());

describe('GET /api/v1/commitments/report', () => {
  it('gives the HTML report of what the viewer may see, and nothing else', async () => {
    const res = await report(cbp, 'format=html');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="progress-report-\d{4}-\d{2}-\d{2}\.html"$/,
    );
    const html = res.body;
    for (const name of [ALERTS, BACKLOG, 'Agreed at the bilateral group'])
      expect(html).toContain(name);
    expect(html).toContain('Capacitación de peritos en Montréal y Güémez — « traçage » d’armes');
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(ids.secret);
    expect(html).not.toContain('ONLY FGR');
    expect(html).toContain('<h1>Progress report on commitments</h1>');
    expect(html).toContain('TLP:AMBER — most restrictive marking in this report');
    expect(html).toMatch(/TLP:AMBER<\/span> \/\/ REL TO MX, US/);
    // Counted as it is listed: four commitments, two overdue, one at risk.
    expect(html).toMatch(/Total<\/th><td class="num">4</);
    expect(html).toMatch(/Overdue<\/th><td class="num">2</);
    expect(html).toContain('<h2>At risk (1)</h2>');
    expect(html).toContain(NOTE);
    expect(html).toContain('<svg class="spark"');
    expect(html).not.toMatch(/<script/i);
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'commitment.report',
      outcome: 'ok',
      agency: 'CBP',
      query: { format: 'html' },
    });
  });

  it('shows the originator its AMBER+STRICT commitment, and raises the banner to it', async () => {
    const html = (await report(fgr, '')).body;
    expect(html).toContain(SECRET);
    expect(html).toContain('TLP:AMBER+STRICT — most restrictive marking in this report');
    expect(html).toMatch(/TLP:AMBER\+STRICT<\/span> \/\/ ONLY FGR/);
    expect(html).toMatch(/Total<\/th><td class="num">5</);
  });

  it('answers in Spanish from Accept-Language and in French from lang, dates included', async () => {
    const es = await report(cbp, 'format=html', { 'accept-language': 'es-MX,es;q=0.9' });
    expect(es.headers['content-language']).toBe('es');
    expect(es.headers['content-disposition']).toMatch(/filename="informe-de-avance-/);
    expect(es.body).toContain('<html lang="es">');
    expect(es.body).toContain('<h1>Informe de avance de los compromisos</h1>');
    expect(es.body).toContain('<h2>Compromisos por estado</h2>');
    expect(es.body).toContain('DIVULGABLE A MX, US');
    expect(es.body).toContain('30 de junio de 2025');
    expect(es.body).toContain('TLP:AMBER — marca más restrictiva de este informe');
    const fr = await report(cbp, 'lang=fr', { 'accept-language': 'es' });
    expect(fr.body).toContain('<h1>Rapport d’avancement des engagements</h1>');
    expect(fr.body).toContain('<h2>Engagements par statut</h2>');
    expect(fr.body).toContain('COMMUNICABLE À MX, US');
    expect(fr.body).toContain('30 juin 2025');
  });

  it('covers one meeting’s commitments, or the list filters', async () => {
    const one = (await report(cbp, `meeting=${otherMeetingId}`)).body;
    expect(one).toContain('Agreed at the bilateral group');
    expect(one).not.toContain(ALERTS);
    expect(one).toContain('Commitments agreed at Grupo bilateral de armas — Ciudad Juárez');
    const filtered = (await report(cbp, 'topic=fentanyl_precursors&leadCountry=US')).body;
    expect(filtered).toContain(ALERTS);
    expect(filtered).not.toContain(BACKLOG);
    expect(filtered).toContain('Topic: Fentanyl and precursors');
    const unknown = '0190b8a2-7c1e-7d3a-9f00-1a2b3c4d5e6f';
    expectProblem(await report(cbp, `meeting=${unknown}`), 404, 'not_found');
  });

  it('gives CSV rows with their portion marking, none for what the viewer may not see', async () => {
    const res = await report(cbp, 'format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="progress-report-.*\.csv"/);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.name).sort()).toEqual(
      [ALERTS, BACKLOG, TRAINING, 'Agreed at the bilateral group'].sort(),
    );
    const alerts = rows.find((r) => r.id === ids.alerts)!;
    expect(alerts).toMatchObject({
      status: 'planned',
      overdue: 'yes',
      marking: 'TLP:AMBER',
      portion_marking: 'TLP:AMBER // REL TO MX, US',
      indicator: 'fentanyl_poe_kg',
      target: '100',
    });
    expect(Number(alerts.days_overdue)).toBeGreaterThan(300);
    const backlog = rows.find((r) => r.id === ids.backlog)!;
    expect(backlog).toMatchObject({ status: 'at risk', latest_note: NOTE });
    expect(backlog.latest_note_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const mine = parse((await report(fgr, 'format=csv')).body, { columns: true }) as {
      id: string;
      portion_marking: string;
    }[];
    expect(mine.find((r) => r.id === ids.secret)?.portion_marking).toBe(
      'TLP:AMBER+STRICT // ONLY FGR',
    );
  });

  it('gives a PDF whose text carries the banner, accented names and the fallbacks', async () => {
    const res = await report(fgr, 'format=pdf&lang=es');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/filename="informe-de-avance-.*\.pdf"/);
    const body = res.rawPayload;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(body);
    expect(text).toContain('TLP:AMBER+STRICT — marca más restrictiva de este informe');
    expect(text).toContain('Informe de avance de los compromisos');
    expect(text).toContain(TRAINING);
    expect(text).toContain(SECRET);
    // ő is not WinAnsi: written as o; the emoji as "?"; the rest as typed.
    expect(text).toContain('apoyo de Erdos ? pendiente');
    expect(text).toContain('TLP:AMBER // DIVULGABLE A MX, US');
    expect(text).toContain('TLP:AMBER+STRICT // SOLO FGR');
    const theirs = await pdfText((await report(cbp, 'format=pdf')).rawPayload);
    expect(theirs).toContain('TLP:AMBER — most restrictive marking in this report');
    expect(theirs).toContain(TRAINING);
    expect(theirs).not.toContain(SECRET);
    expect(theirs).not.toContain('ONLY FGR');
  });

  it('refuses an unknown format or language with a clear problem', async () => {
    const format = expectProblem(await report(cbp, 'format=docx'), 422, 'validation_failed');
    expect(format.errors).toMatchObject([{ code: 'not_allowed', field: 'format' }]);
    expect(JSON.stringify(format.errors)).toContain('html, pdf, csv');
    const lang = expectProblem(await report(cbp, 'lang=de'), 422, 'validation_failed');
    expect(lang.errors).toMatchObject([{ code: 'not_allowed', field: 'lang' }]);
    const status = expectProblem(await report(cbp, 'status=finished'), 422, 'validation_failed');
    expect(status.errors).toMatchObject([{ code: 'invalid_choice', field: 'status' }]);
  });
});

describe('PATCH /api/v1/records/{id} of a commitment', () => {
  it('refuses a closed commitment (409 commitment_closed), as its progress updates do', async () => {
    const url = `/api/v1/records/${ids.training}`;
    const properties = (status: string) => ({
      name: [TRAINING],
      text: ['What was agreed at the third session, in full.'],
      topic: ['firearms'],
      leadCountry: ['US'],
      leadAgency: ['CBP'],
      dueDate: ['2099-12-31'],
      status: [status],
    });
    const open = await cbp({ method: 'PATCH', url, payload: { properties: properties('done') } });
    expect(open.statusCode, open.body).toBe(200);
    const before = await storedVersions(h.db);
    const res = await cbp({
      method: 'PATCH',
      url,
      headers: { 'accept-language': 'es' },
      payload: { properties: properties('on track') },
    });
    const problem = expectProblem(res, 409, 'conflict');
    expect(problem.errors).toMatchObject([{ code: 'commitment_closed', value: 'done' }]);
    expect(problem.detail).toContain('está cerrado');
    expect(await storedVersions(h.db)).toBe(before);
    expect((await auditTail(h.db)).last).toMatchObject({
      action: 'record.update',
      outcome: 'error:conflict',
    });
    // Another agency still hears that it is not theirs first.
    expectProblem(
      await fgr({ method: 'PATCH', url, payload: { properties: properties('on track') } }),
      403,
      'not_originator',
    );
  });
});

describe('report catalogue', () => {
  const keys = (tree: object, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string'
        ? [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]
        : keys(v as object, `${prefix}${k}.`),
    );
  const catalogue = (lng: string) =>
    JSON.parse(readFileSync(`src/i18n/locales/${lng}/report.json`, 'utf8')) as object;

  it('has the same keys in English, Spanish and French', () => {
    const english = new Set(keys(catalogue('en')));
    for (const lng of LOCALES) expect(new Set(keys(catalogue(lng))), lng).toEqual(english);
  });
});
