import type { Command } from 'commander';
import { isUuid } from '../../domain/ids.js';
import {
  createMeeting,
  type CreateMeetingInput,
} from '../../services/cooperation/create-meeting.js';
import { actingOptions, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { addAction, commaList, sharingOptions, type SharingOptions } from './commitment-common.js';
import { printMeeting } from './meeting-show.js';

interface AddOptions extends ActingOptions, SharingOptions {
  name?: string;
  date?: string;
  endDate?: string;
  place?: string;
  countries?: string;
  format?: string;
  topics?: string;
  participant?: string[];
  document?: string[];
  sourceRef?: string;
  json?: boolean;
}

const parts = (spec: string) => spec.split('|').map((s) => s.trim());

/** "NAME or PERSON_ID | title | agency" */
function participantOf(spec: string): Record<string, string | undefined> {
  const [who = '', title, agency] = parts(spec);
  return {
    ...(isUuid(who) ? { personId: who } : { name: who }),
    title: title || undefined,
    agency: agency || undefined,
  };
}

/** "DOCUMENT_ID | kind", or "kind | language | title | url" for a new document. */
function documentOf(spec: string): Record<string, string | undefined> {
  const [first = '', second, third, fourth] = parts(spec);
  if (isUuid(first)) return { documentId: first, kind: second || undefined };
  return {
    kind: first,
    language: second,
    title: third,
    url: fourth || undefined,
  };
}

export function registerMeetingAdd(meeting: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(meeting.command('add'), ctx, 'meetingAdd', [
    'puente meeting add --name "Trilateral Fentanyl Committee, third session" --date 2025-03-05 --end-date 2025-03-06 --place "Ciudad de México" --countries MX,US,CA --topics fentanyl_precursors,firearms --marking GREEN --as secretariat@sspc.example',
    'puente meeting add --date 2025-05-14 --place Ottawa --countries CA,US --participant "Claire Tremblay|Deputy Commissioner|RCMP" --participant "0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d|Deputy Attorney General|DOJ" --document "joint_statement|en|Joint statement|https://example.org/js" --marking AMBER --rel CA,US --as liaison@rcmp.example',
    'puente meeting add reunion.json --as secretariat@sspc.example --json',
  ])
    .argument('[file]', t('cli:meetingAdd.file'))
    .option('--name <name>', t('cli:meetingAdd.name'))
    .option('--date <day>', t('cli:meetingAdd.date'))
    .option('--end-date <day>', t('cli:meetingAdd.endDate'))
    .option('--place <place>', t('cli:meetingAdd.place'))
    .option('--countries <list>', t('cli:meetingAdd.countries'))
    .option('--format <format>', t('cli:meetingAdd.format'))
    .option('--topics <list>', t('cli:meetingAdd.topics'))
    .option('--participant <spec...>', t('cli:meetingAdd.participant'))
    .option('--document <spec...>', t('cli:meetingAdd.document'))
    .option('--source-ref <ref>', t('cli:meetingAdd.sourceRef'));
  jsonOption(actingOptions(sharingOptions(cmd, ctx), ctx), ctx).action(
    addAction(ctx, {
      fromOptions: (opts: AddOptions, sharing): CreateMeetingInput => ({
        name: opts.name,
        date: opts.date,
        endDate: opts.endDate,
        place: opts.place,
        countries: commaList(opts.countries),
        format: opts.format,
        topics: commaList(opts.topics),
        participants: (opts.participant ?? []).map(participantOf),
        documents: (opts.document ?? []).map(documentOf),
        sourceRef: opts.sourceRef,
        ...sharing,
      }),
      create: createMeeting,
      done: 'cli:meetingAdd.done',
      print: printMeeting,
    }),
  );
}
