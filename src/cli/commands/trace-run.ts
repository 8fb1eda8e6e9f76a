import type { Command } from 'commander';
import { runTraces } from '../../services/tracing/run-traces.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson } from '../output.js';
import { positiveNumber, uuid } from '../parsers.js';
import { statusLine } from '../progress.js';
import { statusText } from '../trace-text.js';

interface RunOptions extends ActingOptions {
  id?: string[];
  limit?: number;
  purchaserMarking?: string;
  purchaserRel?: string;
  json?: boolean;
}

export function registerTraceRun(trace: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(trace.command('run'), ctx, 'traceRun', [
    'puente trace run --as t.henderson@atf.example',
    'puente trace run --limit 1000 --purchaser-marking AMBER --purchaser-rel US --as t.henderson@atf.example',
  ])
    .option('--id <ids...>', t('cli:traceRun.id'))
    .option('--limit <n>', t('cli:traceRun.limit'), positiveNumber(t))
    .option('--purchaser-marking <marking>', t('cli:traceRun.purchaserMarking'))
    .option('--purchaser-rel <countries>', t('cli:traceRun.purchaserRel'));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (opts: RunOptions) => {
    const status = statusLine(ctx);
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    try {
      const summary = await runTraces(await callAs(ctx, opts), {
        ids: opts.id?.map((id) => uuid(t)(id)),
        limit: opts.limit,
        purchaserSharing: opts.purchaserMarking
          ? {
              marking: opts.purchaserMarking,
              relCountries: opts.purchaserRel?.split(',').map((c) => c.trim()),
            }
          : undefined,
        signal: controller.signal,
        onProgress: (p) => status.update(() => t('cli:traceRun.progress', { count: p.traced })),
      });
      status.finish();
      if (opts.json) return printJson(ctx, summary);
      const parts = Object.entries(summary.byStatus).map(([s, n]) => `${statusText(t, s)}: ${n}`);
      ctx.note(
        t(controller.signal.aborted ? 'cli:traceRun.stopped' : 'cli:traceRun.done', {
          count: summary.traced,
          seconds: (summary.elapsedMs / 1000).toFixed(1),
        }),
      );
      if (parts.length) ctx.out(parts.join('\n'));
    } finally {
      process.off('SIGINT', stop);
      status.finish();
    }
  });
}
