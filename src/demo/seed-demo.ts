import type { Call } from '../services/context.js';
import { listAgencies } from '../services/identity/agencies.js';
import type { Db } from '../storage/database.js';
import { loadSynthetic, type ResolvedProgress, type SyntheticProgress } from './load-synthetic.js';
import { seedStaff, type DemoUser } from './seed-staff.js';
import { DEMO_STORY } from './story/index.js';
import { tellStory } from './tell-story.js';
import { seedTraceRoles, traceDemoRecoveries, type DemoTraces } from './trace-recoveries.js';

export interface DemoSeed {
  /** False when the database already had agencies: demo data never mixes with real data. */
  seeded: boolean;
  users: DemoUser[];
  agencies: number;
  records: number;
  links: number;
}

export interface DemoOptions {
  onSeeding?: () => void;
  /** Also load a synthetic data set of about this many records through the import path. */
  synthetic?: {
    scale: number;
    seed: number;
    onFile?: SyntheticProgress;
    onResolved?: ResolvedProgress;
    onTraced?: (traces: DemoTraces) => void;
  };
}

/**
 * Fills an empty database with fictional agencies, staff, tokens, records and links. Does
 * nothing when any agency exists, so running it twice (or on a real database) is harmless.
 */
export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<DemoSeed> {
  const operator: Call = { db, viewer: null, operator: true };
  if ((await listAgencies(operator)).length > 0) {
    return { seeded: false, users: [], agencies: 0, records: 0, links: 0 };
  }
  options.onSeeding?.();
  const users = await seedStaff(operator);
  const agencies = new Set(users.map((u) => u.agency));
  await seedTraceRoles(operator, agencies);
  const told = await tellStory(db, users, DEMO_STORY);
  const loaded = options.synthetic
    ? await loadSynthetic(db, { ...options.synthetic })
    : { records: 0, links: 0 };
  if (options.synthetic)
    options.synthetic.onTraced?.(await traceDemoRecoveries(operator, agencies));
  return {
    seeded: true,
    users,
    agencies: agencies.size,
    records: told.records + loaded.records,
    links: told.links + loaded.links,
  };
}
