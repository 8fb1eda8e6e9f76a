import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { ImportQueue } from '../services/imports/job-queue.js';
import type { Db } from '../storage/database.js';
import { api } from './api.js';
import { handleErrors, routeNotFound, sendProblem } from './errors.js';
import { exposeMetrics } from './metrics.js';
import { describeApi, serveDocs } from './openapi.js';
import { toProblem } from './problem.js';
import { healthRoutes } from './routes/health.js';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './session-cookies.js';
import { validatorCompiler } from './validation.js';
import { DEFAULT_WEB_ROOT, sendAppPage, serveWeb } from './web.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  db: Db;
  logger?: boolean;
  /** Largest request body in bytes (default 1 MiB); larger ones are refused with 413. */
  bodyLimit?: number;
  /** Browser sessions: idle time-out, longest life, Secure cookies behind a TLS proxy. */
  sessions?: Partial<SessionSettings>;
  /** The built web app (default dist/web); absent means the API alone. */
  webRoot?: string;
  /** Largest file an import upload may carry (default 4 GiB). */
  importFileLimit?: number;
}

export const DEFAULT_IMPORT_FILE_LIMIT = 4 * 1024 ** 3;

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

export async function buildApp({
  db,
  logger = false,
  bodyLimit = DEFAULT_BODY_LIMIT,
  sessions,
  webRoot = DEFAULT_WEB_ROOT,
  importFileLimit = DEFAULT_IMPORT_FILE_LIMIT,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Query strings carry search text (names): the log keeps the path only.
    logger: logger && {
      serializers: {
        req: (req) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
          remoteAddress: req.ip,
        }),
      },
    },
    bodyLimit,
    // The request id doubles as the reference quoted in a 500 answer and in the log.
    genReqId: () => randomUUID(),
    // Requests too broken to reach a route (bad URL encoding) still get a problem document.
    frameworkErrors: (err, req, reply) => sendProblem(req, reply, toProblem(err, bodyLimit)),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // JSON only: any other body is 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  handleErrors(app, db, bodyLimit);
  await app.register(fastifyCookie);
  const hasWeb = await serveWeb(app, webRoot);
  app.setNotFoundHandler((req, reply) =>
    hasWeb && sendAppPage(req, reply) ? reply : sendProblem(req, reply, routeNotFound(req).spec),
  );
  await describeApi(app, version);
  exposeMetrics(app);
  await app.register(healthRoutes, { db });
  const imports = new ImportQueue(db);
  // A closing server lets the running import finish (or fail) and remove its spooled file.
  app.addHook('onClose', () => imports.idle());
  await app.register(api, {
    db,
    imports: { queue: imports, maxFileBytes: importFileLimit },
    sessions: { ...DEFAULT_SESSION_SETTINGS, ...sessions },
    prefix: '/api/v1',
  });
  await serveDocs(app);
  return app;
}
