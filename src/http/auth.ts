import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import { markAudited } from '../services/audited.js';
import type { Call } from '../services/context.js';
import { authenticate } from '../services/identity/authenticate.js';
import type { Db } from '../storage/database.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who asks and why, set from the bearer token on every /api/v1 route; null elsewhere. */
    call: Call | null;
  }
}

export const PURPOSE_HEADER = 'x-puente-purpose';

/**
 * Resolves the bearer token before the body is even read, so a refused body is audited with
 * the user who sent it. A missing or bad token is audited by authenticate() itself.
 */
export function requireToken(app: FastifyInstance, db: Db) {
  app.addHook('onRequest', async (req) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    try {
      req.call = { db, viewer: await authenticate(db, token) };
    } catch (err) {
      if (err instanceof AppError) markAudited(err);
      throw err;
    }
    const purpose = req.headers[PURPOSE_HEADER];
    if (typeof purpose === 'string') {
      // The route's header schema then checks the decoded text (at most 500 characters).
      req.call.purpose = utf8(purpose).trim() || undefined;
      req.headers[PURPOSE_HEADER] = req.call.purpose;
    }
  });
}

/**
 * Node reads header bytes as Latin-1 while clients send UTF-8 ("investigación"): reinterpret
 * them when they are valid UTF-8.
 */
function utf8(latin1: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
}

/** The call a handler passes to its service (routes under /api/v1 always have one). */
export function callOf(req: FastifyRequest): Call {
  if (!req.call) throw new AppError('unauthenticated');
  return req.call;
}
