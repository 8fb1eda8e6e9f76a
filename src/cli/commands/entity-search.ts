import type { Command } from 'commander';
import { FEATURE_LEVELS } from '../../domain/resolution/features.js';
import type { EntityKind } from '../../domain/resolution/profile.js';
import type { EntityHit } from '../../services/resolution/search-entities.js';
import { searchEntities } from '../../services/resolution/search-entities.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable, type Column } from '../output.js';
import { oneOf, wholeNumber } from '../parsers.js';
import { percent } from '../scores.js';

// Whatever the resolver compares: persons and organizations.
const KINDS = Object.keys(FEATURE_LEVELS) as EntityKind[];

interface SearchOptions extends ActingOptions {
  kind?: EntityKind;
  limit?: number;
  json?: boolean;
}

export function registerEntitySearch(entity: Command, ctx: CliContext): void {
  const { t } = ctx;
  const columns: Column<EntityHit>[] = [
    { header: 'id', value: (h) => h.id },
    { header: 'kind', value: (h) => t(`cli:kind.${h.kind}`) },
    { header: 'name', value: (h) => h.caption },
    { header: 'records', value: (h) => String(h.records) },
    { header: 'score', value: (h) => percent(h.score) },
    { header: 'matched', value: (h) => h.matchedRecord },
  ];
  const cmd = describe(entity.command('search'), ctx, 'entitySearch', [
    'puente entity search "Pepe Garcia" --as m.ortiz@fgr.example',
    'puente entity search "grupo logistico del norte" --kind organization --as m.ortiz@fgr.example --json',
  ])
    .argument('<query>', t('cli:entitySearch.query'))
    .option('--kind <kind>', t('cli:entitySearch.kind'), oneOf(t, KINDS))
    .option('--limit <n>', t('cli:entitySearch.limit'), wholeNumber(t));
  jsonOption(actingOptions(cmd, ctx), ctx).action(async (q: string, opts: SearchOptions) => {
    const { items } = await searchEntities(await callAs(ctx, opts), {
      q,
      kind: opts.kind,
      limit: opts.limit,
    });
    if (opts.json) return printJson(ctx, items);
    printTable(ctx, columns, items, 'cli:entitySearch.none');
  });
}
