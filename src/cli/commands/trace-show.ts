import type { Command } from 'commander';
import type { RankedCandidate } from '../../domain/tracing/types.js';
import { getTrace } from '../../services/tracing/read-traces.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { portionMarking } from '../marking.js';
import { printFields, printJson, printTable, shortTime, type Column } from '../output.js';
import { uuid } from '../parsers.js';
import { firearmLine, reasonText, statusText } from '../trace-text.js';

type ShowOptions = ActingOptions & { json?: boolean };

export function registerTraceShow(trace: Command, ctx: CliContext): void {
  const { t } = ctx;
  const candidates: Column<RankedCandidate>[] = [
    { header: 'firearm', value: (c) => c.candidate.firearmId },
    { header: 'serial', value: (c) => c.candidate.serialKey },
    { header: 'date', value: (c) => c.candidate.saleDate },
    { header: 'dealer', value: (c) => `${c.candidate.dealerLicense} (${c.candidate.dealerState})` },
    { header: 'score', value: (c) => String(c.score) },
    { header: 'why', value: (c) => c.reasons.map((r) => reasonText(ctx, r)).join(' ') },
  ];
  const cmd = describe(trace.command('show'), ctx, 'traceShow', [
    'puente trace show 01935d2e-7c1a-7000-8000-000000000001 --as m.ortiz@fgr.example',
  ]).argument('<id>', t('cli:traceShow.id'), uuid(t));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (id: string, opts: ShowOptions) => {
    const v = await getTrace(await callAs(ctx, opts), id);
    if (opts.json) return printJson(ctx, v);
    const r = v.result;
    printFields(ctx, [
      ['id', v.id],
      ['agency', `${v.agency} — ${v.officer}`],
      ['status', `${statusText(t, v.status)}: ${reasonText(ctx, v.reason)}`],
      ['priority', t(`tracing:priority.${v.priority}`)],
      ['deadline', `${shortTime(v.deadlineAt)}${v.overdue ? ` (${t('cli:trace.overdue')})` : ''}`],
      ['firearm', firearmLine(t, v.firearm)],
      [
        'recovered',
        [v.recovery.date, v.recovery.place, v.recovery.state, v.recovery.country]
          .filter(Boolean)
          .join(', '),
      ],
      ['dealer', r && `${r.dealer.name} (${r.dealer.license}, ${r.dealer.state})`],
      ['saleDate', r?.saleDate ?? null],
      ['timeToCrime', r && t('cli:trace.days', { count: r.timeToCrimeDays })],
      [
        'purchaser',
        r &&
          (r.purchaser
            ? `${r.purchaser.name} [${portionMarking(t, r.purchaser)}]`
            : t('cli:trace.notReleased')),
      ],
    ]);
    for (const i of r?.indicators ?? []) ctx.out(`  ! ${reasonText(ctx, i)}`);
    if (v.candidates?.length) printTable(ctx, candidates, v.candidates, 'cli:traceShow.none');
    for (const h of v.history ?? [])
      ctx.out(
        `  ${shortTime(h.at)}  ${h.agency}  ${statusText(t, h.status)}: ${reasonText(ctx, h.reason)}`,
      );
  });
}
