import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgencyTraceRole } from '../../src/services/identity/agencies.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, operator, type TestUser } from '../support/factories.js';
import { DEALER, seedTraceSales } from '../support/trace-fixtures.js';
import { accessibilityViolations, serveWeb, signInAs, type WebSession } from './browser.js';

// The firearm trace pages in Chromium against a real server and database. ATF traces and
// holds the sales of test/support/trace-fixtures.ts (a Colt AR-15 and two Glock 19s, all sold
// in Texas to Travis Lee Dunham); FGR requests traces of guns recovered in Mexico.

let database: TestDatabase;
let web: WebSession;
let app: FastifyInstance;
let url: string;
let fgr: TestUser;
let atf: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const atfAgency = await buildAgency(db, 'ATF', 'US', 'Bureau of Alcohol, Tobacco, Firearms');
  const fgrAgency = await buildAgency(db, 'FGR', 'MX', 'Fiscalía General de la República');
  await setAgencyTraceRole(operator(db), 'ATF', 'tracer');
  await setAgencyTraceRole(operator(db), 'FGR', 'requester');
  atf = await buildUser(db, atfAgency, 'analyst', 'Dana Whitfield');
  fgr = await buildUser(db, fgrAgency, 'analyst', 'María Guadalupe Ortiz Peña');
  await seedTraceSales(atf.call);
  web = await serveWeb(db);
  ({ app, url } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const signIn = (user: TestUser) => signInAs(web, user);

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

const banner = (page: Page) => page.getByTestId('marking-banner');
const COLT = 'Colt AR-15, rifle, 5.56x45mm, serial LW012345';

async function openNewRequest(page: Page) {
  await page.getByRole('link', { name: 'Traces', exact: true }).click();
  await page.getByRole('tab', { name: 'New request' }).click();
  await page.getByRole('heading', { name: 'Request a trace' }).waitFor();
}

describe('firearm trace pages', () => {
  it('FGR submits a trace through the form, ATF runs it, FGR reads the answer with the purchaser’s marking', async () => {
    const { context, page } = await signIn(fgr);
    await openNewRequest(page);
    await page.getByLabel('Maker or importer').fill('Colt');
    await page.getByLabel('Model', { exact: true }).fill('AR-15');
    await page.getByLabel('Type', { exact: true }).selectOption('rifle');
    await page.getByLabel('Calibre').fill('5.56x45mm');
    await page.getByLabel('Serial number', { exact: true }).fill('LW012345');
    await page.getByLabel('Date of recovery').fill('2020-06-01');
    // The country of recovery starts as the requester's own.
    expect(await page.getByLabel('Country of recovery').inputValue()).toBe('MX');
    await page.getByLabel('State', { exact: true }).fill('Tamaulipas');
    await page.getByLabel('Municipality or place').fill('Reynosa');
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Juan Pérez Salas');
    await page.getByRole('button', { name: 'Submit the request' }).click();
    await expect
      .poll(() => page.getByTestId('submit-status').textContent())
      .toContain('Request submitted.');

    // The queue: submitted, routine, due in a week, not overdue.
    await page.getByRole('tab', { name: 'Requests' }).click();
    const row = page.getByTestId('trace-row').filter({ hasText: COLT });
    await expect.poll(() => row.getByTestId('trace-status').textContent()).toBe('Submitted');
    await expect.poll(() => row.textContent()).toContain('Routine');
    await expect.poll(() => row.textContent()).toMatch(/Due .*\(in 7 days\)/);
    await expect.poll(() => row.textContent()).toContain('Reynosa, Tamaulipas, Mexico');
    expect(await row.getByTestId('overdue').count()).toBe(0);
    // A requester has no "Run traces".
    expect(await page.getByRole('button', { name: 'Run traces' }).count()).toBe(0);
    await context.close();

    // The tracing agency runs the queue.
    const tracer = await signIn(atf);
    await tracer.page.getByRole('link', { name: 'Traces', exact: true }).click();
    await tracer.page.getByRole('button', { name: 'Run traces' }).click();
    await expect
      .poll(() => tracer.page.getByTestId('run-summary').textContent())
      .toBe('1 request traced: Completed: 1.');
    const done = tracer.page.getByTestId('trace-row').filter({ hasText: COLT });
    await expect.poll(() => done.getByTestId('trace-status').textContent()).toBe('Completed');
    await tracer.context.close();

    // The requester reads the answer.
    const back = await signIn(fgr);
    const p = back.page;
    await p.getByRole('link', { name: 'Traces', exact: true }).click();
    await p.getByLabel('Status').selectOption('completed');
    await p.getByRole('link', { name: COLT }).click();
    await p.getByRole('heading', { name: COLT, level: 1 }).waitFor();
    await expect.poll(() => p.getByTestId('trace-status').first().textContent()).toBe('Completed');
    await expect
      .poll(() => p.getByTestId('trace-reason').textContent())
      .toBe('The first retail sale was found.');
    const result = p.getByTestId('trace-result');
    await expect.poll(() => result.getByTestId('dealer').textContent()).toBe(DEALER.dealerName);
    await expect.poll(() => result.textContent()).toContain(DEALER.dealerLicense);
    await expect
      .poll(() => result.getByTestId('time-to-crime').textContent())
      .toBe('143 days (0.4 years)');
    const indicators = result.getByTestId('indicators');
    await expect
      .poll(() => indicators.textContent())
      .toContain('Short time-to-crime: recovered 143 days (0.4 years) after its sale');
    await expect
      .poll(() => indicators.textContent())
      .toContain('Sold in United States, recovered in Mexico.');
    const purchaser = result.getByTestId('purchaser');
    await expect.poll(() => purchaser.textContent()).toContain('Travis Lee Dunham');
    await expect
      .poll(() => purchaser.getByTestId('marking').textContent())
      .toBe('TLP:AMBER // REL TO MX, US');
    await expect
      .poll(() => banner(p).textContent())
      .toBe('Most restrictive marking on this page: TLP:AMBER');
    // The history, and the records the trace joins, each with its own marking.
    await expect
      .poll(() => p.getByTestId('history').locator('li').allTextContents())
      .toEqual([
        expect.stringContaining('Submitted'),
        expect.stringContaining('In progress'),
        expect.stringContaining('Completed'),
      ]);
    const records = p.getByTestId('trace-record');
    await expect.poll(() => records.count()).toBe(5);
    await expect
      .poll(() => records.filter({ hasText: 'Purchaser:' }).getByTestId('marking').textContent())
      .toBe('TLP:AMBER // REL TO MX, US');
    await records.filter({ hasText: 'Purchaser:' }).getByRole('link').click();
    await p.getByRole('heading', { name: 'Travis Lee Dunham', level: 1 }).waitFor();
    await back.context.close();
  });

  it('shows each problem of a refused request at its field', async () => {
    const { context, page } = await signIn(fgr);
    await openNewRequest(page);
    // The app's own check first: the maker, the serial (unless ground off) and the date.
    await page.getByRole('button', { name: 'Submit the request' }).click();
    const maker = page.getByLabel('Maker or importer');
    await expect.poll(() => maker.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.getByTestId('problem-summary').textContent())
      .toContain('3 problems to fix');
    await expect
      .poll(() => page.getByTestId('problem-summary').textContent())
      .toContain('Serial number: Give the serial number as read');

    // Then the server's: an unknown maker and a day in the future.
    await maker.fill('Acme Blasters');
    await page.getByLabel('Serial number', { exact: true }).fill('ACM00001');
    await page.getByLabel('Date of recovery').fill('2099-01-01');
    await page.getByRole('button', { name: 'Submit the request' }).click();
    const makeField = page.locator('.field').filter({ has: maker });
    await expect
      .poll(() => makeField.getByTestId('field-error').textContent())
      .toContain('“Acme Blasters” is not a maker or importer the trace knows.');
    const described = await maker.getAttribute('aria-describedby');
    expect(described).toContain(await makeField.getByTestId('field-error').getAttribute('id'));
    const dateField = page.locator('.field').filter({ has: page.getByLabel('Date of recovery') });
    await expect
      .poll(() => dateField.getByTestId('field-error').textContent())
      .toContain('2099-01-01 is in the future');
    // The summary took the focus and links each problem to its field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('problem-summary');
    await page
      .getByTestId('problem-summary')
      .getByRole('link', { name: 'Maker or importer' })
      .click();
    await expect.poll(() => maker.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  it('uploads a file of requests and lists its problems by line', async () => {
    const { context, page } = await signIn(fgr);
    await page.getByRole('link', { name: 'Traces', exact: true }).click();
    await page.getByRole('tab', { name: 'Upload a file' }).click();
    const file = page.getByLabel('File of requests', { exact: true });
    const header =
      'firearm.make,firearm.model,firearm.type,firearm.serialNumber,recovery.date,recovery.country,recovery.state';
    const upload = (name: string, lines: string[]) =>
      file.setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...lines].join('\n')),
      });
    const problems = page.getByTestId('batch-problems');

    // Found in the browser, before anything is sent.
    await upload('guns.csv', [
      'Ruger,LCR,revolver,RUG55501,2023-06-01,MX,Sonora',
      'Glock,19,handgun,GLK99901,2023-06-01,MX,Sonora',
    ]);
    await expect
      .poll(() => page.getByTestId('batch-status').textContent())
      .toBe('guns.csv (CSV): 2 requests read.');
    await expect.poll(() => problems.locator('tbody tr').count()).toBe(1);
    await expect
      .poll(() => problems.locator('tbody tr').textContent())
      .toMatch(/^Line 3firearm\.type/);
    await expect
      .poll(() => problems.textContent())
      .toContain('“handgun” is not one of the choices');
    expect(await page.getByRole('button', { name: 'Submit 2 requests' }).isDisabled()).toBe(true);

    // Found by the server: the whole file is refused, each problem named with its line.
    await upload('guns2.csv', [
      'Ruger,LCR,revolver,RUG55501,2023-06-01,MX,Sonora',
      'Acme Blasters,X,pistol,ACM99901,2023-06-01,MX,Sonora',
    ]);
    await page.getByRole('button', { name: 'Submit 2 requests' }).click();
    await expect
      .poll(() => problems.locator('tbody tr').textContent())
      .toMatch(/^Line 3firearm\.make/);
    await expect
      .poll(() => problems.textContent())
      .toContain('“Acme Blasters” is not a maker or importer');

    // NDJSON: one request a line; a line that is not JSON is named.
    await file.setInputFiles({
      name: 'guns.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(
        '{"firearm":{"make":"Ruger","serialNumber":"RUG55501"},"recovery":{"date":"2023-06-01","country":"MX"}}\n{"firearm":\n',
      ),
    });
    await expect
      .poll(() => page.getByTestId('batch-status').textContent())
      .toBe('guns.ndjson (NDJSON): 1 request read.');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Line 2 is not valid JSON');
    // A file is sent whole or not at all.
    expect(await page.getByRole('button', { name: 'Submit 1 request' }).isDisabled()).toBe(true);

    await upload('guns3.csv', ['Ruger,LCR,revolver,RUG55501,2023-06-01,MX,Sonora']);
    await page.getByRole('button', { name: 'Submit 1 request' }).click();
    await expect
      .poll(() => page.getByTestId('batch-status').textContent())
      .toContain('1 request submitted.');
    await context.close();
  });

  it('lets the tracer choose among ranked candidates', async () => {
    // A partial serial two sold Glocks fit (BKX123 and BKX129).
    const submitted = await call(fgr, 'POST', '/traces', {
      priority: 'urgent',
      firearm: {
        make: 'Glock',
        model: '19',
        type: 'pistol',
        caliber: '9mm',
        serialNumber: 'BKX12?',
      },
      recovery: { date: '2021-06-01', country: 'MX', state: 'Sonora', place: 'Nogales' },
    });
    const id = (submitted.ids as string[])[0]!;
    const { context, page } = await signIn(atf);
    await page.goto(`${url}/traces/${id}`);
    await page.getByRole('button', { name: 'Run this trace' }).click();
    await expect
      .poll(() => page.getByTestId('trace-status').first().textContent())
      .toBe('In progress');
    await expect
      .poll(() => page.getByTestId('trace-reason').textContent())
      .toBe('2 sales fit about equally: the tracer chooses among them.');
    const candidates = page.getByTestId('candidate');
    await expect.poll(() => candidates.count()).toBe(2);
    await expect
      .poll(() => candidates.first().textContent())
      .toContain('The 5 legible characters of the serial number fit.');
    await page.getByLabel('Note for the requester (optional)').fill('Invoice matches BKX129.');
    await page
      .getByRole('button', { name: /^Choose this sale, candidate \d, serial BKX129/ })
      .click();
    await expect
      .poll(() => page.getByTestId('trace-status').first().textContent())
      .toBe('Completed');
    await expect
      .poll(() => page.getByTestId('trace-reason').textContent())
      .toBe('The tracer chose the sale among the candidates: “Invoice matches BKX129.”');
    await expect
      .poll(() => page.getByTestId('trace-notice').textContent())
      .toBe('Sale chosen: the trace is completed.');
    await expect.poll(() => page.getByTestId('indicators').textContent()).toContain('2 guns');
    await context.close();
  });

  it('shows the statistics with their charts and the maps of US and Mexican states', async () => {
    const { context, page } = await signIn(fgr);
    await page.getByRole('link', { name: 'Trace statistics' }).click();
    await page.getByRole('heading', { name: 'Trace statistics', level: 1 }).waitFor();
    // Two guns traced to a sale in Texas (Colt and Glock), none pending but the Ruger.
    await expect.poll(() => page.getByTestId('share').textContent()).toContain('100%');
    await expect
      .poll(() => page.getByTestId('share').textContent())
      .toContain(
        'of the 2 guns recovered in Mexico with an answer were traced to a retail sale in United States (2).',
      );
    await expect.poll(() => page.getByTestId('median').textContent()).toMatch(/^\d+ days/);
    await expect.poll(() => page.getByTestId('chart-year').locator('[data-bar]').count()).toBe(2);
    await expect.poll(() => page.getByTestId('chart-type').textContent()).toContain('rifle');
    await expect
      .poll(() => page.getByTestId('chart-source-state').textContent())
      .toContain('Texas');
    const us = page.getByTestId('map-us');
    const mx = page.getByTestId('map-mx');
    await expect.poll(() => us.locator('path').count()).toBe(51);
    await expect.poll(() => mx.locator('path').count()).toBe(32);
    expect(await us.locator('path[data-shaded="yes"]').getAttribute('data-state')).toBe('TX');
    await expect
      .poll(() =>
        mx
          .locator('path[data-shaded="yes"]')
          .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-state'))),
      )
      .toEqual(['SON', 'TAM']);
    await expect.poll(() => us.textContent()).toContain('Texas: 2 guns (100%)');
    // Shading by share keeps the figures in words.
    await page.getByRole('radio', { name: 'share traced' }).check();
    await expect
      .poll(() => mx.locator('figcaption').textContent())
      .toContain('Share traced to United States');
    const csv = page.getByRole('link', { name: 'Download as CSV' });
    expect(await csv.getAttribute('href')).toBe(
      '/api/v1/traces/stats.csv?recoveryCountry=MX&sourceCountry=US&baseYear=2016',
    );
    const body = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      (await csv.getAttribute('href'))!,
    );
    expect(body).toContain('source_state,TX,,2,1.0000');
    await context.close();
  });

  it('speaks Spanish: labels, statuses, reasons, numbers and dates', async () => {
    const { context, page } = await signIn(fgr);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('link', { name: 'Rastreos', exact: true }).click();
    await page.getByRole('heading', { name: 'Rastreo de armas de fuego' }).waitFor();
    const row = page.getByTestId('trace-row').filter({ hasText: 'Colt AR-15, rifle' });
    await expect.poll(() => row.getByTestId('trace-status').textContent()).toBe('Concluida');
    await expect.poll(() => row.textContent()).toContain('1 jun 2020');
    await row.getByRole('link').click();
    const result = page.getByTestId('trace-result');
    await expect.poll(() => result.textContent()).toContain('Armería');
    await expect
      .poll(() => result.getByTestId('time-to-crime').textContent())
      .toBe('143 días (0,4 años)');
    await expect
      .poll(() => result.getByTestId('indicators').textContent())
      .toContain('Vendida en Estados Unidos, asegurada en México.');
    await page.getByRole('link', { name: 'Todas las solicitudes de rastreo' }).click();
    await page.getByRole('tab', { name: 'Nueva solicitud' }).click();
    await page.getByLabel('Fabricante o importador').waitFor();
    await page.getByRole('link', { name: 'Estadísticas de rastreo' }).first().click();
    await page.getByRole('heading', { name: 'Estadísticas de rastreo', level: 1 }).waitFor();
    // Spanish writes a (non-breaking) space before the percent sign.
    await expect.poll(() => page.getByTestId('share').textContent()).toMatch(/^100\s%/);
    await expect
      .poll(() => page.getByTestId('map-us').textContent())
      .toMatch(/Texas: 2 armas \(100\s%\)/);
    await context.close();
  });

  it('the trace list, the request form, a trace and the statistics pass the accessibility check, in English and Spanish', async () => {
    const { context, page } = await signIn(fgr);
    await page.getByRole('link', { name: 'Traces', exact: true }).click();
    await page.getByTestId('trace-row').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The request form, blank and then with its problems shown at their fields.
    await openNewRequest(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add a person' }).click();
    await page.getByRole('button', { name: 'Submit the request' }).click();
    await page.getByTestId('problem-summary').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await page.getByLabel('File of requests', { exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // A completed trace, with its answer, history and records.
    await page.getByRole('tab', { name: 'Requests' }).click();
    await page.getByRole('link', { name: COLT }).click();
    await page.getByTestId('trace-result').waitFor();
    await page.getByTestId('trace-record').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The statistics: headline figures, bar charts and both state maps.
    await page.getByRole('link', { name: 'Trace statistics' }).click();
    await expect.poll(() => page.getByTestId('map-mx').locator('path').count()).toBe(32);
    await expect.poll(() => page.getByTestId('map-us').locator('path').count()).toBe(51);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'share traced' }).check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Estadísticas de rastreo', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Rastreos', exact: true }).click();
    await page.getByTestId('trace-row').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('a trace with candidates to choose from passes the accessibility check', async () => {
    const submitted = await call(fgr, 'POST', '/traces', {
      firearm: { make: 'Glock', model: '19', type: 'pistol', serialNumber: 'BKX12?' },
      recovery: { date: '2021-07-01', country: 'MX', state: 'Sonora' },
    });
    const id = (submitted.ids as string[])[0]!;
    const { context, page } = await signIn(atf);
    await page.goto(`${url}/traces/${id}`);
    await page.getByRole('button', { name: 'Run this trace' }).click();
    await expect.poll(() => page.getByTestId('candidate').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
