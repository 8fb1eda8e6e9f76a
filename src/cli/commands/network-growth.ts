import type { Command } from 'commander';
import { networkGrowth } from '../../services/network/growth.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { networkProgress, scopeOf, scopeOptions, type ScopeOptions } from '../network-options.js';
import { printJson, printTable } from '../output.js';

interface GrowthOptions extends ActingOptions, ScopeOptions {
  json?: boolean;
}

export function registerNetworkGrowth(network: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(network.command('growth [community]'), ctx, 'networkGrowth', [
    'puente network growth 3 --as a.rivera@hsi.example',
    'puente network growth --from 2022-01-01 --to 2023-12-31 --json --as m.ortiz@fgr.example',
  ]);
  jsonOption(actingOptions(scopeOptions(cmd, ctx, { partition: true }), ctx), ctx).action(
    async (community: string | undefined, opts: GrowthOptions) => {
      const progress = networkProgress(ctx);
      const out = await networkGrowth(
        await callAs(ctx, opts),
        { community, ...scopeOf(opts) },
        progress,
      ).finally(progress.finish);
      if (opts.json) return printJson(ctx, out);
      printTable(
        ctx,
        [
          { header: 'month', value: (m) => m.month },
          { header: 'newMembers', value: (m) => String(m.newMembers) },
          { header: 'members', value: (m) => String(m.members) },
          { header: 'newTies', value: (m) => String(m.newTies) },
          { header: 'ties', value: (m) => String(m.ties) },
        ],
        out.months,
        'cli:network.empty',
      );
      if (out.undatedMembers || out.undatedTies)
        ctx.note(
          t('cli:networkGrowth.undated', { members: out.undatedMembers, ties: out.undatedTies }),
        );
    },
  );
}
