import { AppError, type ErrorDetail } from '../domain/errors.js';
import { columnsToSharing } from '../domain/policy/keys.js';
import {
  parseSharing,
  type Sharing,
  type SharingInput,
  type Tlp,
} from '../domain/policy/sharing.js';
import { findAgencies, findUsers } from '../storage/identity.js';
import type { Tx } from '../storage/session.js';

/** Parses sharing rules and checks that every agency and user they name exists. */
export async function resolveSharing(
  tx: Tx,
  input: SharingInput,
  defaultMarking?: Tlp,
): Promise<Sharing> {
  const sharing = parseSharing(input, defaultMarking);
  const errors: ErrorDetail[] = [];
  const agencies = [...new Set([...sharing.relAgencies, ...sharing.recipientAgencies])];
  const known = new Set((await findAgencies(tx, agencies)).map((a) => a.code));
  for (const field of ['relAgencies', 'recipientAgencies'] as const) {
    for (const code of sharing[field]) {
      if (!known.has(code))
        errors.push({
          code: 'unknown_agency',
          field,
          value: code,
          expected: 'a registered agency code',
        });
    }
  }
  const users = new Set((await findUsers(tx, sharing.recipientUsers)).map((u) => u.id));
  for (const id of sharing.recipientUsers) {
    if (!users.has(id))
      errors.push({
        code: 'unknown_user',
        field: 'recipientUsers',
        value: id,
        expected: 'a registered user id',
      });
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return sharing;
}

/**
 * New sharing rules for a re-mark: fields not given keep their current value, except that
 * recipients are dropped when the marking changes (they belong to the old marking).
 */
export async function resolveRemark(
  tx: Tx,
  current: { marking: string; rel_to: string[]; recipients: string[] },
  input: SharingInput,
): Promise<Sharing> {
  const now = columnsToSharing(current);
  const fresh = input.marking !== undefined;
  return resolveSharing(tx, {
    marking: input.marking ?? now.marking,
    relCountries: input.relCountries ?? now.relCountries,
    relAgencies: input.relAgencies ?? now.relAgencies,
    recipientAgencies: input.recipientAgencies ?? (fresh ? [] : now.recipientAgencies),
    recipientUsers: input.recipientUsers ?? (fresh ? [] : now.recipientUsers),
  });
}
