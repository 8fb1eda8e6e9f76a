import type { Command } from 'commander';
import { startServer } from '../../http/server.js';
import { migrate } from '../../storage/migrate.js';
import type { CliContext } from '../context.js';
import { describe } from '../help.js';
import { processStopSignal } from '../io.js';
import { portNumber } from '../parsers.js';
import { seedAndShowDemo } from '../show-demo.js';

interface Options {
  host?: string;
  port?: number;
  demo?: boolean;
}

export function registerServe(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  describe(program.command('serve'), ctx, 'serve', [
    'puente serve',
    'puente serve --demo',
    'puente serve --host 0.0.0.0 --port 9000',
    'DATABASE_URL=postgres://puente@db.example:5432/puente puente serve',
  ])
    .option('--host <host>', t('cli:serve.host'))
    .option('--port <port>', t('cli:serve.port'), portNumber(t))
    .option('--demo', t('cli:serve.demo'))
    .action(async (opts: Options) => {
      const database = await ctx.connect();
      const report = await migrate(database.db);
      for (const name of report.applied) ctx.note(t('cli:migrate.applied', { name }));
      const demo = opts.demo ? await seedAndShowDemo(ctx, database) : undefined;
      const server = await startServer({
        db: database.db,
        host: opts.host ?? '127.0.0.1',
        port: opts.port ?? 8080,
        logger: true,
      });
      ctx.note(t('cli:serve.listening', { url: server.url, target: database.location }));
      if (demo) ctx.note(t('cli:serve.tryIt', { url: server.url, token: demo.sampleToken }));
      const signal = await (ctx.io.stopSignal ?? processStopSignal)();
      ctx.note(t('cli:serve.stopping', { signal }));
      await server.close();
    });
}
