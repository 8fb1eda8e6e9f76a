import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'pns_';

/** A browser session's secret: lives in an httpOnly cookie, stored only as its SHA-256. */
export function generateSessionSecret(): { secret: string; hash: Buffer } {
  const secret = PREFIX + randomBytes(32).toString('base64url');
  return { secret, hash: hashSessionSecret(secret) };
}

export const hashSessionSecret = (secret: string): Buffer =>
  createHash('sha256').update(secret).digest();

export const looksLikeSessionSecret = (s: string): boolean => /^pns_[A-Za-z0-9_-]{43}$/.test(s);

/**
 * The anti-CSRF token of a session: derived from its secret, so the server stores nothing more
 * and a page on another site, which cannot read the secret, cannot compute it.
 */
export const csrfTokenFor = (secret: string): string =>
  createHash('sha256').update(`puente-csrf\0${secret}`).digest('base64url');

export function csrfTokenMatches(secret: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(secret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
