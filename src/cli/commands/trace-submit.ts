import { createReadStream, statSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError, type ErrorDetail } from '../../domain/errors.js';
import type { TraceRequestInput } from '../../domain/tracing/request.js';
import { PRIORITIES } from '../../domain/tracing/status.js';
import { OBLITERATION } from '../../domain/model/index.js';
import { isUnreadable } from '../../import/readers/source-row.js';
import { readRows } from '../../import/read-file.js';
import { traceRequestFromRow } from '../../import/trace-rows.js';
import { submitTraces } from '../../services/tracing/submit-traces.js';
import { actingOptions, callAs, type ActingOptions } from '../acting.js';
import type { CliContext } from '../context.js';
import { describe, jsonOption } from '../help.js';
import { printJson } from '../output.js';
import { oneOf } from '../parsers.js';

interface SubmitOptions extends ActingOptions {
  make?: string;
  model?: string;
  type?: string;
  caliber?: string;
  serial?: string;
  obliterated?: string;
  importer?: string;
  made?: string;
  recovered?: string;
  country?: string;
  state?: string;
  place?: string;
  circumstances?: string;
  case?: string;
  priority?: string;
  officer?: string;
  possessor?: string[];
  json?: boolean;
}

/** The requests of a batch file, with the line each starts on; unreadable rows are errors. */
async function readBatch(file: string) {
  try {
    statSync(file);
  } catch {
    throw new AppError('not_found', { kind: 'file', id: file });
  }
  const inputs: TraceRequestInput[] = [];
  const lines: number[] = [];
  const errors: ErrorDetail[] = [];
  for await (const { row, csv } of readRows(createReadStream(file), { fileName: file })) {
    if (isUnreadable(row)) {
      errors.push({ code: 'unreadable_row', line: row.line, value: row.raw.slice(0, 80) });
      continue;
    }
    inputs.push(traceRequestFromRow(row, csv));
    lines.push(row.line);
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return { inputs, lines };
}

function fromOptions(o: SubmitOptions): TraceRequestInput {
  return {
    priority: o.priority,
    officer: o.officer,
    firearm: {
      make: o.make,
      model: o.model,
      type: o.type,
      caliber: o.caliber,
      serialNumber: o.serial,
      obliterated: o.obliterated,
      importer: o.importer,
      countryOfManufacture: o.made,
    },
    recovery: {
      date: o.recovered,
      country: o.country ?? 'MX',
      state: o.state,
      place: o.place,
      circumstances: o.circumstances,
      caseNumber: o.case,
    },
    people: (o.possessor ?? []).map((name) => ({ role: 'possessor', name })),
  };
}

export function registerTraceSubmit(trace: Command, ctx: CliContext): void {
  const { t } = ctx;
  const cmd = describe(trace.command('submit'), ctx, 'traceSubmit', [
    'puente trace submit --make COLT --model AR-15 --type rifle --serial LW012345 --recovered 2024-03-02 --state Tamaulipas --as m.ortiz@fgr.example',
    'puente trace submit --make Glock --serial "BKX1?3" --recovered 2024-03-02 --priority urgent --as m.ortiz@fgr.example',
    'puente trace submit armas.csv --as m.ortiz@fgr.example --json',
  ])
    .argument('[file]', t('cli:traceSubmit.file'))
    .option('--make <maker>', t('cli:traceSubmit.make'))
    .option('--model <model>', t('cli:traceSubmit.model'))
    .option('--type <type>', t('cli:traceSubmit.type'))
    .option('--caliber <caliber>', t('cli:traceSubmit.caliber'))
    .option('--serial <serial>', t('cli:traceSubmit.serial'))
    .option('--obliterated <how>', t('cli:traceSubmit.obliterated'), oneOf(t, OBLITERATION))
    .option('--importer <mark>', t('cli:traceSubmit.importer'))
    .option('--made <country>', t('cli:traceSubmit.made'))
    .option('--recovered <date>', t('cli:traceSubmit.recovered'))
    .option('--country <country>', t('cli:traceSubmit.country'))
    .option('--state <state>', t('cli:traceSubmit.state'))
    .option('--place <place>', t('cli:traceSubmit.place'))
    .option('--circumstances <text>', t('cli:traceSubmit.circumstances'))
    .option('--case <number>', t('cli:traceSubmit.case'))
    .option('--priority <priority>', t('cli:traceSubmit.priority'), oneOf(t, PRIORITIES))
    .option('--officer <name>', t('cli:traceSubmit.officer'))
    .option('--possessor <name...>', t('cli:traceSubmit.possessor'));
  jsonOption(actingOptions(cmd, ctx), ctx).action(
    async (file: string | undefined, opts: SubmitOptions) => {
      const batch = file
        ? await readBatch(file)
        : { inputs: [fromOptions(opts)], lines: undefined };
      const out = await submitTraces(await callAs(ctx, opts), batch.inputs, {
        lines: batch.lines,
      });
      if (opts.json) return printJson(ctx, out);
      ctx.note(t('cli:traceSubmit.done', { count: out.submitted }));
      ctx.out(out.ids.join('\n'));
    },
  );
}
