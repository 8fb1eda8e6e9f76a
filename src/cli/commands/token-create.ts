import type { Command } from 'commander';
import { createToken } from '../../services/identity/tokens.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printFields, printJson, shortTime } from '../output.js';
import { uuid, wholeNumber } from '../parsers.js';

interface Options {
  user: string;
  label?: string;
  expiresInDays?: number;
  json?: boolean;
}

export function registerTokenCreate(token: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(token.command('create'), ctx, 'tokenCreate', [
    'puente token create --user 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --label "analysis workstation"',
    'puente token create --user 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --expires-in-days 90 --json',
  ])
    .requiredOption('--user <id>', t('cli:tokenCreate.user'), uuid(t))
    .option('--label <label>', t('cli:tokenCreate.label'))
    .option('--expires-in-days <days>', t('cli:tokenCreate.expires'), wholeNumber(t));
  jsonOption(cmd, ctx).action(async (opts: Options) => {
    const created = await createToken(await ctx.operator(), {
      userId: opts.user,
      label: opts.label,
      expiresInDays: opts.expiresInDays,
    });
    if (opts.json) printJson(ctx, created);
    else {
      printFields(ctx, [
        ['id', created.id],
        ['user', created.userId],
        ['label', created.label],
        ['expires', created.expiresAt ? shortTime(created.expiresAt) : t('cli:tokenCreate.never')],
        ['token', created.token],
      ]);
    }
    ctx.note(t('cli:tokenCreate.shownOnce'));
  });
}
