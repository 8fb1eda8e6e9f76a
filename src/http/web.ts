import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build` puts the web app; src/http and dist/http both sit two levels down. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

// The app's own scripts and styles only: no inline script, nothing from another origin.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; " +
  "form-action 'self'; frame-ancestors 'none'";

const isAppPath = (url: string) => !/^\/(api|docs)(\/|$|\?)/.test(url);

/**
 * Serves the built single-page app on the API's origin. Hashed assets are cached for good;
 * index.html is revalidated so a new build shows at once. Any other page path gets index.html
 * (the app routes in the browser). Without a build the server is the API alone.
 */
export async function serveWeb(app: FastifyInstance, root: string): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root,
    index: 'index.html',
    // One route per built file, not a catch-all: unknown /api/v1 paths must still reach the
    // API's own 404 handler (authenticated and audited). A new build needs a restart.
    wildcard: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.addHook('onSend', async (req, reply) => {
    if (!isAppPath(req.url)) return;
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
  });
  return true;
}

/** The SPA fallback: true when it answered (a page path asked for by a browser). */
export function sendAppPage(req: FastifyRequest, reply: FastifyReply): boolean {
  if (!['GET', 'HEAD'].includes(req.method) || !isAppPath(req.url)) return false;
  // A missing asset is a real 404, not the app's page.
  if (req.url.startsWith('/assets/')) return false;
  reply.header('cache-control', 'no-cache');
  void reply.sendFile('index.html');
  return true;
}
