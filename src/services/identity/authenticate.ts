import { AppError } from '../../domain/errors.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { hashToken, looksLikeToken } from '../../domain/identity/token.js';
import { appendAuditEntryDurably } from '../../storage/audit-writer.js';
import type { Db } from '../../storage/database.js';
import { viewerForTokenHash } from '../../storage/identity.js';
import { tokenCacheOf, type TokenCache } from './token-cache.js';

/**
 * Turns a bearer token into its viewer; a failed attempt is audited without the token. A token
 * seen in the last few seconds is answered from `cache` (see TOKEN_TRUST_MS for the bound).
 */
export async function authenticate(
  db: Db,
  token: string | undefined,
  cache: TokenCache = tokenCacheOf(db),
): Promise<Viewer> {
  const viewer = token && looksLikeToken(token) ? await lookUp(db, token, cache) : undefined;
  if (!viewer) {
    await appendAuditEntryDurably(db, {
      userId: null,
      agency: null,
      action: 'auth.token',
      outcome: 'error:unauthenticated',
      query: { presented: Boolean(token), prefix: token?.slice(0, 8) ?? null },
    });
    throw new AppError('unauthenticated');
  }
  return viewer;
}

async function lookUp(db: Db, token: string, cache: TokenCache): Promise<Viewer | undefined> {
  const hash = hashToken(token);
  const key = hash.toString('base64');
  const known = cache.get(key);
  if (known) return known;
  const ticket = cache.ticket();
  // One statement, outside a viewer transaction: the lookup function is the only reader of
  // token hashes, and it reads nothing else.
  const viewer = await viewerForTokenHash(db, hash);
  if (viewer) cache.set(key, viewer, ticket);
  return viewer;
}
