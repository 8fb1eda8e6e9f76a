import { addAgency } from '../../../src/services/identity/agencies.js';
import type { Db } from '../../../src/storage/database.js';
import { insertUser } from '../../../src/storage/identity.js';
import { AGENCIES } from '../dataset/agencies.js';

const USERS_PER_AGENCY = 2;

/**
 * Users with fixed ids, so a partner file generated once can name TLP:RED recipients in every
 * fresh benchmark database (the product gives new users random ids).
 */
export function benchUserIds(agency: string): string[] {
  const a = AGENCIES.findIndex((x) => x.code === agency);
  return Array.from(
    { length: USERS_PER_AGENCY },
    (_, u) => `0195a000-0000-7000-8000-${String(a * 100 + u).padStart(12, '0')}`,
  );
}

/** The twelve agencies of three countries, and their users. */
export async function createDirectory(db: Db): Promise<void> {
  for (const a of AGENCIES) {
    await addAgency({ db, viewer: null, operator: true }, a);
    for (const [u, id] of benchUserIds(a.code).entries())
      await insertUser(db, {
        id,
        agency: a.code,
        name: `Analyst ${u + 1} ${a.code}`,
        email: null,
        role: 'analyst',
      });
  }
}
