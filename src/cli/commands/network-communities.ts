import type { Command } from 'commander';
import { networkCommunities } from '../../services/network/communities.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { networkProgress, scopeOf, scopeOptions, type ScopeOptions } from '../network-options.js';
import { printJson, printTable } from '../output.js';
import { positiveNumber, wholeNumber } from '../parsers.js';

interface CommunitiesOptions extends ActingOptions, ScopeOptions {
  minSize?: number;
  offset?: number;
  limit?: number;
  json?: boolean;
}

export function registerNetworkCommunities(network: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(network.command('communities'), ctx, 'networkCommunities', [
    'puente network communities --as a.rivera@hsi.example',
    'puente network communities --algorithm leiden --from 2022-01-01 --min-size 5 --as m.ortiz@fgr.example',
  ])
    .option('--min-size <n>', t('cli:networkCommunities.minSize'), positiveNumber(t))
    .option('--offset <n>', t('cli:networkCommunities.offset'), wholeNumber(t))
    .option('--limit <n>', t('cli:networkCommunities.limit'), positiveNumber(t));
  jsonOption(actingOptions(scopeOptions(cmd, ctx, { partition: true }), ctx), ctx).action(
    async (opts: CommunitiesOptions) => {
      const progress = networkProgress(ctx);
      const out = await networkCommunities(
        await callAs(ctx, opts),
        { minSize: opts.minSize, offset: opts.offset, limit: opts.limit, ...scopeOf(opts) },
        progress,
      ).finally(progress.finish);
      if (opts.json) return printJson(ctx, out);
      printTable(
        ctx,
        [
          { header: 'community', value: (c) => String(c.id) },
          { header: 'size', value: (c) => String(c.size) },
          { header: 'ties', value: (c) => String(c.ties) },
          { header: 'marking', value: (c) => `TLP:${c.marking}` },
          { header: 'members', value: (c) => c.members.map((m) => m.label).join('; ') },
        ],
        out.communities,
        'cli:network.empty',
      );
      ctx.note(
        t('cli:networkCommunities.summary', {
          count: out.count,
          listed: out.listed,
          modularity: out.modularity.toFixed(3),
          nodes: out.nodes,
          edges: out.edges,
          algorithm: out.algorithm,
        }),
      );
    },
  );
}
