import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLocale, translator } from '../i18n/index.js';
import { isAudited } from '../services/audited.js';
import type { Db } from '../storage/database.js';
import { auditRejection } from './audit-rejection.js';
import { HttpProblem, renderProblem, toProblem, type ProblemSpec } from './problem.js';

/** Writes a problem document in the language the client asked for. */
export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  spec: ProblemSpec,
): FastifyReply {
  const locale = negotiateLocale(req.headers['accept-language']);
  const body = renderProblem(spec, translator(locale), req.url.split('?')[0] ?? req.url, req.id);
  if (spec.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply
    .code(spec.status)
    .header('content-language', locale)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
}

/**
 * The one error handler. Services audit their own refusals; anything refused before a service
 * ran on an /api/v1 route (unreadable, invalid, too large, unknown route) is audited here.
 */
export function handleErrors(app: FastifyInstance, db: Db, bodyLimit: number) {
  app.setErrorHandler(async (err, req, reply) => {
    const spec = toProblem(err, bodyLimit);
    if (spec.status >= 500) req.log.error({ err, reference: req.id }, 'request failed');
    if (req.url.startsWith('/api/v1/') && !isAudited(err)) {
      await auditRejection(db, req, spec).catch((auditErr: unknown) =>
        req.log.error({ err: auditErr, reference: req.id }, 'could not audit a refused request'),
      );
    }
    return sendProblem(req, reply, spec);
  });
}

export const routeNotFound = (req: FastifyRequest) =>
  new HttpProblem({
    status: 404,
    code: 'not_found',
    detail: 'api:detail.route_not_found',
    params: { method: req.method, path: req.url.split('?')[0] ?? req.url },
  });
