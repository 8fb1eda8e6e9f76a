import type { Command } from 'commander';
import {
  createCommitment,
  type CreateCommitmentInput,
} from '../../services/cooperation/create-commitment.js';
import { actingOptions, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { addAction, commaList, sharingOptions, type SharingOptions } from './commitment-common.js';
import { printCommitment } from './commitment-show.js';

interface AddOptions extends ActingOptions, SharingOptions {
  meeting?: string;
  text?: string;
  name?: string;
  topic?: string;
  leadCountry?: string;
  leadAgency?: string;
  partners?: string;
  due?: string;
  status?: string;
  owner?: string[];
  indicator?: string;
  target?: string;
  sourceRef?: string;
  json?: boolean;
}

/** "RECORD_ID | role" */
function ownerOf(spec: string) {
  const [id = '', role] = spec.split('|').map((s) => s.trim());
  return { recordId: id, ...(role ? { role } : {}) };
}

export function registerCommitmentAdd(commitment: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(commitment.command('add'), ctx, 'commitmentAdd', [
    'puente commitment add --meeting 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --text "Trace requests for guns recovered in Mexico are answered within 30 days." --topic firearms --lead-country US --lead-agency ATF --partners MX --due 2025-09-30 --indicator traces_answered_30d --target 0.9 --marking GREEN --as liaison@atf.example',
    'puente commitment add --meeting 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --text "Alertas de embarques de precursores en 72 horas." --topic fentanyl_precursors --lead-country MX --lead-agency ANAM --partners US,CA --due 2025-06-30 --owner "0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9e|enlace" --marking GREEN --as m.ortiz@fgr.example',
    'puente commitment add compromiso.json --as m.ortiz@fgr.example --json',
  ])
    .argument('[file]', t('cli:commitmentAdd.file'))
    .option('--meeting <id>', t('cli:commitmentAdd.meeting'))
    .option('--text <text>', t('cli:commitmentAdd.text'))
    .option('--name <name>', t('cli:commitmentAdd.name'))
    .option('--topic <topic>', t('cli:commitmentAdd.topic'))
    .option('--lead-country <cc>', t('cli:commitmentAdd.leadCountry'))
    .option('--lead-agency <agency>', t('cli:commitmentAdd.leadAgency'))
    .option('--partners <list>', t('cli:commitmentAdd.partners'))
    .option('--due <day>', t('cli:commitmentAdd.due'))
    .option('--status <status>', t('cli:commitmentAdd.status'))
    .option('--owner <spec...>', t('cli:commitmentAdd.owner'))
    .option('--indicator <name>', t('cli:commitmentAdd.indicator'))
    .option('--target <number>', t('cli:commitmentAdd.target'))
    .option('--source-ref <ref>', t('cli:commitmentAdd.sourceRef'));
  jsonOption(actingOptions(sharingOptions(cmd, ctx), ctx), ctx).action(
    addAction(ctx, {
      fromOptions: (opts: AddOptions, sharing): CreateCommitmentInput => ({
        meetingId: opts.meeting,
        text: opts.text,
        name: opts.name,
        topic: opts.topic,
        leadCountry: opts.leadCountry,
        leadAgency: opts.leadAgency,
        partnerCountries: commaList(opts.partners),
        dueDate: opts.due,
        status: opts.status,
        owners: (opts.owner ?? []).map(ownerOf),
        // A target without an indicator is refused by the check, not dropped.
        indicator:
          opts.indicator !== undefined || opts.target !== undefined
            ? { name: opts.indicator ?? '', target: opts.target ?? '' }
            : undefined,
        sourceRef: opts.sourceRef,
        ...sharing,
      }),
      create: createCommitment,
      done: 'cli:commitmentAdd.done',
      print: printCommitment,
    }),
  );
}
