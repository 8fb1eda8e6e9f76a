import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../src/services/cooperation/create-meeting.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { link, record } from '../support/network-fixtures.js';
import { serveWeb, type WebSession } from './browser.js';

// Every page of the app, as a CBP analyst, over a database where FGR keeps a person, a seizure,
// a link and a meeting to itself (TLP:AMBER+STRICT, FGR only) next to what it shares. Nothing
// of the kept records may show anywhere: not a name, an id, a count that includes them, nor the
// AMBER+STRICT marking in the banner.

let database: TestDatabase;
let web: WebSession;
let browser: Browser;
let url: string;
let cbp: TestUser;
const STRICT = { marking: 'TLP:AMBER+STRICT', recipientAgencies: ['FGR'] } as never;
const SHARED = { marking: 'TLP:GREEN' };
const SECRETS = ['Ramón Rodríguez Ávila', 'Reunión reservada de Culiacán', 'Topolobampo'];
const secretIds: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const fgrAgency = await buildAgency(db, 'FGR', 'MX', 'Fiscalía General de la República');
  const cbpAgency = await buildAgency(db, 'CBP', 'US', 'U.S. Customs and Border Protection');
  const fgr = await buildUser(db, fgrAgency, 'liaison', 'María Guadalupe Ortiz Peña');
  cbp = await buildUser(db, cbpAgency, 'analyst', "Megan O'Connell");
  const shared = await record(fgr.call, 'Person', { name: 'José Luis Rodríguez Peña' }, SHARED);
  const ramon = await record(fgr.call, 'Person', { name: SECRETS[0]! }, STRICT);
  const seizure = await record(
    fgr.call,
    'Seizure',
    { date: '2025-04-02', portOfEntry: SECRETS[2]!, drug: 'fentanyl powder', quantity: '40 kg' },
    STRICT,
  );
  secretIds.push(ramon, seizure);
  secretIds.push(await link(fgr.call, 'associate_of', ramon, shared, STRICT));
  secretIds.push(await link(fgr.call, 'involved_in', ramon, seizure, STRICT));
  const meeting = await createMeeting(fgr.call, {
    name: SECRETS[1],
    date: '2025-04-10',
    place: 'Culiacán',
    countries: ['MX', 'US'],
    ...(STRICT as object),
  });
  secretIds.push(meeting.id);
  web = await serveWeb(db);
  ({ url, browser } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

/**
 * Nothing of FGR's kept records in the page's text, its markup or its banner; an id the reader
 * typed in the address may be said back ("not found: …").
 */
async function expectNothingKept(page: Page, where: string) {
  const html = await page.content();
  for (const secret of [...SECRETS, ...secretIds.filter((id) => !where.includes(id))])
    expect(html, `${where}: ${secret}`).not.toContain(secret);
  expect(await page.getByTestId('marking-banner').textContent(), where).not.toContain('STRICT');
}

describe('sharing rules across the app', () => {
  it('never shows a CBP analyst anything FGR keeps to itself, on any page it can open', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.getByLabel('API token').fill(cbp.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('who').waitFor();
    const nav = page.getByRole('navigation').getByRole('link');
    const paths = await nav.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(paths.length).toBeGreaterThanOrEqual(5);
    for (const path of paths) {
      await page.goto(`${url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Let the page's requests settle: lists, counts and charts load after the heading.
      await page.waitForLoadState('networkidle');
      await expectNothingKept(page, path);
    }
    // Searching for the name, and opening the kept records by id, find nothing either.
    for (const path of [
      '/search?q=Rodriguez',
      '/entities?q=Ramon%20Rodriguez',
      ...secretIds.slice(0, 2).flatMap((id) => [`/records/${id}`, `/entities/${id}`]),
      `/network?entity=${secretIds[0]}`,
    ]) {
      await page.goto(`${url}${path}`);
      await page.waitForLoadState('networkidle');
      await expectNothingKept(page, path);
    }
    await context.close();
  }, 180_000);
});
