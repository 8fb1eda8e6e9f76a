import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { LINK_TYPE_NAMES } from '../domain/model/index.js';
import type { Scope } from '../domain/network/scope.js';
import { DERIVED_TIES, NODE_KINDS, type NodeKind } from '../domain/network/ties.js';
import type { NodeView } from '../services/network/present.js';
import { ALGORITHMS, type Algorithm } from '../services/network/communities.js';
import type { CliContext } from './context.js';
import { oneOf } from './parsers.js';
import { statusLine } from './progress.js';

export interface ScopeOptions {
  from?: string;
  to?: string;
  kind?: NodeKind[];
  tie?: string[];
  country?: string[];
  algorithm?: Algorithm;
  resolution?: number;
}

const list =
  <T extends string>(ctx: CliContext, values: readonly T[]) =>
  (raw: string): T[] =>
    raw.split(',').map((s) => oneOf(ctx.t, values)(s));

const day = (ctx: CliContext) => (raw: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw.trim()))
    throw new InvalidArgumentError(ctx.t('cli:usage.expectDay'));
  return raw.trim();
};

/** The scope options every network command takes (date window, kinds, ties, countries). */
export function scopeOptions(cmd: Command, ctx: CliContext, { partition = false } = {}): Command {
  const { t } = ctx;
  cmd
    .option('--from <day>', t('cli:network.from'), day(ctx))
    .option('--to <day>', t('cli:network.to'), day(ctx))
    .option(
      '--kind <kinds>',
      t('cli:network.kind', { kinds: NODE_KINDS.join(', ') }),
      list(ctx, NODE_KINDS),
    )
    .option('--tie <types>', t('cli:network.tie'), list(ctx, [...LINK_TYPE_NAMES, ...DERIVED_TIES]))
    .option('--country <codes>', t('cli:network.country'), (raw: string) =>
      raw.split(',').map((c) => c.trim().toUpperCase()),
    );
  if (partition)
    cmd
      .option('--algorithm <name>', t('cli:network.algorithm'), oneOf(t, ALGORITHMS))
      .option('--resolution <r>', t('cli:network.resolution'), (raw: string) => {
        const r = Number(raw);
        if (!(r > 0 && r <= 10)) throw new InvalidArgumentError(t('cli:network.resolutionRange'));
        return r;
      });
  return cmd;
}

export const scopeOf = (
  o: ScopeOptions,
): Scope & { algorithm?: Algorithm; resolution?: number } => ({
  from: o.from,
  to: o.to,
  kinds: o.kind,
  ties: o.tie,
  countries: o.country,
  algorithm: o.algorithm,
  resolution: o.resolution,
});

/** A node as one line: its name, kind and portion marking ("Genaro Ramírez Lozano · person · TLP:AMBER"). */
export const nodeLine = (ctx: CliContext, n: NodeView): string =>
  `${n.label || n.id} · ${ctx.t(`cli:network.kinds.${n.kind}`)} · TLP:${n.marking}`;

/** Progress of a network analysis on stderr: reading the viewer's records, then the analysis. */
export function networkProgress(ctx: CliContext) {
  const status = statusLine(ctx);
  return {
    loading: (stage: string, done: number) =>
      status.update(() => ctx.t(`cli:network.loading.${stage}`, { count: done })),
    analysing: (done: number, total: number) =>
      status.update(() =>
        ctx.t('cli:network.analysing', { percent: Math.round((100 * done) / Math.max(1, total)) }),
      ),
    finish: () => status.finish(),
  };
}
