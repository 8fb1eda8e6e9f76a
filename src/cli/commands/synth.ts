import type { Command } from 'commander';
import { generateSynth, type SynthFile } from '../../synth/generate.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson, printTable, type Column } from '../output.js';
import { wholeNumber } from '../parsers.js';

// Stated in the translated option help, so commander's English "(default: …)" is not added.
const DEFAULT_SCALE = 50_000;
const DEFAULT_SEED = 1;

const count = (n: number) => n.toLocaleString('en-US');
const total = (f: SynthFile) => Object.values(f.records).reduce((s, n) => s + n, 0);

const COLUMNS: Column<SynthFile>[] = [
  { header: 'file', value: (f) => f.file },
  { header: 'agency', value: (f) => f.agency },
  { header: 'rows', value: (f) => count(f.rows) },
  { header: 'records', value: (f) => count(total(f)) },
  { header: 'links', value: (f) => count(f.links) },
  { header: 'size', value: (f) => `${(f.bytes / 1e6).toFixed(1)} MB` },
];

interface SynthOptions {
  scale?: number;
  seed?: number;
  out: string;
  json?: boolean;
}

export function registerSynth(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(program.command('synth'), ctx, 'synth', [
    'puente synth --out ./synthetic',
    'puente synth --scale 1000000 --seed 7 --out /tmp/big --json',
  ])
    .requiredOption('--out <dir>', t('cli:synth.out'))
    .option('--scale <n>', t('cli:synth.scale'), wholeNumber(t))
    .option('--seed <n>', t('cli:synth.seed'), wholeNumber(t));
  jsonOption(cmd, ctx).action((opts: SynthOptions) => {
    const started = performance.now();
    const summary = generateSynth({
      scale: opts.scale ?? DEFAULT_SCALE,
      seed: opts.seed ?? DEFAULT_SEED,
      out: opts.out,
      progress: (file, rows) => ctx.note(t('cli:synth.progress', { file, rows: count(rows) })),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (opts.json) return printJson(ctx, { ...summary, seconds: Number(seconds) });
    printTable(ctx, COLUMNS, summary.files, 'cli:synth.none');
    ctx.out(
      t('cli:synth.done', {
        records: count(summary.records),
        links: count(summary.links),
        files: summary.files.length,
        out: summary.out,
        seconds,
        seed: summary.seed,
        scale: count(summary.scale),
      }),
    );
    ctx.out(
      t('cli:synth.truth', {
        networks: summary.networks,
        recoveries: count(summary.recoveries),
        out: summary.out,
      }),
    );
  });
}
