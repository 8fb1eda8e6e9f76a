import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportCommitmentsCsv } from '../../services/cooperation/export-commitments.js';
import type { CommitmentSummary } from '../../services/cooperation/present.js';
import {
  listCommitments,
  type CommitmentFilterInput,
} from '../../services/cooperation/read-commitments.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable, type Column } from '../output.js';
import { positiveNumber } from '../parsers.js';
import { commaList, statusWord, topicWord, worded } from './commitment-common.js';

/** The list's filters, as options (the report takes them too). */
export interface FilterOptions {
  status?: string;
  leadCountry?: string;
  leadAgency?: string;
  topic?: string;
  meeting?: string;
  dueBefore?: string;
  dueAfter?: string;
  overdue?: boolean;
  atRisk?: boolean;
}

export const filterOptions = (cmd: Command, ctx: CliContext): Command =>
  cmd
    .option('--status <list>', ctx.t('cli:commitmentList.status'))
    .option('--lead-country <list>', ctx.t('cli:commitmentList.leadCountry'))
    .option('--lead-agency <list>', ctx.t('cli:commitmentList.leadAgency'))
    .option('--topic <list>', ctx.t('cli:commitmentList.topic'))
    .option('--meeting <id>', ctx.t('cli:commitmentList.meeting'))
    .option('--due-before <day>', ctx.t('cli:commitmentList.dueBefore'))
    .option('--due-after <day>', ctx.t('cli:commitmentList.dueAfter'))
    .option('--overdue', ctx.t('cli:commitmentList.overdue'))
    .option('--at-risk', ctx.t('cli:commitmentList.atRisk'));

export const filterOf = (opts: FilterOptions): CommitmentFilterInput => ({
  status: commaList(opts.status),
  leadCountry: commaList(opts.leadCountry),
  leadAgency: commaList(opts.leadAgency),
  topic: commaList(opts.topic),
  meetingId: opts.meeting,
  dueBefore: opts.dueBefore,
  dueAfter: opts.dueAfter,
  overdue: opts.overdue,
  atRisk: opts.atRisk,
});

interface ListOptions extends ActingOptions, FilterOptions {
  limit?: number;
  cursor?: string;
  csv?: string;
  json?: boolean;
}

/** A status, with "overdue" when the due day has passed. */
export const statusLine = (ctx: CliContext, c: CommitmentSummary): string =>
  `${statusWord(ctx.t, c.status)}${c.overdue ? ` (${ctx.t('cli:cooperation.overdue')})` : ''}`;

/** The columns commitments are listed with, here and under a meeting. */
export const commitmentColumns = (ctx: CliContext): Column<CommitmentSummary>[] => [
  { header: 'id', value: (c) => c.id },
  { header: 'due', value: (c) => c.dueDate },
  { header: 'status', value: (c) => statusLine(ctx, c) },
  { header: 'lead', value: (c) => [c.leadCountry, c.leadAgency].filter(Boolean).join(' / ') },
  { header: 'topic', value: (c) => topicWord(ctx.t, c.topic) },
  { header: 'name', value: (c) => c.caption },
];

export function registerCommitmentList(commitment: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(commitment.command('list'), ctx, 'commitmentList', [
    'puente commitment list --overdue --as secretariat@sspc.example',
    'puente commitment list --at-risk --lead-country MX --as m.ortiz@fgr.example',
    'puente commitment list --status planned,on_track --due-before 2025-12-31 --topic firearms --as a.rivera@hsi.example',
    'puente commitment list --meeting 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --csv compromisos.csv --as m.ortiz@fgr.example',
  ]);
  filterOptions(cmd, ctx)
    .option('--limit <n>', t('cli:commitmentList.limit'), positiveNumber(t))
    .option('--cursor <cursor>', t('cli:commitmentList.cursor'))
    .option('--csv <file>', t('cli:commitmentList.csv'));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (opts: ListOptions) => {
    const call = await callAs(ctx, opts);
    const filter = filterOf(opts);
    if (opts.csv) {
      const csv = await worded(ctx, () => exportCommitmentsCsv(call, filter));
      if (csv === undefined) return;
      if (opts.csv === '-') return ctx.out(csv);
      writeFileSync(opts.csv, csv);
      ctx.note(t('cli:commitmentList.wrote', { file: opts.csv }));
      return;
    }
    const page = await worded(ctx, () =>
      listCommitments(call, { ...filter, limit: opts.limit, cursor: opts.cursor }),
    );
    if (!page) return;
    if (opts.json) return printJson(ctx, page);
    printTable(ctx, commitmentColumns(ctx), page.items, 'cli:commitmentList.none');
    if (page.nextCursor) ctx.note(t('cli:commitmentList.more', { cursor: page.nextCursor }));
  });
}
