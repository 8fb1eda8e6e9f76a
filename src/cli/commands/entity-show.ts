import type { Command } from 'commander';
import type { RecordView } from '../../services/records/present.js';
import { getEntity, type EntityView } from '../../services/resolution/get-entity.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printFields, printJson, printTable, type Column } from '../output.js';
import { portionMarking } from '../marking.js';
import { uuid } from '../parsers.js';
import { bits, percent } from '../scores.js';

type Pair = EntityView['pairs'][number] & { verdict?: string };

export function registerEntityShow(entity: Command, ctx: CliContext): void {
  const { t } = ctx;
  const marking = (r: RecordView) => portionMarking(t, r);
  const records: Column<RecordView>[] = [
    { header: 'id', value: (r) => r.id },
    { header: 'agency', value: (r) => r.agency },
    { header: 'marking', value: marking },
    { header: 'schema', value: (r) => r.schema },
    { header: 'name', value: (r) => r.caption },
    { header: 'sourceRef', value: (r) => r.sourceRef },
  ];
  const pairs: Column<Pair>[] = [
    { header: 'a', value: (p) => p.a },
    { header: 'b', value: (p) => p.b },
    { header: 'probability', value: (p) => percent(p.probability) },
    { header: 'bits', value: (p) => bits(p.weight) },
    { header: 'decision', value: (p) => (p.verdict ? t(`cli:verdict.${p.verdict}`) : '') },
  ];
  const cmd = describe(entity.command('show'), ctx, 'entityShow', [
    'puente entity show 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --as m.ortiz@fgr.example',
    'puente entity show 0190f5a2-7c1e-7d3a-9b2c-4e5f6a7b8c9d --as 0190f5a2-8d4b-7e21-a3c5-6b7c8d9e0f12 --json',
  ]).argument('<record>', t('cli:entityShow.record'), uuid(t));
  jsonOption(actingOptions(cmd, ctx), ctx).action(
    async (record: string, opts: ActingOptions & { json?: boolean }) => {
      const e = await getEntity(await callAs(ctx, opts), record);
      if (opts.json) return printJson(ctx, e);
      printFields(ctx, [
        ['id', e.id],
        ['kind', t(`cli:kind.${e.kind}`)],
        ['name', e.caption],
        ['records', String(e.records.length)],
      ]);
      ctx.out('');
      printTable(ctx, records, e.records, 'cli:entityShow.noRecords');
      const verdicts = new Map(e.decisions.map((d) => [`${d.a} ${d.b}`, d.verdict]));
      const rows = e.pairs.map((p) => ({ ...p, verdict: verdicts.get(`${p.a} ${p.b}`) }));
      if (rows.length) ctx.out('');
      printTable(ctx, pairs, rows, 'cli:entityShow.noPairs');
      if (e.truncated) ctx.note(t('cli:entityShow.truncated', { count: e.records.length }));
    },
  );
}
