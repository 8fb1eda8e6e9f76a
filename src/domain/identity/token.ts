import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'pnt_';

/** A bearer token: shown once, stored only as its SHA-256 (it has 256 bits of entropy). */
export function generateToken(): { token: string; hash: Buffer } {
  const token = PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

export const looksLikeToken = (s: string): boolean => /^pnt_[A-Za-z0-9_-]{43}$/.test(s);
