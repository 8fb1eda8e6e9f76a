import type { Command } from 'commander';
import { setAgencyTraceRole, TRACE_ROLES } from '../../services/identity/agencies.js';
import type { CliContext } from '../context.js';
import { describe } from '../help.js';
import { oneOf } from '../parsers.js';

export function registerAgencyTraceRole(agency: Command, ctx: CliContext): void {
  const { t } = ctx;
  describe(agency.command('trace-role'), ctx, 'agencyTraceRole', [
    'puente agency trace-role ATF tracer',
    'puente agency trace-role FGR requester',
    'puente agency trace-role SSPC none',
  ])
    .argument('<code>', t('cli:agencyTraceRole.code'))
    .argument('<role>', t('cli:agencyTraceRole.role'), oneOf(t, [...TRACE_ROLES, 'none']))
    .action(async (code: string, role: string) => {
      const a = await setAgencyTraceRole(
        await ctx.operator(),
        code,
        role === 'none' ? null : (role as 'tracer'),
      );
      ctx.note(t('cli:agencyTraceRole.done', { code: a.code, role: a.traceRole ?? 'none' }));
    });
}
