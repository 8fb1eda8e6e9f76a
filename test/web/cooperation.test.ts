import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordOf, THIRD_SESSION, TRILATERAL } from '../support/cooperation-fixtures.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { accessibilityViolations, serveWeb, signInAs, type WebSession } from './browser.js';

// The cooperation pages in Chromium against a real server and database. FGR records the third
// session of the trilateral committee; CBP agrees commitments at it and reports progress; ATF,
// another US agency, must never see what CBP keeps for itself (TLP:AMBER+STRICT).

let database: TestDatabase;
let web: WebSession;
let app: FastifyInstance;
let url: string;
let fgr: TestUser;
let cbp: TestUser;
let atf: TestUser;
let meetingId: string;
let secretId: string;

const SECRET = 'CBP shares its informant list on precursor brokers with nobody else.';
const READOUT = readFileSync('test/fixtures/readouts/security-dialogue.en.txt', 'utf8');
const COMMITMENT = 'CBP and FGR share every fentanyl seizure at a port of entry within 24 hours.';

async function call(user: TestUser, method: 'GET' | 'POST', path: string, payload?: object) {
  const res = await app.inject({
    method,
    url: `/api/v1${path}`,
    headers: { authorization: `Bearer ${user.token}` },
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<Record<string, unknown>>();
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const fgrAgency = await buildAgency(db, 'FGR', 'MX', 'Fiscalía General de la República');
  const cbpAgency = await buildAgency(db, 'CBP', 'US', 'Customs and Border Protection');
  const atfAgency = await buildAgency(db, 'ATF', 'US', 'Bureau of Alcohol, Tobacco, Firearms');
  await buildAgency(db, 'RCMP', 'CA', 'Royal Canadian Mounted Police');
  fgr = await buildUser(db, fgrAgency, 'analyst', 'María Guadalupe Ortiz Peña');
  cbp = await buildUser(db, cbpAgency, 'analyst', 'Dana Whitfield');
  atf = await buildUser(db, atfAgency, 'analyst', 'Sam Okafor');
  web = await serveWeb(db);
  ({ app, url } = web);
  const meeting = await call(fgr, 'POST', '/meetings', {
    ...THIRD_SESSION,
    ...TRILATERAL,
    participants: [
      { name: 'Ana Ruiz Beltrán', title: 'Fiscal Especializada', agency: 'FGR' },
      { name: 'Robert Kane', title: 'Director of Field Operations', agency: 'CBP' },
    ],
    documents: [
      { kind: 'joint_statement', title: 'Joint statement', language: 'en', date: '2025-03-06' },
    ],
  });
  meetingId = meeting.id as string;
  // Fentanyl seized at ports of entry in the months after the meeting, shared with all.
  for (const [date, kg] of [
    ['2025-04-10', '40 kg'],
    ['2025-05-02', '120 kg'],
  ] as const)
    await recordOf(cbp.call, 'Seizure', {
      date,
      portOfEntry: 'Nogales',
      drug: 'fentanyl powder',
      quantity: kg,
    });
  const secret = await call(cbp, 'POST', '/commitments', {
    meetingId,
    name: 'Informant list',
    text: SECRET,
    topic: 'fentanyl_precursors',
    leadCountry: 'US',
    leadAgency: 'CBP',
    dueDate: '2025-04-30',
    marking: 'TLP:AMBER+STRICT',
    recipientAgencies: ['CBP'],
  });
  secretId = secret.id as string;
}, 180_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const signIn = (user: TestUser) => signInAs(web, user);

const banner = (page: Page) => page.getByTestId('marking-banner');

async function openCooperation(page: Page) {
  await page.getByRole('link', { name: 'Cooperation', exact: true }).click();
  await page.getByRole('heading', { name: 'Cooperation', level: 1 }).waitFor();
}

describe('cooperation pages', () => {
  it('CBP lists meetings, opens one, adds a commitment and a progress update, and finds it on the board and in the lists', async () => {
    const { context, page } = await signIn(cbp);
    await openCooperation(page);
    const row = page.getByTestId('meeting-row').filter({ hasText: 'third session' });
    await expect.poll(() => row.textContent()).toContain('Ciudad de México');
    await expect
      .poll(() => row.textContent())
      .toContain('Trilateral (Mexico, United States, & Canada)');
    await expect.poll(() => row.textContent()).toContain('Firearms');
    await expect.poll(() => row.getByTestId('marking').textContent()).toBe('TLP:GREEN');
    await expect.poll(() => row.locator('time').textContent()).toBe('Mar 5, 2025 – Mar 6, 2025');
    // The report, in the reader's language, in each format.
    const links = page.getByTestId('report-links').getByRole('link');
    await expect
      .poll(() => links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      .toEqual([
        '/api/v1/commitments/report?format=html&lang=en',
        '/api/v1/commitments/report?format=pdf&lang=en',
        '/api/v1/commitments/report?format=csv&lang=en',
      ]);

    // Each answers with its document (the report is GET /api/v1/commitments/report).
    const answers = await links.evaluateAll((as) =>
      Promise.all(
        as.map(async (a) => {
          const res = await fetch((a as HTMLAnchorElement).href);
          return `${res.status} ${res.headers.get('content-type')?.split(';')[0]}`;
        }),
      ),
    );
    expect(answers).toEqual(['200 text/html', '200 application/pdf', '200 text/csv']);
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: THIRD_SESSION.name, level: 1 }).waitFor();
    const delegations = page.getByTestId('delegation');
    await expect.poll(() => delegations.count()).toBe(2);
    await expect
      .poll(() =>
        delegations.filter({ hasText: 'Mexico' }).getByTestId('participant').textContent(),
      )
      .toContain('Ana Ruiz Beltrán — Fiscal Especializada, FGR');
    await expect
      .poll(() => page.getByTestId('document').textContent())
      .toContain('Joint statement');
    await expect.poll(() => page.getByTestId('document').textContent()).toContain('English');
    expect(
      await page
        .getByTestId('report-links')
        .getByRole('link', { name: 'Download PDF' })
        .getAttribute('href'),
    ).toBe(`/api/v1/commitments/report?format=pdf&lang=en&meeting=${meetingId}`);
    // CBP sees its own AMBER+STRICT commitment, and the banner says so.
    await expect
      .poll(() => page.getByTestId('meeting-commitments').textContent())
      .toContain('Informant list');
    await expect
      .poll(() => banner(page).textContent())
      .toBe('Most restrictive marking on this page: TLP:AMBER+STRICT');

    // A due date before the meeting: the server's problem shows at its field.
    await page.getByLabel('What was agreed').fill(COMMITMENT);
    await page.getByLabel('Topic (required)').selectOption('fentanyl_precursors');
    await page.getByLabel('Due date').fill('2025-03-01');
    await page.getByRole('checkbox', { name: 'Mexico' }).check();
    await page.getByLabel('Indicator', { exact: true }).selectOption('fentanyl_poe_kg');
    await page.getByLabel('Target a month').fill('100');
    await page.getByRole('button', { name: 'Add the commitment' }).click();
    const due = page.locator('.field').filter({ has: page.getByLabel('Due date') });
    await expect
      .poll(() => due.getByTestId('field-error').textContent())
      .toContain('on or after the meeting where it was agreed (2025-03-05)');
    await expect.poll(() => page.getByLabel('Due date').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('problem-summary');
    // Without a lead agency, too.
    await page.getByLabel('Lead agency').fill('');
    await page.getByLabel('Due date').fill('2025-06-30');
    await page.getByRole('button', { name: 'Add the commitment' }).click();
    const agency = page.locator('.field').filter({ has: page.getByLabel('Lead agency') });
    await expect
      .poll(() => agency.getByTestId('field-error').textContent())
      .toContain('the agency that leads the commitment');
    await page.getByLabel('Lead agency').fill('CBP');
    await page.getByRole('button', { name: 'Add the commitment' }).click();
    await expect
      .poll(() => page.getByTestId('commitment-status').textContent())
      .toContain('Commitment added.');
    const added = page.getByTestId('meeting-commitments').getByTestId('commitment-row').filter({
      hasText: 'CBP and FGR share',
    });
    await expect.poll(() => added.getByTestId('overdue').count()).toBe(1);

    // The commitment: its indicator chart, its history, a progress update.
    await page.getByTestId('commitment-status').getByRole('link', { name: 'Open it' }).click();
    await page.getByRole('heading', { name: /^CBP and FGR share/, level: 1 }).waitFor();
    const chart = page.getByTestId('trend-chart');
    await expect.poll(() => chart.locator('circle[data-point]').count()).toBeGreaterThan(1);
    await expect.poll(() => chart.getByTestId('target-line').textContent()).toBe('Target: 100 kg');
    await expect
      .poll(() => chart.locator('circle[data-point="2025-05"] title').textContent())
      .toBe('May 25: 120 kg');
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(1);
    // An update without a note is refused at the note.
    await page.getByRole('button', { name: 'Add the update' }).click();
    const note = page.locator('.field').filter({ has: page.getByLabel('Progress note') });
    await expect.poll(() => note.getByTestId('field-error').textContent()).toContain('Required');
    await page.getByLabel('Status', { exact: true }).selectOption('at risk');
    await page.getByLabel('Progress note').fill('Alerts stalled: the shared inbox is not staffed.');
    await page.getByRole('button', { name: 'Add the update' }).click();
    await expect
      .poll(() => page.getByTestId('progress-status').textContent())
      .toBe('Update added.');
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
    await expect
      .poll(() => page.getByTestId('history-entry').nth(1).textContent())
      .toContain('Alerts stalled');
    await expect
      .poll(() => page.getByTestId('commitment').getByTestId('status').first().textContent())
      .toBe('At risk');

    // On the board, in the at-risk column; in the overdue and at-risk lists.
    await openCooperation(page);
    await page.getByRole('tab', { name: 'Commitments board' }).click();
    const atRisk = page.locator('[data-testid="board-column"][data-status="at risk"]');
    await expect.poll(() => atRisk.textContent()).toContain('CBP and FGR share');
    const planned = page.locator('[data-testid="board-column"][data-status="planned"]');
    await expect.poll(() => planned.textContent()).toContain('Informant list');
    await page.getByLabel('Status', { exact: true }).selectOption('at risk');
    await expect.poll(() => page.getByTestId('board-column').count()).toBe(1);
    await page.getByRole('tab', { name: 'Overdue' }).click();
    await expect
      .poll(() => page.getByTestId('overdue-list').getByTestId('commitment-row').allTextContents())
      .toEqual([
        expect.stringContaining('Informant list'),
        expect.stringContaining('CBP and FGR share'),
      ]);
    await page.getByRole('tab', { name: 'At risk' }).click();
    await expect
      .poll(() => page.getByTestId('atRisk-list').getByTestId('commitment-row').count())
      .toBe(1);

    // The indicator trends.
    await page.getByRole('tab', { name: 'Indicator trends' }).click();
    await page.getByLabel('Target (optional)').fill('100');
    await page.getByLabel('From month').fill('2025-03');
    await page.getByLabel('To month').fill('2025-06');
    await page.getByRole('button', { name: 'Show' }).click();
    const trend = page.getByTestId('indicator-chart');
    await expect.poll(() => trend.locator('circle[data-point]').count()).toBe(4);
    await expect.poll(() => trend.getByTestId('target-line').count()).toBe(1);
    await context.close();
  });

  it('answers a stale update (409) by showing the commitment as it is now', async () => {
    const created = await call(cbp, 'POST', '/commitments', {
      meetingId,
      text: 'CBSA and CBP exchange firearm seizure alerts weekly.',
      topic: 'firearms',
      leadCountry: 'US',
      leadAgency: 'CBP',
      partnerCountries: ['CA'],
      dueDate: '2027-12-31',
      ...TRILATERAL,
    });
    const id = created.id as string;
    const { context, page } = await signIn(cbp);
    await page.goto(`${url}/cooperation/commitments/${id}`);
    await page.getByRole('heading', { name: /^CBSA and CBP/, level: 1 }).waitFor();
    // Someone else reports progress meanwhile.
    await call(cbp, 'POST', `/commitments/${id}/updates`, {
      status: 'on track',
      note: 'Alerts weekly since May.',
    });
    await page.getByLabel('Progress note').fill('First alerts sent.');
    await page.getByRole('button', { name: 'Add the update' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
    await expect
      .poll(() => page.getByTestId('history').textContent())
      .toContain('Alerts weekly since May.');
    // Now up to date, the same update goes through.
    await page.getByRole('button', { name: 'Add the update' }).click();
    await expect
      .poll(() => page.getByTestId('progress-status').textContent())
      .toBe('Update added.');
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(3);
    await expect
      .poll(() => page.getByTestId('history-entry').nth(2).getByTestId('status').textContent())
      .toBe('On track');
    // Dropped meanwhile: the page says it takes no more updates.
    await call(cbp, 'POST', `/commitments/${id}/updates`, {
      status: 'dropped',
      note: 'Superseded.',
    });
    await page.getByLabel('Progress note').fill('Too late.');
    await page.getByRole('button', { name: 'Add the update' }).click();
    const status = page
      .locator('.field')
      .filter({ has: page.getByLabel('Status', { exact: true }) });
    await expect
      .poll(() => status.getByTestId('field-error').textContent())
      .toContain('The commitment is closed. Expected an open commitment');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('commitment').textContent())
      .toContain('This commitment is done or dropped: it takes no further update.');
    expect(await page.getByRole('button', { name: 'Add the update' }).count()).toBe(0);
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(4);
    await context.close();
  });

  it('never shows ATF the commitment CBP keeps to itself (TLP:AMBER+STRICT)', async () => {
    const { context, page } = await signIn(atf);
    await page.goto(`${url}/cooperation/meetings/${meetingId}`);
    await page.getByRole('heading', { name: THIRD_SESSION.name, level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('meeting-commitments').textContent())
      .toContain('CBP and FGR share');
    expect(await page.getByText('Informant list').count()).toBe(0);
    await page.goto(`${url}/cooperation?view=board`);
    await expect.poll(() => page.getByTestId('board').textContent()).toContain('CBP and FGR share');
    await page.getByRole('tab', { name: 'Overdue' }).click();
    await expect
      .poll(() => page.getByTestId('overdue-list').getByTestId('commitment-row').count())
      .toBe(1);
    expect(await page.content()).not.toContain(SECRET);
    expect(await page.content()).not.toContain('Informant list');
    await page.goto(`${url}/cooperation/commitments/${secretId}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/not found/i);
    expect(await page.content()).not.toContain(SECRET);
    await context.close();
  });

  it('speaks Spanish: labels, statuses, topics and dates', async () => {
    const { context, page } = await signIn(fgr);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('link', { name: 'Cooperación', exact: true }).click();
    await page.getByRole('heading', { name: 'Cooperación', level: 1 }).waitFor();
    const row = page.getByTestId('meeting-row').first();
    await expect.poll(() => row.textContent()).toContain('Fentanilo y precursores');
    await expect.poll(() => row.locator('time').textContent()).toBe('5 mar 2025 – 6 mar 2025');
    expect(
      await page
        .getByTestId('report-links')
        .getByRole('link', { name: 'Descargar PDF' })
        .getAttribute('href'),
    ).toBe('/api/v1/commitments/report?format=pdf&lang=es');
    await page.getByRole('tab', { name: 'Tablero de compromisos' }).click();
    const atRisk = page.locator('[data-testid="board-column"][data-status="at risk"]');
    await expect.poll(() => atRisk.locator('h3').textContent()).toMatch(/^En riesgo/);
    await expect.poll(() => atRisk.textContent()).toContain('Vencido: venció el 30 jun 2025');
    await page.getByRole('tab', { name: 'Vencidos' }).click();
    await page.getByRole('heading', { name: 'Compromisos vencidos' }).waitFor();
    await context.close();
  });

  it('reads a readout into a proposal, shows the refusal at its field, and records the reviewed meeting', async () => {
    const { context, page } = await signIn(cbp);
    await openCooperation(page);
    await page.getByRole('link', { name: 'Record a meeting from its readout' }).click();
    await page
      .getByRole('heading', { name: 'Record a meeting from its readout', level: 1 })
      .waitFor();
    // Nothing pasted, nothing chosen: said at the text.
    await page.getByRole('button', { name: 'Propose' }).click();
    await expect
      .poll(() => page.getByTestId('problem-summary').textContent())
      .toContain('Paste a text or choose a file first.');
    await page.getByLabel('Or choose a file (.txt, .html, .pdf)').setInputFiles({
      name: 'security-dialogue.en.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(READOUT),
    });
    await expect
      .poll(() => page.getByTestId('readout-file').textContent())
      .toContain('security-dialogue.en.txt (TEXT) will be read.');
    await page.getByRole('button', { name: 'Propose' }).click();
    const review = page.getByTestId('readout-review');
    await review.waitFor();
    await expect.poll(() => review.textContent()).toContain('Read as English');
    const participants = page.getByTestId('readout-participant');
    await expect.poll(() => participants.count()).toBeGreaterThan(2);
    await expect.poll(() => review.textContent()).toContain('Lisa Monaco');
    const commitments = page.getByTestId('readout-commitment');
    await expect.poll(() => commitments.count()).toBeGreaterThan(1);
    const kept = (await commitments.count()) - 1;
    // The reviewer leaves the last commitment out and the first one without a lead agency.
    await page.getByLabel(`Keep commitment ${kept + 1}`).uncheck();
    await expect.poll(() => commitments.nth(kept).textContent()).toContain('Left out.');
    for (let i = 0; i < kept; i++) {
      const c = commitments.nth(i);
      await c.getByLabel('Lead country').selectOption('US');
      await c.getByLabel('Lead agency').fill(i === 0 ? '' : 'CBP');
      if ((await c.getByLabel('Due date').inputValue()) === '')
        await c.getByLabel('Due date').fill('2025-12-31');
    }
    await page.getByRole('button', { name: 'Accept and record' }).click();
    const first = commitments
      .first()
      .locator('.field')
      .filter({ has: page.getByLabel('Lead agency') });
    await expect
      .poll(() => first.getByTestId('field-error').textContent())
      .toContain('the agency that leads the commitment');
    await expect
      .poll(() => page.getByTestId('problem-summary').textContent())
      .toContain('Commitment 1 · Lead agency');
    await commitments.first().getByLabel('Lead agency').fill('CBP');
    await page.getByRole('button', { name: 'Accept and record' }).click();
    const accepted = page.getByTestId('readout-accepted');
    await expect
      .poll(() => accepted.textContent())
      .toMatch(
        new RegExp(`Recorded: the meeting, its document, \\d+ participants and ${kept} commitment`),
      );
    await accepted.getByRole('link', { name: 'Open the meeting' }).click();
    await page.getByTestId('delegation').first().waitFor();
    await expect
      .poll(() => page.getByTestId('meeting-commitments').getByTestId('commitment-row').count())
      .toBe(kept);
    await expect.poll(() => page.getByTestId('document').textContent()).toContain('Readout');
    await context.close();
  });

  it('reads a PDF readout, sent as base64', async () => {
    const pdf = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.text(READOUT);
      doc.end();
    });
    const { context, page } = await signIn(cbp);
    await page.goto(`${url}/cooperation/readout`);
    await page.getByLabel('Or choose a file (.txt, .html, .pdf)').setInputFiles({
      name: 'dialogue.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await expect
      .poll(() => page.getByTestId('readout-file').textContent())
      .toContain('dialogue.pdf (PDF) will be read.');
    await page.getByRole('button', { name: 'Propose' }).click();
    const review = page.getByTestId('readout-review');
    await expect.poll(() => review.textContent()).toContain('Read as English');
    await expect.poll(() => review.textContent()).toContain('Lisa Monaco');
    // Start over: back to the document, nothing recorded.
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('button', { name: 'Propose' }).waitFor();
    await context.close();
  });

  it('passes the accessibility check on every cooperation page', async () => {
    const { context, page } = await signIn(cbp);
    const check = async (path: string, ready: () => Promise<unknown>) => {
      await page.goto(`${url}${path}`);
      await ready();
      expect(await accessibilityViolations(page), path).toEqual([]);
    };
    const commitments = await call(cbp, 'GET', `/commitments?meetingId=${meetingId}`);
    const open = (commitments.items as { id: string; status: string }[]).find(
      (c) => c.status === 'at risk',
    )!;
    await check('/cooperation', () => page.getByTestId('meeting-row').first().waitFor());
    await check('/cooperation?view=board', () =>
      page.getByTestId('commitment-card').first().waitFor(),
    );
    await check('/cooperation?view=overdue', () => page.getByTestId('overdue-list').waitFor());
    await check('/cooperation?view=atRisk', () => page.getByTestId('atRisk-list').waitFor());
    await check('/cooperation?view=indicators', () =>
      page.getByTestId('indicator-chart').waitFor(),
    );
    await check('/cooperation?view=new', () =>
      page.getByRole('option', { name: /third session/ }).waitFor({ state: 'attached' }),
    );
    await check(`/cooperation/meetings/${meetingId}`, () =>
      page.getByTestId('delegation').first().waitFor(),
    );
    await check(`/cooperation/commitments/${open.id}`, () =>
      page.getByTestId('trend-chart').waitFor(),
    );
    await check('/cooperation/readout', () => page.getByRole('heading', { level: 1 }).waitFor());
    await page.getByLabel('Paste the text').fill(READOUT);
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.getByTestId('readout-review').waitFor();
    expect(await accessibilityViolations(page), 'readout review').toEqual([]);
    await context.close();
  });
});
