import type { Command } from 'commander';
import { addAgency } from '../../services/identity/agencies.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson } from '../output.js';

export function registerAgencyAdd(agency: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(agency.command('add'), ctx, 'agencyAdd', [
    'puente agency add CBP --name "U.S. Customs and Border Protection" --country US',
    'puente agency add FGR --name "Fiscalía General de la República" --country MX --json',
  ])
    .argument('<code>', t('cli:agencyAdd.code'))
    .requiredOption('--name <name>', t('cli:agencyAdd.name'))
    .requiredOption('--country <cc>', t('cli:agencyAdd.country'));
  jsonOption(cmd, ctx).action(
    async (code: string, opts: { name: string; country: string; json?: boolean }) => {
      const added = await addAgency(await ctx.operator(), {
        code,
        name: opts.name,
        country: opts.country,
      });
      if (opts.json) return printJson(ctx, added);
      ctx.out(t('cli:agencyAdd.done', { ...added }));
    },
  );
}
