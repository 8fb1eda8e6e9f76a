import { AppError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { generateToken } from '../../domain/identity/token.js';
import {
  findToken,
  findUsers,
  insertToken,
  listTokensOf,
  markTokenRevoked,
  type TokenRow,
} from '../../storage/identity.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import type { Tx } from '../../storage/session.js';
import { tokenCacheOf } from './token-cache.js';

export interface TokenView {
  id: string;
  userId: string;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

const present = (t: TokenRow): TokenView => ({
  id: t.id,
  userId: t.user_id,
  label: t.label,
  createdAt: t.created_at.toISOString(),
  expiresAt: t.expires_at?.toISOString() ?? null,
  revokedAt: t.revoked_at?.toISOString() ?? null,
});

const MAX_DAYS = 3650;

/** A user of the caller's own agency (any, for the operator); another agency's is not found. */
async function userOfAgency(tx: Tx, call: Call, userId: string) {
  const [user] = await findUsers(tx, [userId]);
  if (!user || (!call.operator && user.agency !== call.viewer?.agency))
    throw notFound('user', userId);
  return user;
}

/** A user's tokens, for an admin of the user's agency: when issued, expiring, revoked. */
export async function listTokens(call: Call, userId: string): Promise<TokenView[]> {
  return audited(
    call,
    'token.list',
    { userId },
    async (tx) => {
      const user = await userOfAgency(tx, call, userId);
      const rows = await listTokensOf(tx, user.id);
      return { result: rows.map(present), ids: [user.id], count: rows.length };
    },
    { permission: 'users:manage', operatorAllowed: true, readOnly: true },
  );
}

/** The secret is in the result once and never again: only its hash is stored. */
export async function createToken(
  call: Call,
  input: { userId: string; label?: string; expiresInDays?: number },
): Promise<TokenView & { token: string }> {
  const days = input.expiresInDays;
  return audited(
    call,
    'token.create',
    { userId: input.userId },
    async (tx) => {
      if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)) {
        throw new AppError('validation_failed', {}, [
          {
            code: 'invalid_expiry',
            field: 'expiresInDays',
            value: String(days),
            expected: `whole days from 1 to ${MAX_DAYS}`,
          },
        ]);
      }
      const user = await userOfAgency(tx, call, input.userId);
      const { token, hash } = generateToken();
      const id = newId();
      const expires = days ? new Date(Date.now() + days * 86_400_000) : null;
      await insertToken(tx, {
        id,
        user_id: user.id,
        token_hash: hash,
        label: input.label?.trim() || null,
        expires_at: expires,
      });
      const row = await findToken(tx, id);
      return { result: { ...present(row!), token }, ids: [user.id] };
    },
    { permission: 'users:manage', operatorAllowed: true },
  );
}

/**
 * Users revoke their own tokens; admins those of their agency (row-level security decides).
 * This process stops trusting the token at once; others within TOKEN_TRUST_MS.
 */
export async function revokeToken(call: Call, tokenId: string): Promise<TokenView> {
  const revoked = await audited(
    call,
    'token.revoke',
    { tokenId },
    async (tx) => {
      const row = await findToken(tx, tokenId);
      if (!row) throw notFound('token', tokenId);
      await markTokenRevoked(tx, tokenId);
      return { result: present((await findToken(tx, tokenId))!), ids: [row.user_id] };
    },
    { operatorAllowed: true },
  );
  tokenCacheOf(call.db).forgetToken(tokenId);
  return revoked;
}
