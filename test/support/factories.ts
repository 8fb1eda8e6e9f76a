import type { Viewer } from '../../src/domain/identity/viewer.js';
import type { Db } from '../../src/storage/database.js';
import { addAgency } from '../../src/services/identity/agencies.js';
import { createToken } from '../../src/services/identity/tokens.js';
import { addUser } from '../../src/services/identity/users.js';
import type { Call } from '../../src/services/context.js';

export const operator = (db: Db): Call => ({ db, viewer: null, operator: true });

export async function buildAgency(db: Db, code: string, country: string, name = `${code} agency`) {
  return addAgency(operator(db), { code, name, country });
}

export interface TestUser {
  viewer: Viewer;
  token: string;
  call: Call;
}

/** A user with a token, ready to act (call) or to sign HTTP requests (token). */
export async function buildUser(
  db: Db,
  agency: { code: string; country: string },
  role: Viewer['role'] = 'analyst',
  name = `${role} of ${agency.code}`,
): Promise<TestUser> {
  const user = await addUser(operator(db), { agency: agency.code, name, role });
  const { token } = await createToken(operator(db), { userId: user.id, label: 'test' });
  const viewer: Viewer = {
    userId: user.id,
    name: user.name,
    agency: agency.code,
    country: agency.country,
    role,
  };
  return { viewer, token, call: { db, viewer } };
}
