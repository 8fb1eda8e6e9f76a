import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
