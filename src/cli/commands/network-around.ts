import type { Command } from 'commander';
import { networkAround } from '../../services/network/around.js';
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
import { printJson, printTable } from '../output.js';
import { positiveNumber } from '../parsers.js';

interface AroundOptions extends ActingOptions, ScopeOptions {
  hops?: number;
  maxNodes?: number;
  json?: boolean;
}

export function registerNetworkAround(network: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(network.command('around <entity>'), ctx, 'networkAround', [
    'puente network around 0191c2a4-… --hops 2 --as a.rivera@hsi.example',
    'puente network around 0191c2a4-… --kind person,phone --from 2022-01-01 --json --as m.ortiz@fgr.example',
  ])
    .option('--hops <n>', t('cli:networkAround.hops'), positiveNumber(t))
    .option('--max-nodes <n>', t('cli:networkAround.maxNodes'), positiveNumber(t));
  jsonOption(actingOptions(scopeOptions(cmd, ctx), ctx), ctx).action(
    async (entity: string, opts: AroundOptions) => {
      const progress = networkProgress(ctx);
      const out = await networkAround(
        await callAs(ctx, opts),
        { entity, hops: opts.hops, maxNodes: opts.maxNodes, ...scopeOf(opts) },
        progress,
      ).finally(progress.finish);
      if (opts.json) return printJson(ctx, out);
      printTable(
        ctx,
        [
          { header: 'distance', value: (n) => String(n.distance) },
          { header: 'node', value: (n) => nodeLine(ctx, n) },
          { header: 'id', value: (n) => n.id },
        ],
        out.nodes,
        'cli:network.empty',
      );
      ctx.note(
        t('cli:networkAround.summary', {
          nodes: out.nodes.length,
          ties: out.edges.length,
          hops: out.hops,
        }),
      );
      if (out.truncated) ctx.note(t('cli:networkAround.truncated'));
    },
  );
}
