import type { Command } from 'commander';
import type { MeetingSummary } from '../../services/cooperation/present.js';
import { listMeetings } from '../../services/cooperation/read-meetings.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable, type Column } from '../output.js';
import { positiveNumber } from '../parsers.js';
import { commaList, topicWord, worded } from './commitment-common.js';

interface ListOptions extends ActingOptions {
  from?: string;
  to?: string;
  country?: string;
  topic?: string;
  format?: string;
  limit?: number;
  cursor?: string;
  json?: boolean;
}

export function registerMeetingList(meeting: Command, ctx: CliContext): void {
  const { t } = ctx;
  const columns: Column<MeetingSummary>[] = [
    { header: 'id', value: (m) => m.id },
    { header: 'date', value: (m) => m.date },
    {
      header: 'format',
      value: (m) => (m.format ? t(`model:value.${m.format}`, { defaultValue: m.format }) : ''),
    },
    { header: 'countries', value: (m) => m.countries.join(', ') },
    { header: 'place', value: (m) => m.place },
    { header: 'topics', value: (m) => m.topics.map((x) => topicWord(t, x)).join(', ') },
    { header: 'name', value: (m) => m.caption },
  ];
  const cmd = describe(meeting.command('list'), ctx, 'meetingList', [
    'puente meeting list --as a.rivera@hsi.example',
    'puente meeting list --from 2025-01-01 --country CA --topic firearms --json --as m.ortiz@fgr.example',
  ])
    .option('--from <day>', t('cli:meetingList.from'))
    .option('--to <day>', t('cli:meetingList.to'))
    .option('--country <list>', t('cli:meetingList.country'))
    .option('--topic <list>', t('cli:meetingList.topic'))
    .option('--format <format>', t('cli:meetingList.format'))
    .option('--limit <n>', t('cli:meetingList.limit'), positiveNumber(t))
    .option('--cursor <cursor>', t('cli:meetingList.cursor'));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (opts: ListOptions) => {
    const call = await callAs(ctx, opts);
    const page = await worded(ctx, () =>
      listMeetings(call, {
        from: opts.from,
        to: opts.to,
        country: commaList(opts.country),
        topic: commaList(opts.topic),
        format: opts.format,
        limit: opts.limit,
        cursor: opts.cursor,
      }),
    );
    if (!page) return;
    if (opts.json) return printJson(ctx, page);
    printTable(ctx, columns, page.items, 'cli:meetingList.none');
    if (page.nextCursor) ctx.note(t('cli:meetingList.more', { cursor: page.nextCursor }));
  });
}
