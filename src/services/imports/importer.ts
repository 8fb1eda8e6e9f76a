import { AppError } from '../../domain/errors.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import type { Call } from '../context.js';
import { listAgencies } from '../identity/agencies.js';
import { addUser, listUsers, type UserView } from '../identity/users.js';

/** The account an agency's command-line imports are made under: it has no token, so no sign-in. */
export const importAccountEmail = (agency: string) =>
  `bulk-import@${agency.toLowerCase()}.puente.invalid`;

/**
 * Who an operator's import acts as: the named user of the agency (id or e-mail), or the
 * agency's import account, created on first use. Its records carry that user as contributor.
 */
export async function importerFor(operator: Call, agency: string, user?: string): Promise<Viewer> {
  const code = agency.trim().toUpperCase();
  const known = (await listAgencies(operator)).find((a) => a.code === code);
  if (!known) throw new AppError('not_found', { kind: 'agency', id: code });
  const staff = await listUsers(operator, code);
  const wanted = user?.trim().toLowerCase() ?? importAccountEmail(code);
  let found: UserView | undefined = staff.find(
    (u) => !u.disabled && (u.id === wanted || u.email?.toLowerCase() === wanted),
  );
  if (!found && user) throw new AppError('not_found', { kind: 'user', id: user });
  found ??= await addUser(operator, {
    agency: code,
    name: 'Bulk import',
    email: importAccountEmail(code),
    role: 'analyst',
  });
  return {
    userId: found.id,
    name: found.name,
    agency: code,
    country: known.country,
    role: found.role,
  };
}
