import type { DemoUser } from '../demo/seed-staff.js';
import { demoTokensPath, hasDemoTokens, saveDemoTokens } from '../demo/demo-tokens.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { Database } from '../storage/database.js';
import type { CliContext } from './context.js';
import { printTable, type Column } from './output.js';

const COLUMNS: Column<DemoUser>[] = [
  { header: 'agency', value: (u) => u.agency },
  { header: 'role', value: (u) => u.role },
  { header: 'name', value: (u) => u.name },
  { header: 'token', value: (u) => u.token },
];

// Files only make sense beside an embedded database on disk.
const dataDirOf = (database: Database) =>
  database.kind === 'embedded' && !database.location.startsWith('memory://')
    ? database.location
    : undefined;

/**
 * Seeds the demo data into an empty database and prints who can sign in with what. Returns a
 * token for the "try it" hint, when there is one to show.
 */
export async function seedAndShowDemo(
  ctx: CliContext,
  database: Database,
  synthetic: { scale: number; seed: number },
): Promise<{ sampleToken: string } | undefined> {
  const { t } = ctx;
  const dataDir = dataDirOf(database);
  const seed = await seedDemo(database.db, {
    onSeeding: () => ctx.note(t('cli:demo.loading', { scale: synthetic.scale })),
    synthetic: {
      ...synthetic,
      onFile: (file, s) =>
        ctx.note(
          t('cli:demo.loaded', {
            file,
            records: s.records.written,
            links: s.links.written,
            seconds: (s.elapsedMs / 1000).toFixed(1),
          }),
        ),
      onResolved: (r) =>
        ctx.note(
          t('cli:demo.resolved', {
            records: r.records,
            entities: r.entities,
            merged: r.mergedEntities,
            seconds: r.seconds.toFixed(1),
          }),
        ),
      onTraced: (d) =>
        ctx.note(
          t('cli:demo.traced', {
            submitted: d.submitted,
            completed: d.run.byStatus.completed ?? 0,
            seconds: (d.run.elapsedMs / 1000).toFixed(1),
          }),
        ),
    },
  });
  if (!seed.seeded) {
    ctx.note(t('cli:demo.present'));
    if (dataDir && hasDemoTokens(dataDir))
      ctx.note(t('cli:demo.tokensFile', { path: demoTokensPath(dataDir) }));
    return undefined;
  }
  ctx.note(
    t('cli:demo.seeded', {
      agencies: seed.agencies,
      users: seed.users.length,
      records: seed.records,
      links: seed.links,
    }),
  );
  printTable(ctx, COLUMNS, seed.users, 'cli:demo.none');
  if (dataDir) ctx.note(t('cli:demo.tokensFile', { path: saveDemoTokens(dataDir, seed.users) }));
  ctx.note(t('cli:demo.tokensOnce'));
  const sample =
    seed.users.find((u) => u.agency === 'CBP' && u.role === 'analyst') ?? seed.users[0];
  return sample ? { sampleToken: sample.token } : undefined;
}
