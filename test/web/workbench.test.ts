import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord } from '../../src/services/records/create-record.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { accessibilityViolations, serveWeb, signInAs, type WebSession } from './browser.js';

// The dashboard (the landing page), the import page and the administration page in Chromium
// against a real server and database. CBP and FGR each hold a seizure of May 2025; FGR keeps
// its own to itself (TLP:AMBER+STRICT, FGR only).

let database: TestDatabase;
let web: WebSession;
let app: FastifyInstance;
let url: string;
let fgr: TestUser;
let fgrAdmin: TestUser;
let cbp: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const fgrAgency = await buildAgency(db, 'FGR', 'MX', 'Fiscalía General de la República');
  const cbpAgency = await buildAgency(db, 'CBP', 'US', 'U.S. Customs and Border Protection');
  fgr = await buildUser(db, fgrAgency, 'analyst', 'María Guadalupe Ortiz Peña');
  fgrAdmin = await buildUser(db, fgrAgency, 'admin', 'Arturo Benítez de la Rosa');
  cbp = await buildUser(db, cbpAgency, 'analyst', "Megan O'Connell");
  await createRecord(cbp.call, {
    schema: 'Seizure',
    properties: {
      date: ['2025-05-02'],
      portOfEntry: ['Calexico'],
      drug: ['fentanyl pills'],
      quantity: ['6000 pills'],
      country: ['US'],
    },
    marking: 'TLP:GREEN',
  });
  await createRecord(fgr.call, {
    schema: 'Seizure',
    properties: {
      date: ['2025-05-20'],
      portOfEntry: ['Manzanillo'],
      drug: ['precursor chemical'],
      country: ['MX'],
    },
    marking: 'TLP:AMBER+STRICT',
    recipientAgencies: ['FGR'],
  });
  web = await serveWeb(db);
  ({ app, url } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const signIn = (user: TestUser, path = '/') => signInAs(web, user, { path });

const banner = (page: Page) => page.getByTestId('marking-banner');
const WINDOW = '/?from=2025-01&to=2025-06';

const MAPPING = `records:
  - key: seizure
    schema: Seizure
    id: 'SEIZ-{ID}'
    properties:
      date: { column: FECHA, date: DD/MM/YYYY }
      drug: { column: DROGA, map: { FENTANILO: 'fentanyl powder', COCAINA: cocaine } }
      portOfEntry: { column: ADUANA }
      country: { value: MX }
`;
const CSV =
  'ID,FECHA,DROGA,ADUANA\n1,02/05/2025,FENTANILO,Tijuana\n2,14/06/2025,COCAINA,Manzanillo\n';
const BAD_CSV =
  'ID,FECHA,DROGA,ADUANA\n11,03/05/2025,FENTANILO,Nogales\n12,31/02/2025,COCAINA,Tijuana\n';

/** Uploads a file and waits for its job to end (seconds on a busy machine: it runs queued). */
async function importCsv(page: Page, name: string, csv: string, skipInvalid = false) {
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Import a file', level: 1 }).waitFor();
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByLabel('Marking').selectOption('TLP:GREEN');
  await page.getByLabel(/^A mapping/).check();
  await page.getByLabel('Mapping', { exact: true }).fill(MAPPING);
  if (skipInvalid) await page.getByLabel('Set invalid rows aside').check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect
    .poll(() => page.getByTestId('import-status').textContent(), { timeout: 30_000 })
    .toMatch(/^(Imported|Failed)\./);
}

describe('dashboard, import and administration pages', () => {
  it('lands on the dashboard: seizures by month, drug, port and country, recent records, over what the viewer may see', async () => {
    const { context, page } = await signIn(cbp, WINDOW);
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('seizure-total').textContent())
      .toBe('1 seizure from January 2025 to June 2025.');
    await expect.poll(() => page.getByTestId('chart-month').textContent()).toContain('May 2025');
    await expect
      .poll(() => page.getByTestId('chart-drug').textContent())
      .toContain('fentanyl pills');
    await expect.poll(() => page.getByTestId('chart-port').textContent()).toContain('Calexico');
    await expect
      .poll(() => page.getByTestId('chart-country').textContent())
      .toContain('United States');
    // FGR's seizure is neither counted nor listed; the banner follows what is on screen.
    await expect.poll(() => page.content()).not.toContain('Manzanillo');
    const activity = page.getByTestId('activity');
    await expect
      .poll(() => activity.first().getByTestId('marking').textContent())
      .toBe('TLP:GREEN');
    await expect
      .poll(() => banner(page).textContent())
      .toBe('Most restrictive marking on this page: TLP:GREEN');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Months and numbers in the reader's language.
    await page.getByLabel('Language').selectOption('es');
    await expect
      .poll(() => page.getByTestId('seizure-total').textContent())
      .toBe('1 aseguramiento de enero de 2025 a junio de 2025.');
    await expect
      .poll(() => page.getByTestId('chart-country').textContent())
      .toContain('Estados Unidos');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Idioma').selectOption('en');
    // The window: months chosen in the form go to the address bar.
    await page.getByLabel('From (month)').fill('2025-06');
    await page.getByLabel('To (month)').fill('2025-06');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('seizure-total').textContent())
      .toBe('0 seizures from June 2025 to June 2025.');
    await expect
      .poll(() => page.getByTestId('chart-port').textContent())
      .toContain('No seizures in these months.');
    await context.close();

    // FGR counts its own strict seizure too, and the banner says so.
    const own = await signIn(fgr, WINDOW);
    await expect
      .poll(() => own.page.getByTestId('seizure-total').textContent())
      .toBe('2 seizures from January 2025 to June 2025.');
    await expect
      .poll(() => banner(own.page).textContent())
      .toBe('Most restrictive marking on this page: TLP:AMBER+STRICT');
    await own.context.close();
  });

  it('imports a CSV through a mapping and shows the summary', async () => {
    const { context, page } = await signIn(fgr);
    await importCsv(page, 'aseguramientos.csv', CSV);
    expect(await page.getByTestId('import-status').textContent()).toBe('Imported.');
    const summary = page.getByTestId('import-summary');
    await expect
      .poll(() => summary.getByRole('row', { name: /^Records/ }).textContent())
      .toBe('Records200');
    await expect.poll(() => summary.textContent()).toContain('2 rows read, 0 rejected');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The same file again changes nothing.
    await importCsv(page, 'aseguramientos.csv', CSV);
    await expect
      .poll(() => summary.getByRole('row', { name: /^Records/ }).textContent())
      .toBe('Records002');
    // Both uploads are listed, newest first; the first one's report opens again.
    const past = page.getByTestId('past-import');
    await expect.poll(() => past.count()).toBe(2);
    await expect.poll(() => past.first().textContent()).toContain('aseguramientos.csv');
    await past
      .last()
      .getByRole('button', { name: 'Show the report of aseguramientos.csv' })
      .click();
    await expect
      .poll(() => summary.getByRole('row', { name: /^Records/ }).textContent())
      .toBe('Records200');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The dashboard counts what came in.
    await page.goto(`${url}${WINDOW}`);
    await expect.poll(() => page.getByTestId('chart-port').textContent()).toContain('Tijuana');
    await context.close();
  }, 120_000);

  it('says which line, column and value a refused file has, and lists the rows set aside', async () => {
    const { context, page } = await signIn(fgr);
    await importCsv(page, 'malo.csv', BAD_CSV);
    await expect
      .poll(() => page.getByTestId('import-failure').textContent())
      .toMatch(/^Nothing was imported\. Line 3, column FECHA: "2025-02-31" is not valid; expected/);
    // A mapping the server cannot read is refused at once.
    await page
      .getByLabel('Mapping', { exact: true })
      .fill('records: [{ key: x, schema: Persona }]');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('import-refused').textContent())
      .toContain('The mapping is not valid at "/records/0/id"');
    // With bad rows set aside, the good one goes in and the bad one is listed.
    await importCsv(page, 'malo.csv', BAD_CSV, true);
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toContain('2 rows read, 1 rejected');
    const rejects = page.getByTestId('import-rejects');
    await expect.poll(() => rejects.textContent()).toContain('1 row set aside');
    await expect
      .poll(() => rejects.getByRole('row').nth(1).textContent())
      .toMatch(/^3.*31\/02\/2025/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets an admin add a user, issue a token shown once, and revoke it', async () => {
    const { context, page } = await signIn(fgrAdmin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByTestId('user-row').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('María Guadalupe Ortiz Peña'),
          expect.stringContaining('Arturo Benítez de la Rosa'),
        ]),
      );
    await page.getByLabel('Full name').fill('Lucía Méndez Ruiz');
    await page.getByLabel('E-mail (optional)').fill('lucia.mendez@fgr.example');
    await page.getByLabel('Role', { exact: true }).selectOption('supervisor');
    await page.getByRole('button', { name: 'Add the user' }).click();
    const row = page.getByTestId('user-row').filter({ hasText: 'Lucía Méndez Ruiz' });
    await expect.poll(() => row.textContent()).toContain('Supervisor');

    await row.getByRole('button', { name: 'Tokens of Lucía Méndez Ruiz' }).click();
    await page.getByLabel('Token label (optional)').fill('laptop');
    await page.getByRole('button', { name: 'Create a token for Lucía Méndez Ruiz' }).click();
    const secret = page.getByTestId('token-secret');
    await expect.poll(() => secret.textContent()).toContain('it will not be shown again');
    const token = await secret.getByLabel('New token').inputValue();
    expect(token).toMatch(/^pnt_/);
    await secret.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => secret.textContent()).toContain('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    expect(await accessibilityViolations(page)).toEqual([]);
    const me = () =>
      app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).json()).toMatchObject({ name: 'Lucía Méndez Ruiz', role: 'supervisor' });

    await page.getByRole('button', { name: 'Revoke the token laptop' }).click();
    await expect
      .poll(() => page.getByTestId('token-row').getByTestId('token-state').textContent())
      .toMatch(/^Revoked /);
    // The secret is gone from the page once revoked; the token no longer works.
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    expect((await me()).statusCode).toBe(401);
    // Opened again later, the user's tokens are listed from the server, the revoked one too.
    await page.reload();
    await row.getByRole('button', { name: 'Tokens of Lucía Méndez Ruiz' }).click();
    await expect
      .poll(() => page.getByTestId('token-row').filter({ hasText: 'laptop' }).textContent())
      .toMatch(/Revoked /);
    expect(await page.content()).not.toContain(token);
    await context.close();
  });

  it('gives a non-admin no administration page', async () => {
    const { context, page } = await signIn(fgr);
    await page.getByRole('link', { name: 'Import', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto(`${url}/admin`);
    await page.getByTestId('who').waitFor();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .not.toBe('Administration');
    expect(await page.getByTestId('users').count()).toBe(0);
    await context.close();
  });
});
