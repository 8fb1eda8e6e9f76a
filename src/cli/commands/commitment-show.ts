import type { Command } from 'commander';
import type { Trend } from '../../domain/cooperation/indicators.js';
import type { CommitmentView } from '../../services/cooperation/present.js';
import { getCommitment } from '../../services/cooperation/read-commitments.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { portionMarking } from '../marking.js';
import { printJson, printTable, shortTime } from '../output.js';
import { uuid } from '../parsers.js';
import { percent } from '../scores.js';
import { heading, printLabelled, statusWord, topicWord, worded } from './commitment-common.js';
import { statusLine } from './commitment-list.js';

interface ShowOptions extends ActingOptions {
  from?: string;
  to?: string;
  json?: boolean;
}

/** An indicator value in its unit: "3.3 kg", "75.0%", "2". */
export function indicatorValue(ctx: CliContext, unit: Trend['unit'], value: number | null): string {
  if (value === null) return '—';
  if (unit === 'share') return percent(value);
  const n = new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 3 }).format(value);
  return unit === 'kg' ? `${n} kg` : n;
}

export function printTrend(ctx: CliContext, trend: Trend): void {
  const { t } = ctx;
  ctx.out(
    t('cli:commitmentShow.indicator', {
      name: t(`cli:cooperation.indicator.${trend.indicator}`, { defaultValue: trend.indicator }),
      target: trend.target === null ? '—' : indicatorValue(ctx, trend.unit, trend.target),
    }),
  );
  const verdict = (met: boolean | null) =>
    met === null ? '' : met ? t('cli:cooperation.met') : t('cli:cooperation.notMet');
  printTable(
    ctx,
    [
      { header: 'month', value: (m) => m.month },
      { header: 'value', value: (m) => indicatorValue(ctx, trend.unit, m.value) },
      { header: 'basis', value: (m) => String(m.basis) },
      { header: 'target', value: (m) => verdict(m.met) },
    ],
    trend.months,
    'cli:commitmentShow.noValues',
  );
}

/** A commitment as text: what, who leads, by when, where it stands, its history and indicator. */
export function printCommitment(ctx: CliContext, c: CommitmentView): void {
  const { t } = ctx;
  printLabelled(ctx, [
    { label: 'cli:cooperation.label.id', value: c.id },
    { label: 'cli:cooperation.label.commitment', value: c.caption },
    { label: 'cli:cooperation.label.text', value: c.text !== c.caption ? c.text : null },
    { label: 'cli:cooperation.label.topic', value: topicWord(t, c.topic) },
    { label: 'cli:cooperation.label.status', value: statusLine(ctx, c) },
    {
      label: 'cli:cooperation.label.lead',
      value: [c.leadCountry, c.leadAgency].filter(Boolean).join(' / '),
    },
    { label: 'cli:cooperation.label.partners', value: c.partnerCountries.join(', ') },
    { label: 'cli:cooperation.label.due', value: c.dueDate },
    {
      label: 'cli:cooperation.label.meeting',
      value: c.meeting && `${c.meeting.caption} (${c.meeting.date ?? '—'})`,
    },
    {
      label: 'cli:cooperation.label.owners',
      value: c.owners.map((o) => (o.role ? `${o.name} (${o.role})` : o.name)).join('; '),
    },
    { label: 'cli:cooperation.label.contributor', value: c.agency },
    { label: 'cli:cooperation.label.marking', value: portionMarking(t, c) },
  ]);
  heading(ctx, 'cli:commitmentShow.history', c.history.length);
  for (const h of c.history) {
    ctx.out(
      `  v${h.version}  ${shortTime(h.changedAt)}  ${h.agency}  ${statusWord(t, h.status)}${h.note ? `: ${h.note}` : ''}`,
    );
    for (const e of h.evidence)
      ctx.out(`      ${t('cli:commitmentShow.evidence', { caption: e.caption, id: e.recordId })}`);
  }
  if (c.trend) {
    ctx.out('');
    printTrend(ctx, c.trend);
  }
}

export function registerCommitmentShow(commitment: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(commitment.command('show'), ctx, 'commitmentShow', [
    'puente commitment show 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --as m.ortiz@fgr.example',
    'puente commitment show 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --from 2024-01 --to 2025-06 --json --as liaison@atf.example',
  ])
    .argument('<id>', t('cli:commitmentShow.id'), uuid(t))
    .option('--from <month>', t('cli:commitmentShow.from'))
    .option('--to <month>', t('cli:commitmentShow.to'));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (id: string, opts: ShowOptions) => {
    const call = await callAs(ctx, opts);
    const view = await worded(ctx, () => getCommitment(call, id, { from: opts.from, to: opts.to }));
    if (!view) return;
    if (opts.json) return printJson(ctx, view);
    printCommitment(ctx, view);
  });
}
