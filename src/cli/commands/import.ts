import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { parseEncoding } from '../../import/encoding.js';
import { compileMapping } from '../../import/mapping/compile-mapping.js';
import { FORMATS, type Format } from '../../import/read-file.js';
import { importFile } from '../../services/imports/import-file.js';
import { importerFor } from '../../services/imports/importer.js';
import type { Reject } from '../../services/imports/outcome.js';
import { invalidFileMessage } from '../../i18n/index.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson } from '../output.js';
import { importProgress } from '../progress.js';
import { AppError } from '../../domain/errors.js';

interface ImportOptions {
  agency: string;
  user?: string;
  marking?: string;
  rel?: string;
  recipients?: string;
  mapping?: string;
  format?: string;
  encoding?: string;
  delimiter?: string;
  skipInvalid?: boolean;
  rejects?: string;
  purpose?: string;
  json?: boolean;
}

const badOption = (field: string, value: string, expected: string) =>
  new AppError('validation_failed', {}, [{ code: 'invalid_value', field, value, expected }]);

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    throw new AppError('not_found', { kind: 'file', id: path });
  }
}

function readText(path: string): string {
  sizeOf(path);
  return readFileSync(path, 'utf8');
}

const list = (s: string | undefined) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function registerImport(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(program.command('import'), ctx, 'import', [
    'puente import seizures.ndjson --agency CBP --marking AMBER --rel US,MX',
    'puente import recuperaciones.csv --agency FGR --mapping fgr.yaml --skip-invalid',
    'cat people.ndjson | puente import - --agency RCMP --json',
  ])
    .argument('<file>', t('cli:import.file'))
    .requiredOption('--agency <code>', t('cli:import.agency'))
    .option('--user <email|id>', t('cli:import.user'))
    .option('--marking <tlp>', t('cli:import.marking'))
    .option('--rel <list>', t('cli:import.rel'))
    .option('--recipients <list>', t('cli:import.recipients'))
    .option('--mapping <file>', t('cli:import.mapping'))
    .option('--format <format>', t('cli:import.format', { formats: FORMATS.join(', ') }))
    .option('--encoding <name>', t('cli:import.encoding'))
    .option('--delimiter <char>', t('cli:import.delimiter'))
    .option('--skip-invalid', t('cli:import.skipInvalid'))
    .option('--rejects <file>', t('cli:import.rejects'))
    .option('--purpose <text>', t('cli:import.purpose'));
  jsonOption(cmd, ctx).action(async (file: string, opts: ImportOptions) => {
    const encoding = opts.encoding === undefined ? undefined : parseEncoding(opts.encoding);
    if (opts.encoding !== undefined && !encoding)
      throw badOption(
        'encoding',
        opts.encoding,
        'utf-8, windows-1252 (latin-1), utf-16le or utf-16be',
      );
    if (opts.format !== undefined && !(FORMATS as readonly string[]).includes(opts.format))
      throw badOption('format', opts.format, FORMATS.join(', '));
    const stdin = file === '-';
    const size = stdin ? undefined : sizeOf(file);
    const mapping = opts.mapping ? compileMapping(readText(opts.mapping)) : undefined;
    const operator = await ctx.operator();
    const viewer = await importerFor(operator, opts.agency, opts.user);
    const rejectPath = opts.rejects ?? (stdin ? 'stdin.rejects.ndjson' : `${file}.rejects.ndjson`);
    let rejectFile: ReturnType<typeof createWriteStream> | undefined;
    const writeReject = async (r: Reject) => {
      rejectFile ??= createWriteStream(rejectPath);
      const reason = invalidFileMessage(t, r.problem.params);
      if (!rejectFile.write(`${JSON.stringify({ line: r.line, reason, raw: r.raw })}\n`))
        await once(rejectFile, 'drain');
    };
    const progress = importProgress(ctx, size);
    try {
      const summary = await importFile(
        { db: operator.db, viewer, purpose: opts.purpose },
        {
          bytes: stdin ? process.stdin : createReadStream(file, { highWaterMark: 256 * 1024 }),
          fileName: stdin ? 'stdin' : file,
          mapping,
          format: opts.format as Format | undefined,
          encoding,
          delimiter: opts.delimiter,
          sharing: {
            marking: opts.marking,
            rel: list(opts.rel),
            recipients: list(opts.recipients),
          },
          skipInvalid: opts.skipInvalid,
          onReject: writeReject,
          onProgress: (p) => progress.update(p),
        },
      );
      progress.finish();
      if (rejectFile) await new Promise((done) => rejectFile!.end(done));
      if (opts.json)
        return printJson(ctx, { ...summary, rejectFile: rejectFile ? rejectPath : null });
      ctx.out(
        t('cli:import.summary', {
          rows: summary.rows,
          written: summary.records.written,
          updated: summary.records.updated,
          unchanged: summary.records.unchanged,
          links: summary.links.written + summary.links.updated,
          rejected: summary.rejected,
          seconds: (summary.elapsedMs / 1000).toFixed(1),
        }),
      );
      if (rejectFile)
        ctx.note(t('cli:import.rejectFile', { count: summary.rejected, file: rejectPath }));
    } finally {
      progress.finish();
      rejectFile?.end();
    }
  });
}
