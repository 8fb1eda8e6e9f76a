import type { Role, Viewer } from '../domain/identity/viewer.js';
import { ROLES } from '../domain/identity/viewer.js';
import { foldText } from '../domain/text/index.js';
import type { Call } from '../services/context.js';
import { addAgency } from '../services/identity/agencies.js';
import { createToken } from '../services/identity/tokens.js';
import { addUser } from '../services/identity/users.js';
import { DEMO_AGENCIES } from './staff.js';

export interface DemoUser {
  agency: string;
  country: string;
  role: Role;
  name: string;
  email: string;
  userId: string;
  /** The bearer token, only ever returned here. */
  token: string;
}

/** A demo user as the viewer the services expect. */
export const viewerOf = (u: DemoUser): Viewer => ({
  userId: u.userId,
  name: u.name,
  agency: u.agency,
  country: u.country,
  role: u.role,
});

/** "Megan O'Connell" at CBP -> megan.oconnell@cbp.demo.example (a reserved domain). */
const demoEmail = (name: string, agency: string) =>
  `${foldText(name)
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .split(/\s+/)
    .join('.')}@${agency.toLowerCase()}.demo.example`;

/** Registers the demo agencies, one user per role in each, and a token per user. */
export async function seedStaff(operator: Call): Promise<DemoUser[]> {
  const users: DemoUser[] = [];
  for (const agency of DEMO_AGENCIES) {
    await addAgency(operator, { code: agency.code, name: agency.name, country: agency.country });
    for (const role of ROLES) {
      const name = agency.staff[role];
      const email = demoEmail(name, agency.code);
      const user = await addUser(operator, { agency: agency.code, name, email, role });
      const { token } = await createToken(operator, { userId: user.id, label: 'demo' });
      users.push({
        agency: agency.code,
        country: agency.country,
        role,
        name,
        email,
        userId: user.id,
        token,
      });
    }
  }
  return users;
}
