import type { Command } from 'commander';
import { networkStructure } from '../../services/network/structure.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import {
  networkProgress,
  nodeLine,
  scopeOf,
  scopeOptions,
  type ScopeOptions,
} from '../network-options.js';
import { printJson } from '../output.js';

interface StructureOptions extends ActingOptions, ScopeOptions {
  json?: boolean;
}

export function registerNetworkStructure(network: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(network.command('structure [community]'), ctx, 'networkStructure', [
    'puente network structure 3 --as a.rivera@hsi.example',
    'puente network structure --json --as m.ortiz@fgr.example',
  ]);
  jsonOption(actingOptions(scopeOptions(cmd, ctx, { partition: true }), ctx), ctx).action(
    async (community: string | undefined, opts: StructureOptions) => {
      const progress = networkProgress(ctx);
      const out = await networkStructure(
        await callAs(ctx, opts),
        { community, ...scopeOf(opts) },
        progress,
      ).finally(progress.finish);
      if (opts.json) return printJson(ctx, out);
      ctx.out(
        t('cli:networkStructure.summary', {
          nodes: out.nodes,
          edges: out.edges,
          components: out.components.count,
          largest: out.components.sizes[0] ?? 0,
        }),
      );
      ctx.out(t('cli:networkStructure.core', { k: out.core.k, size: out.core.size }));
      for (const n of out.core.members.slice(0, 10)) ctx.out(`  ${nodeLine(ctx, n)}`);
      ctx.out(t('cli:networkStructure.cutPoints', { count: out.cutPoints.count }));
      for (const n of out.cutPoints.nodes.slice(0, 10)) ctx.out(`  ${nodeLine(ctx, n)}`);
      ctx.out(t('cli:networkStructure.bridges', { count: out.bridges.count }));
    },
  );
}
