import type { Command } from 'commander';
import { TRACE_STATUSES } from '../../domain/tracing/status.js';
import { listTraces } from '../../services/tracing/read-traces.js';
import type { TraceView } from '../../services/tracing/present.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable, shortTime, type Column } from '../output.js';
import { oneOf, positiveNumber } from '../parsers.js';
import { firearmLine, statusText } from '../trace-text.js';

interface ListOptions extends ActingOptions {
  status?: string[];
  overdue?: boolean;
  limit?: number;
  cursor?: string;
  json?: boolean;
}

export function registerTraceList(trace: Command, ctx: CliContext): void {
  const { t } = ctx;
  const columns: Column<TraceView>[] = [
    { header: 'id', value: (v) => v.id },
    { header: 'agency', value: (v) => v.agency },
    { header: 'status', value: (v) => statusText(t, v.status) },
    { header: 'priority', value: (v) => t(`tracing:priority.${v.priority}`) },
    {
      header: 'deadline',
      value: (v) => `${shortTime(v.deadlineAt)}${v.overdue ? ` (${t('cli:trace.overdue')})` : ''}`,
    },
    { header: 'firearm', value: (v) => firearmLine(t, v.firearm) },
    { header: 'recovered', value: (v) => `${v.recovery.date} ${v.recovery.state ?? ''}`.trim() },
  ];
  const cmd = describe(trace.command('list'), ctx, 'traceList', [
    'puente trace list --as m.ortiz@fgr.example',
    'puente trace list --status submitted,in_progress --overdue --as t.henderson@atf.example',
  ])
    .option('--status <statuses>', t('cli:traceList.status'), (raw: string) =>
      raw.split(',').map((s) => oneOf(t, TRACE_STATUSES)(s)),
    )
    .option('--overdue', t('cli:traceList.overdue'))
    .option('--limit <n>', t('cli:traceList.limit'), positiveNumber(t))
    .option('--cursor <cursor>', t('cli:traceList.cursor'));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (opts: ListOptions) => {
    const page = await listTraces(await callAs(ctx, opts), {
      status: opts.status,
      overdue: opts.overdue,
      limit: opts.limit,
      cursor: opts.cursor,
    });
    if (opts.json) return printJson(ctx, page);
    printTable(ctx, columns, page.items, 'cli:traceList.none');
    if (page.nextCursor) ctx.note(t('cli:traceList.more', { cursor: page.nextCursor }));
  });
}
