import type { Command } from 'commander';
import type { Contribution } from '../../domain/resolution/model.js';
import { explainMatch } from '../../services/resolution/explain-match.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printFields, printJson, printTable, type Column } from '../output.js';
import { uuid } from '../parsers.js';
import { bits, percent, share } from '../scores.js';

export function registerExplain(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const columns: Column<Contribution>[] = [
    { header: 'feature', value: (c) => t(`cli:feature.${c.feature}`, { defaultValue: c.feature }) },
    { header: 'level', value: (c) => t(`cli:level.${c.level}`, { defaultValue: c.level }) },
    { header: 'm', value: (c) => share(c.m) },
    { header: 'u', value: (c) => share(c.u) },
    { header: 'bits', value: (c) => bits(c.weight) },
    {
      header: 'frequency',
      value: (c) => (c.value === undefined ? '' : `${bits(c.frequencyAdjustment)} (${c.value})`),
    },
  ];
  const inBits = (n: number) => t('cli:explain.bits', { value: bits(n) });
  const cmd = describe(program.command('explain'), ctx, 'explain', [
    'puente explain 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d 0190f5a2-8d4b-7e21-a3c5-6b7c8d9e0f12 --as m.ortiz@fgr.example',
    'puente explain 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d 0190f5a2-8d4b-7e21-a3c5-6b7c8d9e0f12 --as m.ortiz@fgr.example --purpose "FGR/2025/017" --json',
  ])
    .argument('<a>', t('cli:explain.a'), uuid(t))
    .argument('<b>', t('cli:explain.b'), uuid(t));
  jsonOption(actingOptions(cmd, ctx), ctx).action(
    async (a: string, b: string, opts: ActingOptions & { json?: boolean }) => {
      const e = await explainMatch(await callAs(ctx, opts), a, b);
      if (opts.json) return printJson(ctx, e);
      printFields(ctx, [
        ['a', e.a],
        ['b', e.b],
        ['kind', t(`cli:kind.${e.kind}`)],
      ]);
      ctx.out('');
      printTable(ctx, columns, e.features, 'cli:explain.noFeatures');
      ctx.out('');
      printFields(ctx, [
        [
          'weight',
          t('cli:explain.weight', { weight: inBits(e.weight), prior: inBits(e.priorWeight) }),
        ],
        ['probability', percent(e.probability)],
        ['threshold', `${percent(e.matchProbability)} (${inBits(e.matchWeight)})`],
        ['conflict', e.conflict ? t(`cli:conflict.${e.conflict}`) : t('cli:explain.noConflict')],
        ['decision', e.decision ? t(`cli:verdict.${e.decision}`) : t('cli:explain.noDecision')],
        ['sameEntity', t(e.sameEntity ? 'cli:explain.yes' : 'cli:explain.no')],
      ]);
    },
  );
}
