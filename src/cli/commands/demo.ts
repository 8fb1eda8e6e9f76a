import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { describe } from '../help.js';
import { wholeNumber } from '../parsers.js';
import { seedAndShowDemo } from '../show-demo.js';
import { migrated, serveUntilStopped, serverOptions, type ServeOptions } from './serve.js';

interface DemoOptions extends ServeOptions {
  scale: number;
  seed: number;
}

export function registerDemo(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(program.command('demo'), ctx, 'demo', [
    'puente demo',
    'puente demo --scale 5000 --port 9000',
    'PUENTE_DATA=/tmp/puente-demo puente demo',
  ])
    .option('--scale <records>', t('cli:demo.scale'), wholeNumber(t), 50_000)
    .option('--seed <n>', t('cli:demo.seed'), wholeNumber(t), 1);
  serverOptions(cmd, ctx).action(async (opts: DemoOptions) => {
    const database = await migrated(ctx);
    const demo = await seedAndShowDemo(ctx, database, { scale: opts.scale, seed: opts.seed });
    await serveUntilStopped(ctx, database, opts, demo?.sampleToken);
  });
}
