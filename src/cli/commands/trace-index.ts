import type { Command } from 'commander';
import { indexAllSales } from '../../services/tracing/index-sales.js';
import type { CliContext } from '../context.js';
import { describe } from '../help.js';
import { statusLine } from '../progress.js';

export function registerTraceIndex(trace: Command, ctx: CliContext): void {
  const { t } = ctx;
  describe(trace.command('index'), ctx, 'traceIndex', ['puente trace index']).action(async () => {
    const status = statusLine(ctx);
    const started = Date.now();
    const n = await indexAllSales((await ctx.operator()).db, (done) =>
      status.update(() => t('cli:traceIndex.progress', { count: done })),
    );
    status.finish();
    ctx.note(
      t('cli:traceIndex.done', { count: n, seconds: ((Date.now() - started) / 1000).toFixed(1) }),
    );
  });
}
