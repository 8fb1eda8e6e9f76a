import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportNetwork, type ExportFormat } from '../../services/network/export.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe } from '../help.js';
import { networkProgress, scopeOf, scopeOptions, type ScopeOptions } from '../network-options.js';
import { oneOf, positiveNumber } from '../parsers.js';

interface ExportOptions extends ActingOptions, ScopeOptions {
  format: ExportFormat;
  out?: string;
  community?: string;
  entity?: string;
  hops?: number;
}

export function registerNetworkExport(network: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(network.command('export'), ctx, 'networkExport', [
    'puente network export --format gexf --out red.gexf --as a.rivera@hsi.example',
    'puente network export --format graphml --community 3 --out celula.graphml --as m.ortiz@fgr.example',
  ])
    .requiredOption('--format <format>', t('cli:networkExport.format'), oneOf(t, EXPORT_FORMATS))
    .option('--out <file>', t('cli:networkExport.out'))
    .option('--community <community>', t('cli:networkExport.community'))
    .option('--entity <entity>', t('cli:networkExport.entity'))
    .option('--hops <n>', t('cli:networkAround.hops'), positiveNumber(t));
  actingOptions(scopeOptions(cmd, ctx, { partition: true }), ctx).action(
    async (opts: ExportOptions) => {
      const progress = networkProgress(ctx);
      const out = await exportNetwork(
        await callAs(ctx, opts),
        {
          format: opts.format,
          community: opts.community,
          entity: opts.entity,
          hops: opts.hops,
          ...scopeOf(opts),
        },
        progress,
      ).finally(progress.finish);
      if (!opts.out || opts.out === '-') return ctx.out(out.body);
      writeFileSync(opts.out, out.body);
      ctx.note(t('cli:networkExport.wrote', { file: opts.out }));
    },
  );
}
