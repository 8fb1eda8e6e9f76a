import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { statsToCsv, traceStats } from '../../services/tracing/trace-stats.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable } from '../output.js';
import { wholeNumber } from '../parsers.js';
import { percent } from '../scores.js';

interface StatsOptions extends ActingOptions {
  recoveryCountry?: string;
  sourceCountry?: string;
  baseYear?: number;
  lastYear?: number;
  csv?: string;
  json?: boolean;
}

type Row = { key: string; traced: number; toSource: number; share: number | null };

export function registerTraceStats(trace: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(trace.command('stats'), ctx, 'traceStats', [
    'puente trace stats --as t.henderson@atf.example',
    'puente trace stats --base-year 2016 --last-year 2023 --csv trazas.csv --as m.ortiz@fgr.example',
  ])
    .option('--recovery-country <cc>', t('cli:traceStats.recoveryCountry'))
    .option('--source-country <cc>', t('cli:traceStats.sourceCountry'))
    .option('--base-year <year>', t('cli:traceStats.baseYear'), wholeNumber(t))
    .option('--last-year <year>', t('cli:traceStats.lastYear'), wholeNumber(t))
    .option('--csv <file>', t('cli:traceStats.csv'));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (opts: StatsOptions) => {
    const s = await traceStats(await callAs(ctx, opts), {
      recoveryCountry: opts.recoveryCountry?.toUpperCase(),
      sourceCountry: opts.sourceCountry?.toUpperCase(),
      baseYear: opts.baseYear,
      lastYear: opts.lastYear,
    });
    if (opts.csv === '-') return ctx.out(statsToCsv(s));
    if (opts.csv) writeFileSync(opts.csv, statsToCsv(s));
    if (opts.json) return printJson(ctx, s);
    ctx.out(
      t('cli:traceStats.headline', {
        share: s.overall.share === null ? '—' : percent(s.overall.share),
        traced: s.overall.traced,
        toSource: s.overall.toSource,
        from: s.recoveryCountry,
        to: s.sourceCountry,
        pending: s.pending,
      }),
    );
    if (s.medianTimeToCrimeDays !== null)
      ctx.out(t('cli:traceStats.median', { days: s.medianTimeToCrimeDays }));
    if (s.rifles.change !== null)
      ctx.out(
        t('cli:traceStats.rifles', {
          change: percent(s.rifles.change),
          base: s.rifles.base,
          last: s.rifles.last,
          baseYear: s.rifles.baseYear,
          lastYear: s.rifles.lastYear,
        }),
      );
    const columns = (header: string) => [
      { header, value: (r: Row) => r.key },
      { header: 'traced', value: (r: Row) => String(r.traced) },
      { header: 'toSource', value: (r: Row) => String(r.toSource) },
      { header: 'share', value: (r: Row) => (r.share === null ? '' : percent(r.share)) },
    ];
    printTable(ctx, columns('year'), s.byYear, 'cli:traceStats.none');
    printTable(ctx, columns('type'), s.byType, 'cli:traceStats.none');
    if (opts.csv) ctx.note(t('cli:traceStats.wrote', { file: opts.csv }));
  });
}
