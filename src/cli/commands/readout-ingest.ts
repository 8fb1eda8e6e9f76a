import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { acceptReadout } from '../../services/readouts/accept-readout.js';
import { READOUT_FORMATS } from '../../services/readouts/document-text.js';
import { proposeReadout, type ReadoutProposal } from '../../services/readouts/propose-readout.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson } from '../output.js';
import { meetingRows } from './meeting-show.js';
import {
  heading,
  printLabelled,
  readJsonFile,
  sharingOf,
  sharingOptions,
  topicWord,
  worded,
  type SharingOptions,
} from './commitment-common.js';

interface IngestOptions extends ActingOptions, SharingOptions {
  format?: string;
  accept?: boolean;
  proposal?: string;
  json?: boolean;
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch {
    throw new AppError('not_found', { kind: 'file', id: file });
  }
}

const orDash = (v: string | null | undefined) => v || '—';

/** The proposal as text, for the person who will review it. */
function printProposal(ctx: CliContext, p: ReadoutProposal): void {
  const { t } = ctx;
  const m = p.meeting;
  printLabelled(ctx, [
    { label: 'cli:readout.label.language', value: t(`cli:readout.language.${p.language}`) },
    { label: 'cli:readout.label.kind', value: t(`cli:cooperation.documentKind.${p.kind}`) },
    { label: 'cli:cooperation.label.meeting', value: m.name ?? p.title },
    ...meetingRows(ctx, m),
  ]);
  heading(ctx, 'cli:readout.participants', p.participants.length);
  for (const x of p.participants) {
    const who = [x.title, x.agency ?? x.agencyName, x.country].filter(Boolean).join(' · ');
    ctx.out(`  ${x.name}${who ? ` — ${who}` : ''}`);
    ctx.out(
      x.match
        ? `    ${t('cli:readout.matched', { name: x.match.name, id: x.match.personId, score: x.match.score.toFixed(2), reasons: x.match.reasons.join(', ') })}`
        : `    ${t('cli:readout.newPerson', { count: x.candidates.length })}`,
    );
  }
  if (p.organizations.length) {
    heading(ctx, 'cli:readout.organizations', p.organizations.length);
    for (const o of p.organizations)
      ctx.out(`  ${o.name}${o.agency ? ` (${o.agency}, ${orDash(o.country)})` : ''}`);
  }
  printLabelled(ctx, [
    { label: 'cli:readout.label.places', value: p.places.join(', ') },
    { label: 'cli:readout.label.dates', value: p.dates.join(', ') },
  ]);
  heading(ctx, 'cli:readout.commitments', p.commitments.length);
  p.commitments.forEach((c, i) => {
    ctx.out(`  ${i + 1}. ${c.text}`);
    ctx.out(
      `     ${t('cli:readout.commitmentLine', {
        topic: orDash(topicWord(t, c.topic)),
        lead: orDash([c.leadCountry, c.leadAgency].filter(Boolean).join(' / ')),
        partners: orDash(c.partnerCountries.join(', ')),
        due: orDash(c.dueDate),
        cue: c.cue,
      })}`,
    );
  });
}

export function registerReadoutIngest(readout: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(readout.command('ingest'), ctx, 'readoutIngest', [
    'puente readout ingest readout-2025-03-05.pdf --as secretariat@sspc.example',
    'puente readout ingest comunicado.html --json --as secretariat@sspc.example > propuesta.json',
    'puente readout ingest comunicado.html --accept --proposal propuesta.json --marking GREEN --as secretariat@sspc.example',
  ])
    .argument('<file>', t('cli:readoutIngest.file'))
    .option(
      '--format <format>',
      t('cli:readoutIngest.format', { values: READOUT_FORMATS.join(', ') }),
    )
    .option('--accept', t('cli:readoutIngest.accept'))
    .option('--proposal <file>', t('cli:readoutIngest.proposal'));
  jsonOption(actingOptions(sharingOptions(cmd, ctx), ctx), ctx).action(
    async (file: string, opts: IngestOptions) => {
      const source = { content: readBytes(file), format: opts.format, filename: basename(file) };
      const call = await callAs(ctx, opts);
      if (!opts.accept) {
        if (opts.proposal) ctx.note(t('cli:readoutIngest.proposalIgnored'));
        const proposal = await worded(ctx, () => proposeReadout(call, source));
        if (!proposal) return;
        if (opts.json) return printJson(ctx, proposal);
        printProposal(ctx, proposal);
        ctx.note(`\n${t('cli:readoutIngest.review', { file })}`);
        return;
      }
      const proposal = opts.proposal
        ? readJsonFile(opts.proposal)
        : await worded(ctx, () => proposeReadout(call, source));
      if (!proposal) return;
      const saved = await worded(ctx, () =>
        acceptReadout(call, { ...source, ...sharingOf(opts), proposal }),
      );
      if (!saved) return;
      if (opts.json) return printJson(ctx, saved);
      ctx.note(
        t('cli:readoutIngest.saved', {
          meeting: saved.meeting.id,
          people: saved.participants.filter((p) => p.created).length,
          matched: saved.participants.filter((p) => !p.created).length,
          count: saved.commitments.length,
        }),
      );
    },
  );
}
