import type { Command } from 'commander';
import { startServer } from '../../http/server.js';
import type { Database } from '../../storage/database.js';
import { migrate } from '../../storage/migrate.js';
import type { CliContext } from '../context.js';
import { describe } from '../help.js';
import { processStopSignal } from '../io.js';
import { portNumber } from '../parsers.js';

export interface ServeOptions {
  host?: string;
  port?: number;
}

/** Brings the schema up to date: a fresh data directory works without a separate step. */
export async function migrated(ctx: CliContext): Promise<Database> {
  const database = await ctx.connect();
  const report = await migrate(database.db);
  for (const name of report.applied) ctx.note(ctx.t('cli:migrate.applied', { name }));
  return database;
}

/** Serves the API (and web app) until a stop signal; `sampleToken` prints a first request. */
export async function serveUntilStopped(
  ctx: CliContext,
  database: Database,
  opts: ServeOptions,
  sampleToken?: string,
): Promise<void> {
  const { t } = ctx;
  const server = await startServer({
    db: database.db,
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 8080,
    logger: true,
  });
  ctx.note(t('cli:serve.listening', { url: server.url, target: database.location }));
  if (sampleToken) ctx.note(t('cli:serve.tryIt', { url: server.url, token: sampleToken }));
  const signal = await (ctx.io.stopSignal ?? processStopSignal)();
  ctx.note(t('cli:serve.stopping', { signal }));
  await server.close();
}

/** The --host and --port options, worded once for serve and demo. */
export const serverOptions = (cmd: Command, ctx: CliContext): Command =>
  cmd
    .option('--host <host>', ctx.t('cli:serve.host'))
    .option('--port <port>', ctx.t('cli:serve.port'), portNumber(ctx.t));

export function registerServe(program: Command, ctx: CliContext): void {
  const cmd = describe(program.command('serve'), ctx, 'serve', [
    'puente serve',
    'puente serve --host 0.0.0.0 --port 9000',
    'DATABASE_URL=postgres://puente@db.example:5432/puente puente serve',
  ]);
  serverOptions(cmd, ctx).action(async (opts: ServeOptions) => {
    await serveUntilStopped(ctx, await migrated(ctx), opts);
  });
}
