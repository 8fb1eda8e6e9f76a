import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { buildAgency, buildUser, type TestUser } from '../support/factories.js';
import { link, MX_ONLY, record, seedRing, type Ring } from '../support/network-fixtures.js';
import { accessibilityViolations, serveWeb, signInAs, type WebSession } from './browser.js';

// The network explorer in Chromium against a real server and database. HSI (US) holds a ring
// shared with Mexico (TLP:AMBER REL TO US, MX), and two more people chained to it at TLP:GREEN;
// FGR (MX) holds a ring kept in Mexico, and ties it to HSI's ring, in Mexico only:
//
//   Genaro Ramírez Lozano ─ associate_of ─ Ñeco Peña, José García   (+ Los Coyotes, phones, calls)
//   Ñeco Peña ─ associate_of ─ Chuy Rodríguez (GREEN) ─ associate_of ─ Lupita Sánchez Ávila (GREEN)
//   Ismael Zambada, Ovidio Guzmán (Red Zambada, MX only) ─ associate_of (MX only) ─ Ñeco Peña
//
// The HSI analyst must never see anything of the Mexican-only ring.

let database: TestDatabase;
let web: WebSession;
let url: string;
let hsi: TestUser;
let ring: Ring;
let chuy: string;
let lupita: string;
const GREEN = { marking: 'TLP:GREEN', relCountries: ['US', 'MX'] };
const SECRET_NAMES = ['Ismael Zambada', 'Ovidio Guzmán', 'Red Zambada'];

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const hsiAgency = await buildAgency(db, 'HSI', 'US', 'Homeland Security Investigations');
  const fgrAgency = await buildAgency(db, 'FGR', 'MX', 'Fiscalía General de la República');
  hsi = await buildUser(db, hsiAgency, 'analyst', 'Dana Whitfield');
  const fgr = await buildUser(db, fgrAgency, 'analyst', 'María Guadalupe Ortiz Peña');
  ring = await seedRing(
    hsi.call,
    ['Genaro Ramírez Lozano', 'Ñeco Peña', 'José García'],
    'Los Coyotes',
    2022,
  );
  chuy = await record(hsi.call, 'Person', { name: 'Chuy Rodríguez' }, GREEN);
  lupita = await record(hsi.call, 'Person', { name: 'Lupita Sánchez Ávila' }, GREEN);
  await link(hsi.call, 'associate_of', ring.members[0]!, chuy, GREEN);
  await link(hsi.call, 'associate_of', chuy, lupita, GREEN);
  const secret = await seedRing(
    fgr.call,
    ['Ismael Zambada', 'Ovidio Guzmán'],
    'Red Zambada',
    2023,
    MX_ONLY,
    '+52 66 7777 ',
  );
  await link(fgr.call, 'associate_of', secret.leader, ring.members[0]!, MX_ONLY);
  web = await serveWeb(db);
  ({ url } = web);
}, 120_000);

afterAll(async () => {
  await web?.close();
  await database?.close();
});

const signIn = (user: TestUser) => signInAs(web, user, { context: { acceptDownloads: true } });

/**
 * Waits long enough for a busy two-core machine: the analyses (key players, disruption) run on
 * worker threads that start with the first one.
 */
const eventually = <T>(read: () => T | Promise<T>) =>
  expect.poll(read, { timeout: 60_000, interval: 100 });
const SLOW = 180_000;
const banner = (page: Page) => page.getByTestId('marking-banner');
const rows = (page: Page) => page.getByTestId('network-node');
const row = (page: Page, name: string) =>
  rows(page).filter({ has: page.getByRole('button', { name, exact: true }) });
const names = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')?.textContent ?? ''));

/** The explorer on the ring leader, through the navigation and the start form. */
async function openLeader(page: Page) {
  await page.getByRole('link', { name: 'Network', exact: true }).click();
  await page.getByRole('heading', { name: 'Network explorer', level: 1 }).waitFor();
  await page.getByLabel('Entity: name or id').fill(ring.leader);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await row(page, 'Genaro Ramírez Lozano').waitFor({ timeout: 30_000 });
}

async function download(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

describe('network explorer', () => {
  it(
    'opens the ring leader’s network: its people with their names and markings, nothing of the Mexican-only ring, the banner, expanding',
    async () => {
      const { context, page } = await signIn(hsi);
      await openLeader(page);
      // Two hops: the ring, its organization and phones, and Chuy (through Ñeco); not Lupita.
      await eventually(() => names(page)).toEqual(
        expect.arrayContaining([
          'Genaro Ramírez Lozano',
          'Ñeco Peña',
          'José García',
          'Los Coyotes',
          'Chuy Rodríguez',
        ]),
      );
      expect(await names(page)).not.toContain('Lupita Sánchez Ávila');
      await eventually(() => row(page, 'Ñeco Peña').getByTestId('marking').textContent()).toBe(
        'TLP:AMBER',
      );
      await eventually(() => row(page, 'Chuy Rodríguez').getByTestId('marking').textContent()).toBe(
        'TLP:GREEN',
      );
      await eventually(() => row(page, 'Genaro Ramírez Lozano').textContent()).toContain('Person');
      await eventually(() => banner(page).textContent()).toBe(
        'Most restrictive marking on this page: TLP:AMBER',
      );
      // Sigma drew the graph (WebGL), and the selected centre's details show its marking.
      await eventually(() =>
        page.getByTestId('network-canvas').locator('canvas').count(),
      ).toBeGreaterThan(2);
      const details = page.getByTestId('node-details');
      await details.getByRole('heading', { name: 'Genaro Ramírez Lozano' }).waitFor();
      await eventually(() => details.getByTestId('marking').first().textContent()).toBe(
        'TLP:AMBER',
      );
      await eventually(() => details.getByTestId('node-ties').textContent()).toContain(
        'associate of',
      );
      await eventually(() =>
        details.getByRole('link', { name: 'Genaro Ramírez Lozano' }).getAttribute('href'),
      ).toBe(`/records/${ring.leader}`);

      // Expanding Chuy adds Lupita, three hops out; the list says it is expanded.
      await page.getByRole('button', { name: 'Expand Chuy Rodríguez' }).click();
      await row(page, 'Lupita Sánchez Ávila').waitFor();
      await eventually(() => page.getByTestId('network-status').textContent()).toContain(
        'Chuy Rodríguez expanded: 1 node and 1 tie added.',
      );
      await eventually(() =>
        page.getByRole('button', { name: 'Chuy Rodríguez expanded' }).isDisabled(),
      ).toBe(true);
      // Ñeco's neighbours were all read with the leader's two hops (its Mexican-only tie is not
      // among them): nothing to expand.
      await eventually(() =>
        page.getByRole('button', { name: 'Ñeco Peña expanded' }).isDisabled(),
      ).toBe(true);
      const text = (await page.locator('main').textContent()) ?? '';
      for (const secret of SECRET_NAMES) expect(text).not.toContain(secret);

      // Filtering by kind reads the network again: only persons now.
      await page.getByText('Kinds of node: all').click();
      await page.getByRole('checkbox', { name: 'Person' }).check();
      await page.getByRole('button', { name: 'Apply' }).click();
      await eventually(() => names(page)).not.toContain('Los Coyotes');
      await eventually(() => names(page)).toContain('José García');
      await context.close();
    },
    SLOW,
  );

  it(
    'draws the people and their ties on screen, and the same picture again after a zoom and a pan',
    async () => {
      const { context, page } = await signIn(hsi);
      await page.goto(`${url}/network?entity=${ring.leader}&hops=3`);
      await row(page, 'Lupita Sánchez Ávila').waitFor({ timeout: 30_000 });
      const stop = page.getByRole('button', { name: 'Stop arranging' });
      if (await stop.count()) await stop.click();
      const canvas = page.getByTestId('network-canvas');
      // What is on screen, as the compositor shows it: a layer sigma leaves untouched in a frame
      // keeps its last picture, so a layer left uncleared or undrawn would show here.
      const shot = async () => (await canvas.screenshot()).toString('base64');
      const compare = (a: string, b: string) =>
        page.evaluate(
          async ([a, b]) => {
            const pixels = async (png: string) => {
              const image = new Image();
              image.src = `data:image/png;base64,${png}`;
              await image.decode();
              const c = document.createElement('canvas');
              c.width = image.width;
              c.height = image.height;
              const ctx = c.getContext('2d')!;
              ctx.drawImage(image, 0, 0);
              return ctx.getImageData(0, 0, c.width, c.height).data;
            };
            const [before, after] = [await pixels(a!), await pixels(b!)];
            const off = (p: Uint8ClampedArray, i: number, [r, g, b]: number[]) =>
              Math.abs(p[i]! - r!) + Math.abs(p[i + 1]! - g!) + Math.abs(p[i + 2]! - b!);
            let people = 0;
            let changed = 0;
            for (let i = 0; i < before.length; i += 4) {
              if (off(after, i, [before[i]!, before[i + 1]!, before[i + 2]!]) > 24) changed++;
              // A person's blue, #1f63c6.
              if (off(after, i, [0x1f, 0x63, 0xc6]) <= 30) people++;
            }
            return { people, changed, all: before.length / 4 };
          },
          [a, b],
        );
      // At rest: the same picture twice, with the people on it.
      await page.waitForTimeout(500);
      const rest = await shot();
      const still = await compare(rest, await shot());
      expect(still.changed).toBe(0);
      expect(still.people).toBeGreaterThan(50);
      // Zoomed in and out again, panned left and right again: the ties and labels left off
      // while moving come back, and nothing of the moving frames stays behind.
      await canvas.focus();
      for (const key of ['+', '-', 'ArrowLeft', 'ArrowRight']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(600);
      }
      await eventually(async () => (await compare(rest, await shot())).changed).toBeLessThan(
        still.all / 1000,
      );
      await context.close();
    },
    SLOW,
  );

  it(
    'shows key players, a path and what removing them would do, and exports GraphML and a marked PNG',
    async () => {
      const { context, page } = await signIn(hsi);
      await page.goto(`${url}/network?entity=${ring.leader}&hops=3`);
      await row(page, 'Lupita Sánchez Ávila').waitFor({ timeout: 30_000 });

      await page.getByRole('tab', { name: 'Key players' }).click();
      await page
        .getByRole('button', { name: 'Find the key players of Genaro Ramírez Lozano’s community' })
        .click();
      const players = page.getByTestId('key-player');
      await eventually(() => players.count()).toBeGreaterThan(0);
      await eventually(() => players.allTextContents()).toContainEqual(
        expect.stringContaining('Genaro Ramírez Lozano'),
      );
      await eventually(() => players.first().textContent()).toMatch(/Leader|Broker/);
      await eventually(() => page.getByTestId('key-players-summary').textContent()).toMatch(
        /^Community \d+: \d+ nodes/,
      );
      // Highlighted on the graph: the legend offers to clear it.
      await page.getByRole('button', { name: 'Clear the highlights' }).waitFor();

      // Communities: a column in the list, and the legend names their colours.
      await page.getByRole('checkbox', { name: 'Colour by community' }).check();
      await eventually(() => page.getByTestId('network-legend').textContent()).toMatch(
        /Community 1\d*/,
      );
      await eventually(() =>
        row(page, 'Genaro Ramírez Lozano').locator('td.num').last().textContent(),
      ).toMatch(/^\d+$/);

      // The path from the leader to Lupita: ends chosen from the node details.
      await page.getByRole('tab', { name: 'Selected node' }).click();
      await row(page, 'Lupita Sánchez Ávila')
        .getByRole('button', { name: 'Lupita Sánchez Ávila', exact: true })
        .click();
      await page
        .getByTestId('node-details')
        .getByRole('heading', { name: 'Lupita Sánchez Ávila' })
        .waitFor();
      await page.getByRole('button', { name: 'Path to here' }).click();
      await page.getByRole('tab', { name: 'Path' }).click();
      await eventually(() => page.getByTestId('path-a').textContent()).toBe(
        'Genaro Ramírez Lozano',
      );
      await eventually(() => page.getByTestId('path-b').textContent()).toBe('Lupita Sánchez Ávila');
      await page.getByRole('button', { name: 'Find the path' }).click();
      await eventually(() => page.getByTestId('path-result').textContent()).toBe('3 hops.');
      await eventually(() =>
        page.getByTestId('path-steps').getByRole('button').allTextContents(),
      ).toEqual(['Genaro Ramírez Lozano', 'Ñeco Peña', 'Chuy Rodríguez', 'Lupita Sánchez Ávila']);
      await eventually(() => page.getByTestId('path-steps').textContent()).toContain(
        'associate of',
      );

      // What if removed: the leader's community falls apart.
      await page.getByRole('tab', { name: 'What if removed' }).click();
      await page.getByLabel('How many to remove').fill('1');
      await page.getByRole('button', { name: /^Run for .*’s community$/ }).click();
      await eventually(() => page.getByTestId('disrupt-step').count()).toBe(1);
      await eventually(() => page.getByTestId('disrupt-summary').textContent()).toMatch(
        /^Community \d+: its largest connected piece goes from \d+ to \d+ nodes/,
      );

      // GraphML of the neighbourhood, each node marked; nothing of the Mexican-only ring.
      const graphml = await download(page, 'Export GraphML');
      expect(graphml.name).toMatch(/\.graphml$/);
      const xml = graphml.body.toString('utf8');
      expect(xml).toMatch(/^<\?xml/);
      expect(xml).toContain('<graphml');
      expect(xml).toContain('Lupita Sánchez Ávila');
      expect(xml).toContain('AMBER');
      for (const secret of SECRET_NAMES) expect(xml).not.toContain(secret);

      // The PNG of the canvas, taller than it by the two bands that carry the marking.
      const png = await download(page, 'Export PNG');
      expect(png.name).toBe('puente-network.png');
      expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
      const canvasHeight = await page
        .getByTestId('network-canvas')
        .evaluate((el) => el.clientHeight);
      const ratio = await page.evaluate(() => window.devicePixelRatio || 1);
      expect(png.body.readUInt32BE(20)).toBe(Math.round((canvasHeight + 68) * ratio));
      await context.close();
    },
    SLOW,
  );

  it(
    'speaks Spanish: headings, kinds, markings and the banner',
    async () => {
      const { context, page } = await signIn(hsi);
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('link', { name: 'Red', exact: true }).click();
      await page.getByRole('heading', { name: 'Explorador de redes', level: 1 }).waitFor();
      await page.getByLabel('Entidad: nombre o identificador').fill(ring.leader);
      await page.getByRole('button', { name: 'Abrir', exact: true }).click();
      await row(page, 'Ñeco Peña').waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { name: 'Nodos en pantalla' }).waitFor();
      await eventually(() => row(page, 'Ñeco Peña').textContent()).toContain('Persona');
      await eventually(() => row(page, 'Los Coyotes').textContent()).toContain('Organización');
      await eventually(() => row(page, 'Chuy Rodríguez').getByTestId('marking').textContent()).toBe(
        'TLP:GREEN',
      );
      await eventually(() => banner(page).textContent()).toBe(
        'Marca más restrictiva en esta página: TLP:AMBER',
      );
      await eventually(() => page.getByTestId('network-status').textContent()).toMatch(
        /^Alrededor de Genaro Ramírez Lozano: \d+ nodos y \d+ vínculos en pantalla/,
      );
      await page.getByRole('tab', { name: 'Actores clave' }).click();
      await page
        .getByRole('button', { name: /^Buscar a los actores clave de la comunidad de/ })
        .click();
      await eventually(() => page.getByTestId('key-player').first().textContent()).toMatch(
        /Líder|Intermediario/,
      );
      await page.getByRole('button', { name: 'Exportar GraphML' }).waitFor();
      await context.close();
    },
    SLOW,
  );

  it(
    'opens from an entity page, and says what to do with an id it cannot find',
    async () => {
      const { context, page } = await signIn(hsi);
      await page.goto(`${url}/entities/${ring.members[1]}`);
      await page.getByRole('link', { name: 'Open in network' }).click();
      await row(page, 'José García').waitFor({ timeout: 30_000 });
      expect(new URL(page.url()).searchParams.get('entity')).toBe(ring.members[1]);

      await page.getByLabel('Entity: name or id').fill('0191c2a4-0000-7000-8000-000000000000');
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await eventually(() => page.getByRole('alert').textContent()).toContain(
        '0191c2a4-0000-7000-8000-000000000000',
      );
      await eventually(() => page.locator('.action-error .hint').textContent()).toContain(
        'find the person or organization on the Entities page',
      );
      // A name finds the entity first.
      await page.getByLabel('Entity: name or id').fill('Lupita Sanchez');
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      await page.getByRole('button', { name: 'Open Lupita Sánchez Ávila in the network' }).click();
      await row(page, 'Chuy Rodríguez').waitFor({ timeout: 30_000 });
      expect(new URL(page.url()).searchParams.get('entity')).toBe(lupita);
      await context.close();
    },
    SLOW,
  );

  it(
    'the explorer passes the accessibility check: the start form, a graph loaded and each side panel, in English and Spanish',
    async () => {
      const { context, page } = await signIn(hsi);
      await page.getByRole('link', { name: 'Network', exact: true }).click();
      await page.getByRole('heading', { name: 'Network explorer', level: 1 }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await openLeader(page);
      await eventually(() =>
        page.getByTestId('network-canvas').locator('canvas').count(),
      ).toBeGreaterThan(2);
      await page
        .getByTestId('node-details')
        .getByRole('heading', { name: 'Genaro Ramírez Lozano' })
        .waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByText('Kinds of node: all').click();
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Key players' }).click();
      await page
        .getByRole('button', { name: 'Find the key players of Genaro Ramírez Lozano’s community' })
        .click();
      await eventually(() => page.getByTestId('key-player').count()).toBeGreaterThan(0);
      await page.getByRole('checkbox', { name: 'Colour by community' }).check();
      await eventually(() => page.getByTestId('network-legend').textContent()).toMatch(
        /Community 1\d*/,
      );
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Path' }).click();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('tab', { name: 'What if removed' }).click();
      await page.getByLabel('How many to remove').fill('1');
      await page.getByRole('button', { name: /^Run for .*’s community$/ }).click();
      await eventually(() => page.getByTestId('disrupt-step').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { name: 'Nodos en pantalla' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('tab', { name: 'Nodo seleccionado' }).click();
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});
