import { AppError } from '../../domain/errors.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { hashToken, looksLikeToken } from '../../domain/identity/token.js';
import { appendAuditEntry } from '../../storage/audit-log.js';
import type { Db } from '../../storage/database.js';
import { viewerForTokenHash } from '../../storage/identity.js';
import { asViewer } from '../../storage/session.js';

/** Turns a bearer token into its viewer; a failed attempt is audited without the token. */
export async function authenticate(db: Db, token: string | undefined): Promise<Viewer> {
  // One statement, outside a viewer transaction: the lookup function is the only reader of
  // token hashes, and it reads nothing else.
  const viewer =
    token && looksLikeToken(token) ? await viewerForTokenHash(db, hashToken(token)) : undefined;
  if (!viewer) {
    await asViewer(db, null, (tx) =>
      appendAuditEntry(tx, {
        userId: null,
        agency: null,
        action: 'auth.token',
        outcome: 'error:unauthenticated',
        query: { presented: Boolean(token), prefix: token?.slice(0, 8) ?? null },
      }),
    );
    throw new AppError('unauthenticated');
  }
  return viewer;
}
