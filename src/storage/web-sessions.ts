import { sql } from 'kysely';
import type { Role, Viewer } from '../domain/identity/viewer.js';
import type { Db } from './database.js';
import type { Tx } from './session.js';

export async function insertWebSession(
  tx: Tx,
  s: { id: string; secret_hash: Buffer; token_id: string; user_id: string },
): Promise<void> {
  await tx.insertInto('puente.web_session').values(s).execute();
}

/** Ends one of the viewer's sessions; false when it had already ended. */
export async function endWebSession(tx: Tx, id: string): Promise<boolean> {
  const r = await tx
    .updateTable('puente.web_session')
    .set({ ended_at: new Date() })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface SessionLimits {
  idleSeconds: number;
  maxSeconds: number;
}

/** The viewer behind a live session secret's hash, or undefined (unknown, ended, idle, old). */
export async function viewerForSessionHash(
  db: Db,
  hash: Buffer,
  limits: SessionLimits,
): Promise<{ sessionId: string; viewer: Viewer } | undefined> {
  const { rows } = await sql<{
    session_id: string;
    token_id: string;
    user_id: string;
    user_name: string;
    agency: string;
    country: string;
    role: Role;
  }>`SELECT * FROM puente.resume_session(${hash}, ${limits.idleSeconds}::integer, ${limits.maxSeconds}::integer)`.execute(
    db,
  );
  const r = rows[0];
  return r
    ? {
        sessionId: r.session_id,
        viewer: {
          userId: r.user_id,
          name: r.user_name,
          agency: r.agency,
          country: r.country,
          role: r.role,
          tokenId: r.token_id,
        },
      }
    : undefined;
}
