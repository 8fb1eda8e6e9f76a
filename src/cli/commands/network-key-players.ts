import type { Command } from 'commander';
import { networkKeyPlayers } from '../../services/network/key-players.js';
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

interface KeyPlayersOptions extends ActingOptions, ScopeOptions {
  all?: boolean;
  top?: number;
  samples?: number;
  json?: boolean;
}

export function registerNetworkKeyPlayers(network: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(network.command('key-players [community]'), ctx, 'networkKeyPlayers', [
    'puente network key-players 3 --as a.rivera@hsi.example',
    'puente network key-players --all --top 20 --as m.ortiz@fgr.example',
  ])
    .option('--all', t('cli:networkKeyPlayers.all'))
    .option('--top <n>', t('cli:networkKeyPlayers.top'), positiveNumber(t))
    .option('--samples <n>', t('cli:networkKeyPlayers.samples'), positiveNumber(t));
  jsonOption(actingOptions(scopeOptions(cmd, ctx, { partition: true }), ctx), ctx).action(
    async (community: string | undefined, opts: KeyPlayersOptions) => {
      if (!community === !opts.all)
        throw cmd.error(t('cli:networkKeyPlayers.which'), { exitCode: 2 });
      const progress = networkProgress(ctx);
      const out = await networkKeyPlayers(
        await callAs(ctx, opts),
        { community, top: opts.top, samples: opts.samples, ...scopeOf(opts) },
        progress,
      ).finally(progress.finish);
      if (opts.json) return printJson(ctx, out);
      printTable(
        ctx,
        [
          { header: 'rank', value: (p) => String(p.rank) },
          { header: 'node', value: (p) => nodeLine(ctx, p.node) },
          { header: 'score', value: (p) => p.score.toFixed(3) },
          { header: 'betweenness', value: (p) => p.betweenness.toFixed(4) },
          { header: 'pagerank', value: (p) => p.pagerank.toFixed(4) },
          { header: 'degree', value: (p) => String(p.degree) },
          { header: 'cutPoint', value: (p) => (p.cutPoint ? t('cli:networkKeyPlayers.cut') : '') },
          { header: 'id', value: (p) => p.node.id },
        ],
        out.players,
        'cli:network.empty',
      );
      const b = out.betweenness;
      ctx.note(
        b.exact
          ? t('cli:networkKeyPlayers.exact', { nodes: out.nodes, edges: out.edges })
          : t('cli:networkKeyPlayers.sampled', {
              nodes: out.nodes,
              edges: out.edges,
              samples: b.samples,
              error: (b.errorBound ?? 0).toFixed(4),
            }),
      );
    },
  );
}
