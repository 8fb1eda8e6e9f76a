import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLink } from '../../src/services/links/create-link.js';
import { createRecord } from '../../src/services/records/create-record.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { accessibilityViolations, serveWeb, signInAs, type WebSession } from './browser.js';

// The web app in Debian's Chromium against a real server and database: two agencies, a record
// one of them keeps to itself, and the session, language and marking behaviour around them.

let database: TestDatabase;
let web: WebSession;
let browser: Browser;
let url: string;
let fgr: TestUser;
let fgrSupervisor: TestUser;
let cbp: TestUser;
let shared: string;
let strict: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const fgrAgency = await buildAgency(db, 'FGR', 'MX', 'Fiscalía General de la República');
  const cbpAgency = await buildAgency(db, 'CBP', 'US', 'U.S. Customs and Border Protection');
  fgr = await buildUser(db, fgrAgency, 'analyst', 'María Guadalupe Ortiz Peña');
  fgrSupervisor = await buildUser(db, fgrAgency, 'supervisor', 'Arturo Benítez de la Rosa');
  cbp = await buildUser(db, cbpAgency, 'analyst', "Megan O'Connell");
  shared = (
    await createRecord(fgr.call, {
      schema: 'Person',
      properties: { name: ['José Luis Rodríguez Peña'], nationality: ['MX'] },
      marking: 'TLP:AMBER',
      relCountries: ['MX', 'US'],
    })
  ).id;
  strict = (
    await createRecord(fgr.call, {
      schema: 'Person',
      properties: { name: ['Ramón Rodríguez Ávila'] },
      marking: 'TLP:AMBER+STRICT',
      recipientAgencies: ['FGR'],
    })
  ).id;
  const seizure = await createRecord(cbp.call, {
    schema: 'Seizure',
    properties: {
      date: ['2025-05-02'],
      portOfEntry: ['Calexico'],
      drug: ['fentanyl pills'],
      quantity: ['6000 pills'],
    },
    marking: 'TLP:GREEN',
  });
  await createLink(cbp.call, {
    type: 'involved_in',
    sourceId: shared,
    targetId: seizure.id,
    marking: 'TLP:GREEN',
  });
  web = await serveWeb(db);
  ({ url, browser } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const signIn = (user: TestUser) => signInAs(web, user);

const banner = (page: Page) => page.getByTestId('marking-banner');

async function search(page: Page, q: string) {
  await page.getByLabel('Search records').fill(q);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /\d+ records?/ })
    .waitFor();
}

describe('web app', () => {
  it('signs in with a token, shows the name with its accents, finds "Rodríguez" for "Rodriguez"', async () => {
    const { context, page } = await signIn(fgr);
    await expect
      .poll(() => page.getByTestId('who').textContent())
      .toContain('María Guadalupe Ortiz Peña');
    // The token went into an httpOnly cookie the page cannot read.
    expect(await page.evaluate(() => document.cookie)).not.toContain('puente_session');
    await search(page, 'Rodriguez');
    const results = page.getByTestId('result');
    await expect
      .poll(() => results.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('José Luis Rodríguez Peña'),
          expect.stringContaining('Ramón Rodríguez Ávila'),
        ]),
      );
    // Every result carries its marking in words; the banner names the most restrictive one.
    await expect
      .poll(() => results.filter({ hasText: 'Ramón' }).getByTestId('marking').textContent())
      .toBe('TLP:AMBER+STRICT // ONLY FGR');
    await expect.poll(() => banner(page).textContent()).toContain('TLP:AMBER+STRICT');
    await context.close();
  });

  it('opens a record with its source, marking, links and history; the banner follows the screen', async () => {
    const { context, page } = await signIn(fgr);
    await page.goto(`${url}/records/${shared}`);
    await page.getByRole('heading', { name: 'José Luis Rodríguez Peña', level: 1 }).waitFor();
    await expect
      .poll(() => page.locator('article.record > .portion-marking').textContent())
      .toBe('TLP:AMBER // REL TO MX, US');
    await expect
      .poll(() => page.locator('.provenance').textContent())
      .toContain('Fiscalía General de la República');
    await expect.poll(() => page.locator('.properties').textContent()).toContain('Mexico');
    await page.getByRole('link', { name: '6000 pills fentanyl pills' }).waitFor();
    await expect.poll(() => page.locator('.links').textContent()).toContain('involved in');
    await expect.poll(() => page.locator('table.versions').textContent()).toContain('Created');
    await expect
      .poll(() => banner(page).textContent())
      .toBe('Most restrictive marking on this page: TLP:AMBER');
    // The colour is never alone: the banner says its marking in words and is styled by it.
    await expect.poll(() => banner(page).getAttribute('class')).toContain('tlp-amber');
    await context.close();
  });

  it('switches to Spanish and French at any time, remembers it, and formats per language', async () => {
    const { context, page } = await signIn(cbp);
    await search(page, 'Calexico');
    const date = () => page.getByTestId('result').locator('time').textContent();
    await expect.poll(() => date()).toBe('May 2, 2025');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('link', { name: 'Búsqueda' }).waitFor();
    await expect.poll(() => date()).toBe('2 may 2025');
    await expect.poll(() => page.getByRole('button', { name: 'Cerrar sesión' }).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.reload();
    await page.getByRole('link', { name: 'Búsqueda' }).waitFor();
    await page.getByLabel('Idioma').selectOption('fr');
    await page.getByRole('link', { name: 'Recherche' }).waitFor();
    await expect.poll(() => date()).toBe('2 mai 2025');
    await expect.poll(() => page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(1);
    await expect
      .poll(() => banner(page).textContent())
      .toBe('Marquage le plus restrictif de cette page : TLP:GREEN');
    await context.close();
  });

  it("never shows another agency's AMBER+STRICT record", async () => {
    const { context, page } = await signIn(cbp);
    await search(page, 'Rodriguez');
    await expect
      .poll(() => page.getByTestId('result').allTextContents())
      .toEqual([expect.stringContaining('José Luis Rodríguez Peña')]);
    await expect.poll(() => page.content()).not.toContain('Ramón');
    await expect.poll(() => banner(page).textContent()).not.toContain('STRICT');
    await page.goto(`${url}/records/${strict}`);
    await page.getByRole('alert').waitFor();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Not found');
    await expect.poll(() => page.content()).not.toContain('Ramón');
    await context.close();
  });

  it('refuses a change made with the session cookie but without the CSRF token', async () => {
    const { context, page } = await signIn(fgr);
    const attempt = (withToken: boolean) =>
      page.evaluate(async (withToken) => {
        const csrf = document.cookie.match(/puente_csrf=([^;]+)/)?.[1] ?? '';
        const res = await fetch('/api/v1/records', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(withToken ? { 'x-csrf-token': csrf } : {}),
          },
          body: JSON.stringify({
            schema: 'Person',
            properties: { name: ['Prueba CSRF'] },
            marking: 'TLP:GREEN',
          }),
        });
        return { status: res.status, code: ((await res.json()) as { code?: string }).code };
      }, withToken);
    expect(await attempt(false)).toEqual({ status: 403, code: 'csrf_failed' });
    expect(await attempt(true)).toMatchObject({ status: 201 });
    await context.close();
  });

  it('shows the audit log to a supervisor only, with sign-ins in it', async () => {
    const analyst = await signIn(fgr);
    await expect.poll(() => analyst.page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await analyst.context.close();
    const { context, page } = await signIn(fgrSupervisor);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Action').fill('session.start');
    await page.getByRole('button', { name: 'Apply' }).click();
    const rows = () => page.getByTestId('audit-entry').allTextContents();
    // Every row once the filtered page has loaded (an empty list passes `every` too early).
    await expect
      .poll(async () => {
        const shown = await rows();
        return shown.length >= 2 && shown.every((r) => r.includes('session.start'));
      })
      .toBe(true);
    expect((await rows())[0]).toContain('Arturo Benítez de la Rosa');
    await context.close();
  });

  it('the sign-in page passes the accessibility check, in English and Spanish', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${url}/search`);
    await page.getByLabel('API token').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Token de API').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await accessibilityViolations(page)).toEqual([]);
    // A refused token: the problem is announced and the form still passes.
    await page.getByLabel('Token de API').fill('pnt_not-a-token');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('alert').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('search with results and facets, the record page and the not-found page pass the accessibility check', async () => {
    const { context, page } = await signIn(fgr);
    await search(page, 'Rodriguez');
    await page.getByRole('heading', { name: 'Type', exact: true }).waitFor();
    await page.getByRole('button', { name: /^Person/ }).click();
    await expect.poll(() => page.getByTestId('result').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${url}/records/${shared}`);
    await page.locator('table.versions').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // A search that finds nothing, and a record that is not there.
    await page.goto(`${url}/search?q=zzzqqq`);
    await page.getByText('Nothing you may see matches').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${url}/records/0191c2a4-0000-7000-8000-000000000000`);
    await page.getByRole('alert').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${url}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('search, the record page and the audit page pass the accessibility check in Spanish', async () => {
    const { context, page } = await signIn(fgrSupervisor);
    await page.getByLabel('Language').selectOption('es');
    await page.goto(`${url}/search?q=Rodriguez`);
    await page.getByRole('status').filter({ hasText: '2 registros' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${url}/records/${shared}`);
    await page.locator('table.versions').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Bitácora de auditoría' }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('the audit page passes the accessibility check', async () => {
    const { context, page } = await signIn(fgrSupervisor);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('tabs from the skip link into the main content, the focus visible at each step', async () => {
    const { context, page } = await signIn(fgr);
    await page.goto(`${url}/search?q=Rodriguez`);
    await page.getByTestId('result').first().waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          text: el.textContent?.trim() ?? '',
          inMain: Boolean(el.closest('main')),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
    // The first Tab reaches the skip link, shown and outlined.
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Skip to content', inMain: false, outline: true });
    expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
    // Following it moves the focus to the main content; the next Tab lands inside it.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: '', inMain: true, outline: true });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Search', inMain: true, outline: true });
    await context.close();
  });

  it('signs out: the session ends on the server and the sign-in page shows again', async () => {
    const { context, page } = await signIn(cbp);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const status = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(status).toBe(401);
    expect((await context.cookies()).map((c) => c.name)).not.toContain('puente_session');
    await context.close();
  });
});
