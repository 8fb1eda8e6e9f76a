import type { Command } from 'commander';
import { verifyAudit } from '../../services/audit/read-audit.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../errors.js';
import { describe, jsonOption } from '../help.js';
import { printJson } from '../output.js';

export function registerAuditVerify(audit: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(audit.command('verify'), ctx, 'auditVerify', [
    'puente audit verify',
    'puente audit verify --json || echo "audit log tampered with"',
  ]);
  jsonOption(cmd, ctx).action(async (opts: { json?: boolean }) => {
    const call = await ctx.operator();
    // Progress only where a person watches; redirected output stays clean.
    const tty = Boolean(ctx.io.stderr.isTTY);
    const progress = tty
      ? (checked: number, total: number) =>
          ctx.io.stderr.write(`\r${t('cli:auditVerify.progress', { checked, total })}`)
      : undefined;
    const check = await verifyAudit(call, progress);
    if (tty) ctx.io.stderr.write('\r\x1b[K');
    if (check.firstBroken) ctx.exitCode = EXIT.failure;
    if (opts.json) return printJson(ctx, { intact: !check.firstBroken, ...check });
    if (!check.firstBroken) {
      ctx.out(t('cli:auditVerify.intact', { count: check.entries, hash: check.headHash }));
      return;
    }
    const { seq, reason } = check.firstBroken;
    ctx.out(
      t('cli:auditVerify.broken', {
        seq,
        reason: t(`cli:auditVerify.reason.${reason}`),
        code: reason,
      }),
    );
    ctx.out(t('cli:auditVerify.checkedBefore', { count: check.entries }));
  });
}
