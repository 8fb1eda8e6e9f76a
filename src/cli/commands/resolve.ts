import { closeSync, createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { exportResolution } from '../../services/resolution/export-resolution.js';
import {
  resolveAll,
  type ResolveProgress,
  type ResolveSummary,
} from '../../services/resolution/resolve-all.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable, type Column } from '../output.js';
import { positiveNumber } from '../parsers.js';
import { statusLine } from '../progress.js';
import { share } from '../scores.js';

interface ResolveOptions {
  export?: string;
  workers?: number;
  json?: boolean;
}

type ModelRow = { kind: keyof ResolveSummary['models'] } & ResolveSummary['models']['person'];

/**
 * Writes the operator's clustering as NDJSON, one line per record, to a file opened before the
 * run (a bad path fails at once, not after it); returns the count.
 */
async function writeExport(ctx: CliContext, fd: number): Promise<number> {
  const file = createWriteStream('', { fd });
  let failure: Error | undefined;
  file.on('error', (err) => (failure = err));
  try {
    const count = await exportResolution(await ctx.operator(), async (line) => {
      if (failure) throw failure;
      if (!file.write(`${JSON.stringify(line)}\n`)) await once(file, 'drain');
    });
    await new Promise<void>((done, fail) => file.end(() => (failure ? fail(failure) : done())));
    return count;
  } finally {
    file.destroy();
  }
}

export function registerResolve(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const modelColumns: Column<ModelRow>[] = [
    { header: 'kind', value: (m) => t(`cli:kind.${m.kind}`) },
    { header: 'prior', value: (m) => share(m.lambda) },
    { header: 'pairs', value: (m) => String(m.trainedOn.pairs) },
    { header: 'labelled', value: (m) => String(m.trainedOn.labelled) },
    { header: 'iterations', value: (m) => String(m.trainedOn.iterations) },
  ];
  const cmd = describe(program.command('resolve'), ctx, 'resolve', [
    'puente resolve',
    'puente resolve --workers 4 --json',
    'puente resolve --export entities.ndjson',
  ])
    .option('--export <file>', t('cli:resolve.export'))
    .option('--workers <n>', t('cli:resolve.workers'), positiveNumber(t));
  jsonOption(cmd, ctx).action(async (opts: ResolveOptions) => {
    const operator = await ctx.operator();
    const fd = opts.export === undefined ? undefined : openSync(opts.export, 'w');
    const status = statusLine(ctx);
    const line = (p: ResolveProgress) =>
      t(`cli:resolve.phase.${p.phase}`, { done: p.done, total: p.total });
    let summary: ResolveSummary;
    try {
      summary = await resolveAll(operator, {
        workers: opts.workers,
        onProgress: (p) => status.update(() => line(p)),
      });
    } catch (err) {
      if (fd !== undefined) closeSync(fd);
      throw err;
    } finally {
      status.finish();
    }
    const lines = fd === undefined ? undefined : await writeExport(ctx, fd);
    if (opts.json)
      return printJson(ctx, {
        ...summary,
        export: opts.export === undefined ? null : { file: opts.export, lines },
      });
    ctx.out(
      t('cli:resolve.summary', {
        records: summary.records,
        persons: summary.persons,
        organizations: summary.organizations,
        entities: summary.entities,
        merged: summary.mergedEntities,
        seconds: summary.seconds.toFixed(1),
      }),
    );
    ctx.out(t('cli:resolve.pairs', { candidates: summary.candidatePairs, pairs: summary.pairs }));
    ctx.out('');
    const models = Object.entries(summary.models).map(([kind, m]) => ({ kind, ...m }) as ModelRow);
    printTable(ctx, modelColumns, models, 'cli:resolve.noModels');
    if (summary.skippedBlocks)
      ctx.note(t('cli:resolve.skippedBlocks', { count: summary.skippedBlocks }));
    if (opts.export !== undefined)
      ctx.note(t('cli:resolve.exported', { count: lines, file: opts.export }));
  });
}
