import { AppError } from '../../domain/errors.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import type { Call } from '../context.js';
import { listAgencies } from './agencies.js';
import { listUsers } from './users.js';

/**
 * The viewer an operator's command acts as: a named user (id or e-mail) who is not disabled,
 * under that user's role and agency, so the sharing rules and the audit log treat the command
 * exactly like that user's request.
 */
export async function viewerFor(operator: Call, user: string): Promise<Viewer> {
  const wanted = user.trim().toLowerCase();
  const found = (await listUsers(operator)).find(
    (u) => !u.disabled && (u.id === wanted || u.email?.toLowerCase() === wanted),
  );
  if (!found) throw new AppError('not_found', { kind: 'user', id: user });
  const agency = (await listAgencies(operator)).find((a) => a.code === found.agency);
  if (!agency) throw new AppError('not_found', { kind: 'agency', id: found.agency });
  return {
    userId: found.id,
    name: found.name,
    agency: agency.code,
    country: agency.country,
    role: found.role,
  };
}
