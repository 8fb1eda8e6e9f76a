import { AppError, type ErrorDetail } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { isRole, ROLES, type Role } from '../../domain/identity/viewer.js';
import { fromDatabaseError } from '../../storage/errors.js';
import {
  findAgencies,
  findUsers,
  insertUser,
  listUsers as selectUsers,
  type UserRow,
} from '../../storage/identity.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';

export interface UserView {
  id: string;
  agency: string;
  name: string;
  email: string | null;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

export const presentUser = (u: UserRow): UserView => ({
  id: u.id,
  agency: u.agency,
  name: u.name,
  email: u.email,
  role: u.role as Role,
  createdAt: u.created_at.toISOString(),
  disabled: u.disabled_at !== null,
});

export interface AddUserInput {
  agency?: string;
  name: string;
  email?: string;
  role: string;
}

/**
 * An agency's admin adds users to that agency only; the operator may add them anywhere
 * (that is how an agency gets its first admin).
 */
export async function addUser(call: Call, input: AddUserInput): Promise<UserView> {
  const agency = (call.operator ? input.agency : call.viewer?.agency)?.trim().toUpperCase() ?? '';
  const name = input.name.trim().normalize('NFC');
  const email = input.email?.trim() || null;
  return audited(
    call,
    'user.add',
    { agency, role: input.role },
    async (tx) => {
      const errors: ErrorDetail[] = [];
      if (!name || name.length > 200)
        errors.push({
          code: 'invalid_name',
          field: 'name',
          value: input.name,
          expected: '1-200 characters',
        });
      if (!isRole(input.role))
        errors.push({
          code: 'invalid_role',
          field: 'role',
          value: input.role,
          expected: `one of ${ROLES.join(', ')}`,
        });
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        errors.push({
          code: 'invalid_email',
          field: 'email',
          value: email,
          expected: 'an e-mail address',
        });
      if (!call.operator && input.agency && input.agency.toUpperCase() !== agency) {
        throw new AppError('forbidden', { permission: 'users:manage' });
      }
      if (errors.length) throw new AppError('validation_failed', {}, errors);
      if ((await findAgencies(tx, [agency])).length === 0) {
        throw new AppError('validation_failed', {}, [
          {
            code: 'unknown_agency',
            field: 'agency',
            value: agency,
            expected: 'a registered agency code',
          },
        ]);
      }
      const id = newId();
      try {
        await insertUser(tx, { id, agency, name, email, role: input.role as Role });
      } catch (err) {
        throw fromDatabaseError(err, 'user', email ?? id);
      }
      const [row] = await findUsers(tx, [id]);
      return { result: presentUser(row!), ids: [id] };
    },
    { permission: 'users:manage', operatorAllowed: true },
  );
}

/** Admins list their own agency; the operator lists any or all. */
export async function listUsers(call: Call, agency?: string): Promise<UserView[]> {
  const scope = call.operator ? agency?.toUpperCase() : call.viewer?.agency;
  return audited(
    call,
    'user.list',
    { agency: scope ?? null },
    async (tx) => {
      const rows = await selectUsers(tx, scope);
      return { result: rows.map(presentUser), ids: rows.map((u) => u.id) };
    },
    { permission: 'users:manage', operatorAllowed: true, readOnly: true },
  );
}
