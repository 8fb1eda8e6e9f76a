import type { Command } from 'commander';
import type { Call } from '../services/context.js';
import { viewerFor } from '../services/identity/viewer-for.js';
import type { CliContext } from './context.js';

export interface ActingOptions {
  as: string;
  purpose?: string;
}

/**
 * --as and --purpose, for commands that read records: the operator never reads them, so the
 * command acts as a named user, under that user's sharing rules and in the audit log as them.
 */
export const actingOptions = (cmd: Command, ctx: CliContext): Command =>
  cmd
    .requiredOption('--as <email|id>', ctx.t('cli:option.as'))
    .option('--purpose <text>', ctx.t('cli:option.purpose'));

/** The call of the user named by --as. */
export async function callAs(ctx: CliContext, opts: ActingOptions): Promise<Call> {
  const operator = await ctx.operator();
  const viewer = await viewerFor(operator, opts.as);
  return { db: operator.db, viewer, purpose: opts.purpose };
}
