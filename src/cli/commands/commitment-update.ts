import type { Command } from 'commander';
import { updateCommitment } from '../../services/cooperation/update-commitment.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson } from '../output.js';
import { positiveNumber, uuid } from '../parsers.js';
import { worded } from './commitment-common.js';
import { printCommitment } from './commitment-show.js';

interface UpdateOptions extends ActingOptions {
  status?: string;
  note?: string;
  evidence?: string[];
  expectedVersion?: number;
  json?: boolean;
}

export function registerCommitmentUpdate(commitment: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(commitment.command('update'), ctx, 'commitmentUpdate', [
    'puente commitment update 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --status at_risk --note "Backlog of 1,200 requests; two analysts added in May." --as liaison@atf.example',
    'puente commitment update 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --status done --note "Alertas operando desde junio." --evidence 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9e --as m.ortiz@fgr.example',
  ])
    .argument('<id>', t('cli:commitmentUpdate.id'), uuid(t))
    .option('--note <text>', t('cli:commitmentUpdate.note'))
    .option('--status <status>', t('cli:commitmentUpdate.status'))
    .option('--evidence <ids...>', t('cli:commitmentUpdate.evidence'))
    .option('--expected-version <n>', t('cli:commitmentUpdate.expectedVersion'), positiveNumber(t));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (id: string, opts: UpdateOptions) => {
    const call = await callAs(ctx, opts);
    const view = await worded(ctx, () =>
      updateCommitment(call, id, {
        status: opts.status,
        note: opts.note,
        evidence: opts.evidence,
        expectedVersion: opts.expectedVersion,
      }),
    );
    if (!view) return;
    if (opts.json) return printJson(ctx, view);
    ctx.note(t('cli:commitmentUpdate.done', { version: view.version }));
    printCommitment(ctx, view);
  });
}
