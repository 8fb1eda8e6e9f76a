import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import { csrfTokenMatches } from '../domain/identity/session-secret.js';
import { markAudited } from '../services/audited.js';
import type { Call } from '../services/context.js';
import { authenticate } from '../services/identity/authenticate.js';
import { resumeSession } from '../services/identity/sessions.js';
import type { Db } from '../storage/database.js';
import { HttpProblem } from './problem.js';
import {
  clearSessionCookies,
  CSRF_HEADER,
  SESSION_COOKIE,
  type SessionSettings,
} from './session-cookies.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who asks and why, set from the bearer token or session on every /api/v1 route. */
    call: Call | null;
    /** The browser session the request came with (cookie), if any. */
    webSession: { id: string; secret: string } | null;
  }
  interface FastifyContextConfig {
    /** A route that needs no token or session (sign-in). */
    public?: boolean;
  }
}

export const PURPOSE_HEADER = 'x-puente-purpose';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfRefused = () =>
  new HttpProblem({
    status: 403,
    code: 'csrf_failed',
    title: 'api:title.csrf_failed',
    detail: 'api:detail.csrf_failed',
  });

/**
 * Resolves the bearer token, or else the session cookie, before the body is even read, so a
 * refused body is audited with the user who sent it. A missing or bad credential is audited
 * where it is checked. A change made with the cookie must echo the session's CSRF token: a page
 * on another site can make the browser send the cookie, never read or forge the token.
 */
export function requireToken(app: FastifyInstance, db: Db, sessions: SessionSettings) {
  app.addHook('onRequest', async (req, reply) => {
    req.webSession = null;
    if (req.routeOptions.config?.public) return;
    const authorization = req.headers.authorization;
    const secret = authorization === undefined ? req.cookies[SESSION_COOKIE] : undefined;
    try {
      if (secret !== undefined) {
        const session = await resumeSession(db, secret, sessions).catch((err: unknown) => {
          clearSessionCookies(req, reply, sessions);
          throw err;
        });
        req.call = { db, viewer: session.viewer };
        req.webSession = { id: session.id, secret };
        const csrf = req.headers[CSRF_HEADER];
        if (!SAFE_METHODS.has(req.method) && !csrfTokenMatches(secret, first(csrf)))
          throw csrfRefused();
      } else {
        const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
        req.call = { db, viewer: await authenticate(db, token) };
      }
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

const first = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

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
