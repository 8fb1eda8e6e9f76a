import type { Command } from 'commander';
import { networkPath, PATH_MODES, type PathMode } from '../../services/network/path.js';
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
import { oneOf } from '../parsers.js';

interface PathOptions extends ActingOptions, ScopeOptions {
  mode?: PathMode;
  json?: boolean;
}

export function registerNetworkPath(network: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(network.command('path <a> <b>'), ctx, 'networkPath', [
    'puente network path 0191c2a4-… 0191c2b7-… --as a.rivera@hsi.example',
    'puente network path 0191c2a4-… 0191c2b7-… --mode strongest --as m.ortiz@fgr.example',
  ]).option('--mode <mode>', t('cli:networkPath.mode'), oneOf(t, PATH_MODES));
  jsonOption(actingOptions(scopeOptions(cmd, ctx), ctx), ctx).action(
    async (a: string, b: string, opts: PathOptions) => {
      const progress = networkProgress(ctx);
      const out = await networkPath(
        await callAs(ctx, opts),
        { a, b, mode: opts.mode, ...scopeOf(opts) },
        progress,
      ).finally(progress.finish);
      if (opts.json) return printJson(ctx, out);
      if (!out.found) return ctx.note(t('cli:networkPath.none'));
      out.nodes.forEach((n, i) => {
        ctx.out(`${i === 0 ? '  ' : '→ '}${nodeLine(ctx, n)}`);
        const e = out.edges[i];
        if (e)
          ctx.out(
            `    ${e.ties.map((tie) => `${t(`cli:network.ties.${tie.type}`, { defaultValue: tie.type })} ×${tie.count}`).join(', ')}`,
          );
      });
      ctx.note(
        out.strength === null
          ? t('cli:networkPath.hops', { count: out.edges.length })
          : t('cli:networkPath.strength', {
              count: out.edges.length,
              strength: out.strength.toFixed(3),
            }),
      );
    },
  );
}
