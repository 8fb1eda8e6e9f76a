import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { buildApp } from '../../src/http/app.js';
import type { Db } from '../../src/storage/database.js';
import { DEFAULT_WEB_ROOT } from '../../src/http/web.js';

/** Debian's Chromium (scripts/install-chromium.sh); a missing browser fails the tests. */
export const CHROMIUM = process.env.PUENTE_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: run \`npm run browser:install\` (or set PUENTE_CHROMIUM).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As root in a container, without the network services Chromium would try to reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, e) => {
    const path = join(dir, e.name);
    return Math.max(latest, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** The built app under test: rebuilt first when web/ or the catalogues changed since the build. */
export function ensureWebBuild(): string {
  const index = join(DEFAULT_WEB_ROOT, 'index.html');
  // The app imports the catalogues, the domain (model, tracing) and the reason texts from src.
  const sources = Math.max(newest('web'), newest('src/i18n'), newest('src/domain'));
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    // Vitest sets NODE_ENV=test, which would give a development build of React.
    execFileSync('npm', ['run', '--silent', 'build:web'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return DEFAULT_WEB_ROOT;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The WCAG 2.1 AA violations axe-core finds on the page as it is now, as "rule: target" lines
 * (an empty list when there are none), so a failing test names what to fix.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag: the app's CSP (script-src 'self') refuses
  // inline scripts, and the check must not need a weaker policy than production's.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return results.violations.map((v) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.flatMap((v) => v.targets.map((target) => `${v.id}: ${target}`));
}

interface AxeResults {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

/** The built app served over a test database, and Chromium to drive it. */
export interface WebSession {
  app: FastifyInstance;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function serveWeb(db: Db): Promise<WebSession> {
  const webRoot = ensureWebBuild();
  const app = await buildApp({ db, webRoot });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  return {
    app,
    browser,
    url,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * A new browser context signed in with the user's token at `path` (the search page unless
 * told), in English and Mexico City's time unless the context options say otherwise.
 */
export async function signInAs(
  web: WebSession,
  user: { token: string },
  options: { path?: string; context?: BrowserContextOptions } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await web.browser.newContext({
    locale: 'en-US',
    timezoneId: 'America/Mexico_City',
    ...options.context,
  });
  const page = await context.newPage();
  await page.goto(`${web.url}${options.path ?? '/search'}`);
  await page.getByLabel('API token').fill(user.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('who').waitFor();
  return { context, page };
}
