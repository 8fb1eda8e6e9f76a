import { AppError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import {
  generateSessionSecret,
  hashSessionSecret,
  looksLikeSessionSecret,
} from '../../domain/identity/session-secret.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { appendAuditEntry } from '../../storage/audit-log.js';
import type { Db } from '../../storage/database.js';
import { asViewer } from '../../storage/session.js';
import {
  endWebSession,
  insertWebSession,
  viewerForSessionHash,
  type SessionLimits,
} from '../../storage/web-sessions.js';
import { audited, markAudited } from '../audited.js';
import type { Call } from '../context.js';
import { authenticate } from './authenticate.js';

export interface StartedSession {
  id: string;
  /** Goes into the session cookie; never stored, never shown again. */
  secret: string;
  viewer: Viewer;
}

/** Signs in with an API token: the session acts as that token until it ends or idles out. */
export async function startSession(db: Db, token: string): Promise<StartedSession> {
  // authenticate() audits a refused token itself.
  const viewer = await authenticate(db, token).catch((err: unknown) => {
    markAudited(err);
    throw err;
  });
  const { secret, hash } = generateSessionSecret();
  const id = newId();
  await audited({ db, viewer }, 'session.start', { sessionId: id }, async (tx) => {
    await insertWebSession(tx, {
      id,
      secret_hash: hash,
      token_id: viewer.tokenId!,
      user_id: viewer.userId,
    });
    return { result: undefined };
  });
  return { id, secret, viewer };
}

/** The viewer of a live session; an unknown, ended or idle one is refused and audited. */
export async function resumeSession(
  db: Db,
  secret: string,
  limits: SessionLimits,
): Promise<{ id: string; viewer: Viewer }> {
  const found = looksLikeSessionSecret(secret)
    ? await viewerForSessionHash(db, hashSessionSecret(secret), limits)
    : undefined;
  if (!found) {
    await asViewer(db, null, (tx) =>
      appendAuditEntry(tx, {
        userId: null,
        agency: null,
        action: 'auth.session',
        outcome: 'error:unauthenticated',
        query: { presented: true },
      }),
    );
    throw new AppError('unauthenticated');
  }
  return { id: found.sessionId, viewer: found.viewer };
}

/** Signs out: the session's cookie stops working at once. */
export async function endSession(call: Call, sessionId: string): Promise<void> {
  await audited(call, 'session.end', { sessionId }, async (tx) => {
    await endWebSession(tx, sessionId);
    return { result: undefined };
  });
}
