import type { Command } from 'commander';
import { MEASURES, networkDisrupt } from '../../services/network/disrupt.js';
import type { DisruptionMeasure } from '../../domain/network/structure/disruption.js';
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
import { oneOf, positiveNumber } from '../parsers.js';

interface DisruptOptions extends ActingOptions, ScopeOptions {
  remove?: number;
  measure?: DisruptionMeasure;
  json?: boolean;
}

export function registerNetworkDisrupt(network: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(network.command('disrupt <community>'), ctx, 'networkDisrupt', [
    'puente network disrupt 3 --remove 3 --as a.rivera@hsi.example',
    'puente network disrupt 0191c2a4-… --measure efficiency --as m.ortiz@fgr.example',
  ])
    .option('--remove <n>', t('cli:networkDisrupt.remove'), positiveNumber(t))
    .option('--measure <measure>', t('cli:networkDisrupt.measure'), oneOf(t, MEASURES));
  jsonOption(actingOptions(scopeOptions(cmd, ctx, { partition: true }), ctx), ctx).action(
    async (community: string, opts: DisruptOptions) => {
      const progress = networkProgress(ctx);
      const out = await networkDisrupt(
        await callAs(ctx, opts),
        { community, remove: opts.remove, measure: opts.measure, ...scopeOf(opts) },
        progress,
      ).finally(progress.finish);
      if (opts.json) return printJson(ctx, out);
      const value = (x: number) => (out.measure === 'efficiency' ? x.toFixed(3) : String(x));
      printTable(
        ctx,
        [
          { header: 'node', value: (s) => nodeLine(ctx, s.node) },
          { header: 'before', value: (s) => value(s.before) },
          { header: 'after', value: (s) => value(s.after) },
          { header: 'components', value: (s) => String(s.components) },
        ],
        out.steps,
        'cli:network.empty',
      );
      ctx.note(
        t(`cli:networkDisrupt.summary.${out.measure}`, {
          community: out.community,
          initial: value(out.initial),
          final: value(out.final),
        }),
      );
      if (out.approximate) ctx.note(t('cli:networkDisrupt.approximate'));
    },
  );
}
