import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor } from '../domain/identity/session-secret.js';
import type { SessionLimits } from '../storage/web-sessions.js';

export const SESSION_COOKIE = 'puente_session';
/** Readable by the page, which echoes it in CSRF_HEADER on every change (double submit). */
export const CSRF_COOKIE = 'puente_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionSettings extends SessionLimits {
  /** Mark cookies Secure even when TLS ends at a proxy in front of the server. */
  secureCookies: boolean;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleSeconds: 30 * 60,
  maxSeconds: 12 * 60 * 60,
  secureCookies: false,
};

const cookieOptions = (req: FastifyRequest, settings: SessionSettings) => ({
  path: '/',
  sameSite: 'strict' as const,
  secure: settings.secureCookies || req.protocol === 'https',
});

/** Browser-session cookies (no Max-Age): the server ends them on idle time-out or sign-out. */
export function setSessionCookies(
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  settings: SessionSettings,
): string {
  const csrf = csrfTokenFor(secret);
  reply.setCookie(SESSION_COOKIE, secret, { ...cookieOptions(req, settings), httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, cookieOptions(req, settings));
  return csrf;
}

export function clearSessionCookies(
  req: FastifyRequest,
  reply: FastifyReply,
  settings: SessionSettings,
): void {
  reply.clearCookie(SESSION_COOKIE, { ...cookieOptions(req, settings), httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, cookieOptions(req, settings));
}
