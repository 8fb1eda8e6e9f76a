import type { Command } from 'commander';
import { revokeToken } from '../../services/identity/tokens.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, shortTime } from '../output.js';
import { uuid } from '../parsers.js';

export function registerTokenRevoke(token: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(token.command('revoke'), ctx, 'tokenRevoke', [
    'puente token revoke 0190f5a2-8d4b-7e21-a3c5-6b7c8d9e0f12',
  ]).argument('<id>', t('cli:tokenRevoke.id'), uuid(t));
  jsonOption(cmd, ctx).action(async (id: string, opts: { json?: boolean }) => {
    const revoked = await revokeToken(await ctx.operator(), id);
    if (opts.json) return printJson(ctx, revoked);
    ctx.out(t('cli:tokenRevoke.done', { id: revoked.id, at: shortTime(revoked.revokedAt) }));
  });
}
