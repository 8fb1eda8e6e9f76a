import type { Command } from 'commander';
import { migrate } from '../../storage/migrate.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson } from '../output.js';

export function registerMigrate(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(program.command('migrate'), ctx, 'migrate', [
    'puente migrate',
    'DATABASE_URL=postgres://puente@db.example:5432/puente puente migrate --json',
  ]);
  jsonOption(cmd, ctx).action(async (opts: { json?: boolean }) => {
    const database = await ctx.connect();
    const report = await migrate(database.db);
    if (opts.json) return printJson(ctx, { ...report, database: database.location });
    for (const name of report.applied) ctx.out(t('cli:migrate.applied', { name }));
    const params = {
      count: report.applied.length,
      version: report.current,
      target: database.location,
    };
    ctx.out(t(report.applied.length ? 'cli:migrate.done' : 'cli:migrate.upToDate', params));
  });
}
