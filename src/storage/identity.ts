import { sql, type Selectable } from 'kysely';
import { isUuid } from '../domain/ids.js';
import type { Role, Viewer } from '../domain/identity/viewer.js';
import type { Db } from './database.js';
import type { Tx } from './session.js';
import type { AgencyTable, ApiTokenTable, AppUserTable } from './tables.js';

export type AgencyRow = Selectable<AgencyTable>;
export type UserRow = Selectable<AppUserTable>;
export type TokenRow = Omit<Selectable<ApiTokenTable>, 'token_hash'>;

type Conn = Tx | Db;

export async function insertAgency(tx: Conn, a: { code: string; name: string; country: string }) {
  await tx.insertInto('puente.agency').values(a).execute();
}

export async function setTraceRole(tx: Conn, code: string, role: string | null): Promise<boolean> {
  const r = await tx
    .updateTable('puente.agency')
    .set({ trace_role: role })
    .where('code', '=', code)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function listAgencies(tx: Conn): Promise<AgencyRow[]> {
  return tx.selectFrom('puente.agency').selectAll().orderBy('country').orderBy('code').execute();
}

export async function findAgencies(tx: Conn, codes: string[]): Promise<AgencyRow[]> {
  if (codes.length === 0) return [];
  return tx.selectFrom('puente.agency').selectAll().where('code', 'in', codes).execute();
}

export async function insertUser(
  tx: Conn,
  u: { id: string; agency: string; name: string; email: string | null; role: Role },
) {
  await tx.insertInto('puente.app_user').values(u).execute();
}

export async function listUsers(tx: Conn, agency?: string): Promise<UserRow[]> {
  let q = tx.selectFrom('puente.app_user').selectAll();
  if (agency) q = q.where('agency', '=', agency);
  return q.orderBy('agency').orderBy('name').execute();
}

export async function findUsers(tx: Conn, ids: string[]): Promise<UserRow[]> {
  const wellFormed = ids.filter(isUuid);
  if (wellFormed.length === 0) return [];
  return tx.selectFrom('puente.app_user').selectAll().where('id', 'in', wellFormed).execute();
}

export async function insertToken(
  tx: Conn,
  t: {
    id: string;
    user_id: string;
    token_hash: Buffer;
    label: string | null;
    expires_at: Date | null;
  },
) {
  await tx.insertInto('puente.api_token').values(t).execute();
}

export async function findToken(tx: Conn, id: string): Promise<TokenRow | undefined> {
  if (!isUuid(id)) return undefined;
  return tx
    .selectFrom('puente.api_token')
    .select(['id', 'user_id', 'label', 'created_at', 'expires_at', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A user's tokens, newest first: never their secrets, which are not stored. */
export async function listTokensOf(tx: Conn, userId: string): Promise<TokenRow[]> {
  if (!isUuid(userId)) return [];
  return tx
    .selectFrom('puente.api_token')
    .select(['id', 'user_id', 'label', 'created_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function markTokenRevoked(tx: Conn, id: string): Promise<boolean> {
  const r = await tx
    .updateTable('puente.api_token')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Resolves a token hash to its viewer; expired, revoked and disabled answer undefined. */
export async function viewerForTokenHash(tx: Conn, hash: Buffer): Promise<Viewer | undefined> {
  const { rows } = await sql<{
    token_id: string;
    user_id: string;
    user_name: string;
    agency: string;
    country: string;
    role: Role;
  }>`SELECT * FROM puente.authenticate(${hash})`.execute(tx);
  const r = rows[0];
  return r
    ? {
        userId: r.user_id,
        name: r.user_name,
        agency: r.agency,
        country: r.country,
        role: r.role,
        tokenId: r.token_id,
      }
    : undefined;
}
