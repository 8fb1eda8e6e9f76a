import type { Command } from 'commander';
import type { MeetingView } from '../../services/cooperation/present.js';
import { getMeeting } from '../../services/cooperation/read-meetings.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { portionMarking } from '../marking.js';
import { printJson, printTable } from '../output.js';
import { uuid } from '../parsers.js';
import { commitmentColumns } from './commitment-list.js';
import { heading, printLabelled, topicWord, worded } from './commitment-common.js';

type ShowOptions = ActingOptions & { json?: boolean };

export interface MeetingFacts {
  date: string | null;
  endDate: string | null;
  place: string | null;
  format: string | null;
  countries: string[];
  topics: string[];
}

/** When, where, between whom and about what a meeting was: for a meeting and a proposed one. */
export function meetingRows(ctx: CliContext, m: MeetingFacts) {
  const { t } = ctx;
  return [
    {
      label: 'cli:cooperation.label.dates',
      value: m.endDate && m.endDate !== m.date ? `${m.date} – ${m.endDate}` : m.date,
    },
    { label: 'cli:cooperation.label.place', value: m.place },
    {
      label: 'cli:cooperation.label.format',
      value: [
        m.format && t(`model:value.${m.format}`, { defaultValue: m.format }),
        m.countries.join(', '),
      ]
        .filter(Boolean)
        .join(': '),
    },
    {
      label: 'cli:cooperation.label.topics',
      value: m.topics.map((x) => topicWord(t, x)).join(', '),
    },
  ];
}

/** A meeting as text: what it was, who came for whom, what was agreed, what was published. */
export function printMeeting(ctx: CliContext, m: MeetingView): void {
  const { t } = ctx;
  printLabelled(ctx, [
    { label: 'cli:cooperation.label.id', value: m.id },
    { label: 'cli:cooperation.label.meeting', value: m.caption },
    ...meetingRows(ctx, m),
    { label: 'cli:cooperation.label.contributor', value: m.agency },
    { label: 'cli:cooperation.label.marking', value: portionMarking(t, m) },
  ]);
  for (const d of m.delegations) {
    heading(ctx, 'cli:meetingShow.delegation', d.participants.length);
    ctx.out(`  ${d.country ?? t('cli:meetingShow.noCountry')}`);
    printTable(
      ctx,
      [
        { header: 'name', value: (p) => p.name },
        { header: 'title', value: (p) => p.title },
        { header: 'agency', value: (p) => p.agency },
      ],
      d.participants,
      'cli:meetingShow.noParticipants',
    );
  }
  heading(ctx, 'cli:meetingShow.commitments', m.commitments.length);
  printTable(ctx, commitmentColumns(ctx), m.commitments, 'cli:meetingShow.noCommitments');
  heading(ctx, 'cli:meetingShow.documents', m.documents.length);
  printTable(
    ctx,
    [
      {
        header: 'kind',
        value: (d) => t(`cli:cooperation.documentKind.${d.kind}`, { defaultValue: d.kind }),
      },
      { header: 'language', value: (d) => d.language },
      { header: 'date', value: (d) => d.date },
      { header: 'title', value: (d) => d.title },
      { header: 'id', value: (d) => d.documentId },
    ],
    m.documents,
    'cli:meetingShow.noDocuments',
  );
}

export function registerMeetingShow(meeting: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(meeting.command('show'), ctx, 'meetingShow', [
    'puente meeting show 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --as a.rivera@hsi.example',
    'puente meeting show 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --json --as m.ortiz@fgr.example',
  ]).argument('<id>', t('cli:meetingShow.id'), uuid(t));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (id: string, opts: ShowOptions) => {
    const call = await callAs(ctx, opts);
    const view = await worded(ctx, () => getMeeting(call, id));
    if (!view) return;
    if (opts.json) return printJson(ctx, view);
    printMeeting(ctx, view);
  });
}
