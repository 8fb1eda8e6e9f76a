import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { accessibilityViolations, serveWeb, signInAs, type WebSession } from './browser.js';
import { ENTITY_FIXTURES } from '../support/entity-fixtures.js';

// The entity pages in Chromium against a real server and database. Records arrive through the
// API and are matched on arrival (no `puente resolve`):
//
//   A  FGR  "José Luis García Hernández" 1970-05-02  TLP:AMBER REL TO MX, US
//   B  CBP  "GARCIA HERNANDEZ, JOSE L."  1970-05-02  TLP:GREEN   (the same man: A and B match)
//   C  FGR  "José García"                1985-11-20  TLP:GREEN   (another man)
//   X  FGR  Logística Fronteriza del Norte (MX)      TLP:AMBER REL TO MX, US
//   Y  CBP  Logistica Fronteriza Norte Express (US)  TLP:GREEN
// The review test sets the companies' pair score itself, so that it does not depend on the model.

let database: TestDatabase;
let web: WebSession;
let app: FastifyInstance;
let url: string;
let fgr: TestUser;
let cbp: TestUser;
const ids: Record<'A' | 'B' | 'C' | 'X' | 'Y', string> = {} as never;

async function contribute(user: TestUser, payload: object): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/records',
    headers: { authorization: `Bearer ${user.token}` },
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const fgrAgency = await buildAgency(db, 'FGR', 'MX', 'Fiscalía General de la República');
  const cbpAgency = await buildAgency(db, 'CBP', 'US', 'U.S. Customs and Border Protection');
  fgr = await buildUser(db, fgrAgency, 'analyst', 'María Guadalupe Ortiz Peña');
  cbp = await buildUser(db, cbpAgency, 'analyst', "Megan O'Connell");
  web = await serveWeb(db);
  ({ app, url } = web);
  for (const f of ENTITY_FIXTURES)
    ids[f.key] = await contribute(f.by === 'fgr' ? fgr : cbp, f.payload);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const signIn = (user: TestUser) => signInAs(web, user);

const banner = (page: Page) => page.getByTestId('marking-banner');

async function findEntities(page: Page, q: string) {
  await page.getByLabel('Name', { exact: true }).fill(q);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
}

describe('entity pages', () => {
  it('the entities list, the review queue and an entity profile pass the accessibility check, in English and Spanish', async () => {
    const { context, page } = await signIn(fgr);
    await page.getByRole('link', { name: 'Entities' }).click();
    await findEntities(page, 'José García');
    await expect.poll(() => page.getByTestId('entity-hit').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'To review' }).click();
    await page.getByRole('tab', { name: 'To review', selected: true }).waitFor();
    await page
      .getByTestId('review-pair')
      .or(page.getByText('No uncertain pairs to review.'))
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The profile with a match explained, feature by feature.
    await page.goto(`${url}/entities/${ids.A}`);
    await page.getByRole('heading', { name: 'José Luis García Hernández', level: 1 }).waitFor();
    await page.getByTestId('entity-record').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Explain/ }).click();
    await page.getByTestId('features').locator('tbody tr').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Registros lado a lado' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Entidades' }).click();
    await page.getByLabel('Nombre', { exact: true }).fill('José García');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await expect.poll(() => page.getByTestId('entity-hit').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('finds a person by a nickname, shows both agencies’ records, explains the match and splits it', async () => {
    const { context, page } = await signIn(fgr);
    await page.getByRole('link', { name: 'Entities' }).click();
    await findEntities(page, 'Pepe Garcia');
    const hit = page.getByTestId('entity-hit').filter({ hasText: 'José Luis García Hernández' });
    await expect.poll(() => hit.textContent()).toContain('2 records');
    await expect
      .poll(() => hit.getByTestId('marking').textContent())
      .toBe('TLP:AMBER // REL TO MX, US');
    await expect.poll(() => banner(page).textContent()).toContain('TLP:AMBER');

    // The profile: both records side by side, each with its agency, reference and marking.
    await hit.getByRole('link', { name: 'José Luis García Hernández' }).click();
    await page.getByRole('heading', { name: 'José Luis García Hernández', level: 1 }).waitFor();
    const records = page.getByTestId('entity-record');
    await expect.poll(() => records.count()).toBe(2);
    const fromFgr = records.filter({ hasText: 'FGR-PER-001' });
    const fromCbp = records.filter({ hasText: 'CBP-TECS-77' });
    await expect
      .poll(() => fromFgr.getByTestId('agency').textContent())
      .toBe('FGR · Fiscalía General de la República');
    await expect
      .poll(() => fromFgr.getByTestId('marking').textContent())
      .toBe('TLP:AMBER // REL TO MX, US');
    await expect.poll(() => fromFgr.textContent()).toContain('May 2, 1970');
    await expect.poll(() => fromFgr.textContent()).toContain('Mexico');
    await expect.poll(() => fromCbp.getByTestId('agency').textContent()).toContain('CBP');
    await expect.poll(() => fromCbp.getByTestId('marking').textContent()).toBe('TLP:GREEN');
    await expect
      .poll(() => banner(page).textContent())
      .toBe('Most restrictive marking on this page: TLP:AMBER');

    // Why they match, feature by feature, and how likely it is.
    await page.getByRole('button', { name: /^Explain/ }).click();
    const features = page.getByTestId('features');
    await expect.poll(() => features.locator('tbody tr').count()).toBe(3);
    const row = (name: string) => features.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect.poll(() => row('Given names').textContent()).toContain('nickname or alias');
    await expect.poll(() => row('Surnames').textContent()).toContain('both surnames');
    await expect.poll(() => row('Birth date').textContent()).toContain('exact');
    await expect.poll(() => features.locator('tfoot').textContent()).toMatch(/\+\d+\.\d\d/);
    const summary = page.getByTestId('explanation-summary');
    await expect.poll(() => summary.getByTestId('probability').textContent()).toMatch(/%$/);
    await expect.poll(() => summary.textContent()).toContain('In the same entity');

    // The analyst confirms the match: a decision every later run keeps.
    await page.getByRole('button', { name: 'Confirm: same' }).click();
    await page.getByText('Decision recorded: Same.').waitFor();
    const decision = await page.evaluate(
      async ([a, b]) =>
        (
          (await (await fetch(`/api/v1/match/explain?a=${a}&b=${b}`)).json()) as {
            decision: string;
          }
        ).decision,
      [ids.A, ids.B],
    );
    expect(decision).toBe('same');

    // The record page leads back to its entity.
    await fromCbp.getByRole('link', { name: 'GARCIA HERNANDEZ, JOSE L.' }).click();
    await page.getByRole('heading', { name: 'GARCIA HERNANDEZ, JOSE L.', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Entity', exact: true }).click();
    await expect.poll(() => records.count()).toBe(2);

    // Splitting off the record the entity is named by: the page follows the one that stays.
    await page.getByRole('checkbox', { name: 'Select José Luis García Hernández' }).check();
    await page.getByRole('button', { name: 'Split off the selected record' }).click();
    await page.getByRole('heading', { name: 'GARCIA HERNANDEZ, JOSE L.', level: 1 }).waitFor();
    await expect.poll(() => records.count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('entity-status').textContent())
      .toBe('1 record split off.');
    expect(new URL(page.url()).pathname).toBe(`/entities/${ids.B}`);
    await expect
      .poll(() => banner(page).textContent())
      .toBe('Most restrictive marking on this page: TLP:GREEN');

    // The same page in Spanish, numbers and dates included.
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Registros lado a lado' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Entidades' }).count()).toBe(1);
    await expect
      .poll(() => page.locator('article.entity > .meta').textContent())
      .toContain('1 registro');
    await expect.poll(() => records.textContent()).toContain('Institución de origen');
    await expect.poll(() => records.textContent()).toContain('2 may 1970');
    await expect
      .poll(() => page.getByTestId('entity-status').textContent())
      .toBe('1 registro separado.');
    await page.getByRole('link', { name: 'Entidades' }).click();
    await page.getByLabel('Nombre', { exact: true }).fill('Pepe Garcia');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    // A split leaves two entities, one record each.
    const hits = page.getByTestId('entity-hit');
    await expect
      .poll(() => hits.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('José Luis García Hernández'),
          expect.stringContaining('GARCIA HERNANDEZ, JOSE L.'),
        ]),
      );
    await expect.poll(() => hits.first().textContent()).toMatch(/1 registro.*\d\s%/);
    await context.close();
  });

  it('lists uncertain pairs to review; a verdict records a decision and removes the pair', async () => {
    // The queue as the resolver leaves it: one uncertain pair between the two companies.
    await sql`DELETE FROM puente.match_edge WHERE probability >= 0.2 AND probability < 0.8`.execute(
      database.db,
    );
    const [a, b] = ids.X < ids.Y ? [ids.X, ids.Y] : [ids.Y, ids.X];
    await sql`INSERT INTO puente.match_edge (a, b, weight, probability) VALUES (${a}, ${b}, 4.5, 0.45)
      ON CONFLICT (a, b) DO UPDATE SET weight = excluded.weight, probability = excluded.probability`.execute(
      database.db,
    );

    const { context, page } = await signIn(cbp);
    await page.getByRole('link', { name: 'Entities' }).click();
    // The tabs answer the arrow keys.
    await page.getByRole('tab', { name: 'Find' }).press('ArrowRight');
    await expect
      .poll(() => page.getByRole('tab', { name: 'To review' }).getAttribute('aria-selected'))
      .toBe('true');
    const pair = page.getByTestId('review-pair');
    await expect.poll(() => pair.count()).toBe(1);
    await expect.poll(() => pair.textContent()).toContain('Probability 45%');
    await expect
      .poll(() => pair.getByTestId('marking').allTextContents())
      .toEqual(expect.arrayContaining(['TLP:AMBER // REL TO MX, US', 'TLP:GREEN']));
    await expect.poll(() => pair.textContent()).toContain('from FGR');
    await expect.poll(() => pair.textContent()).toContain('from CBP');
    await expect.poll(() => banner(page).textContent()).toContain('TLP:AMBER');

    // Compared feature by feature on the first company's entity, then back to the queue.
    await pair.getByRole('link', { name: 'Compare feature by feature' }).click();
    await expect.poll(() => page.getByTestId('features').textContent()).toContain('Name');
    await page.goBack();
    await page.getByRole('button', { name: 'Different' }).click();
    await expect.poll(() => pair.count()).toBe(0);
    await page.getByText('No uncertain pairs to review.').waitFor();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'recorded' }).textContent())
      .toContain('Different recorded');
    // The decision holds: the pair is explained as judged different.
    const explained = await page.evaluate(
      async ([a, b]) =>
        (
          (await (await fetch(`/api/v1/match/explain?a=${a}&b=${b}`)).json()) as {
            decision: string;
          }
        ).decision,
      [ids.X, ids.Y],
    );
    expect(explained).toBe('different');
    await context.close();
  });
});
