import { execFileSync } from 'node:child_process';
import { DEFAULT_BATCH } from '../src/services/tracing/run-traces.js';
import { openDatabase } from '../src/storage/database.js';
import { benchUserIds } from './lib/ingest/directory.js';
import { otherBenchmarks } from './lib/resolve/others.js';
import { round, summarize, type Summary } from './lib/stats.js';
import { clearTraces, databaseFor, traceDataset } from './lib/trace/database.js';
import { fingerprintOf } from './lib/dataset/fingerprint.js';
import { baseline, evaluate, EXPECTED, type Share } from './lib/trace/evaluate.js';
import { profileLookups } from './lib/trace/explain.js';
import { PARTIAL_SHARE } from './lib/trace/requests.js';
import { runChild } from './lib/trace/run-child.js';
import type { StatementTimes } from './lib/trace/statement-timer.js';
import type { Benchmark, Context, Figure, Measurement } from './lib/types.js';

const TRACES_PER_S_MIN = 1000;
const ACCURACY_MIN = 0.99;
/** Single traces made first and left out of the latency figures (cold caches, JIT). */
const WARMUP = 20;

const ms = (value: number): Figure => ({ value: round(value, 2), unit: 'ms' });
const ratio = (value: number | null): Figure => ({ value: round(value ?? 0, 4), unit: 'ratio' });
const count = (value: number): Figure => ({ value, unit: 'count' });
const perS = (value: number): Figure => ({ value: round(value, 1), unit: 'requests/s' });
const secs = (value: number): Figure => ({ value: round(value, 1), unit: 's' });

/** The tracing code measured: other work changes it while benchmarks run. */
const TRACING_CODE = [
  'src/domain/tracing',
  'src/services/tracing',
  'src/storage/trace-requests.ts',
  'src/storage/trace-results.ts',
  'src/storage/trace-sales.ts',
];

function codeState() {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    fingerprint: fingerprintOf(TRACING_CODE, {}),
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommitted: git('status', '--porcelain', '--', ...TRACING_CODE, 'src/storage/migrations')
      .split('\n')
      .filter(Boolean),
  };
}

const roundSummary = (s: Summary) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 2)]));

/** Statement time per batch, largest first, with its share of the batches' wall time. */
function perBatch(times: StatementTimes, batches: number, wallMs: number) {
  return Object.entries(times)
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([label, t]) => ({
      label,
      statementsPerBatch: round(t.count / batches, 2),
      msPerBatch: round(t.ms / batches, 2),
      shareOfWall: round(t.ms / wallMs, 3),
    }));
}

const describeShare = (s: Share) => ({
  ...s,
  accuracy: s.accuracy === null ? null : round(s.accuracy, 4),
});

async function run(ctx: Context): Promise<Measurement> {
  const num = (name: string) => {
    const n = Number(ctx.options[name]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
    return n;
  };
  const sales = num('sales');
  const requests = num('requests');
  const sample = num('sample');
  const seed = num('seed');
  const batchSize = num('batch');
  const submitBatch = num('submit-batch');
  const reindex = ctx.options.reindex === 'yes';
  const queueMinutes = Number(ctx.options['queue-minutes']);
  if (!(queueMinutes >= 0)) throw new Error('--queue-minutes must be 0 or more');
  if (sales < 1000) throw new Error('--sales must be 1000 or more');
  if (requests < 1 || batchSize < 1 || submitBatch < 1)
    throw new Error('--requests, --batch and --submit-batch must be positive');
  const notes: string[] = [];
  const others = otherBenchmarks();
  if (others.other + others.resolve > 0) {
    ctx.log(`warning: ${others.other + others.resolve} other benchmark run(s) on the machine`);
    notes.push(
      `${others.other + others.resolve} other benchmark run(s) shared the machine at the start.`,
    );
  }

  const code = codeState();
  ctx.log(
    `tracing code ${code.fingerprint} at ${code.commit}${code.uncommitted.length ? ` with ${code.uncommitted.length} uncommitted file(s)` : ''}`,
  );
  const ds = await traceDataset(ctx.serverUrl, sales, seed, reindex, ctx.log);
  const data = ds.summary;
  ctx.log(`clearing earlier requests from ${databaseFor(sales)}`);
  await clearTraces(ds.url, ctx.log);

  ctx.log(`measuring: ${requests} requests through the queue, then ${sample} traced one at a time`);
  const out = await runChild(
    {
      url: ds.url,
      sales,
      seed,
      loaded: data.sold.loaded,
      requests,
      sample,
      warmup: WARMUP,
      batchSize,
      submitBatch,
      queueMinutes,
    },
    ctx.log,
  );
  const stopped = out.queue.traced < out.submit.requests;

  const database = await openDatabase({ url: ds.url, poolSize: 2 });
  try {
    ctx.log('evaluating against the truth');
    const queue = await evaluate(database.db, 'queue', stopped);
    const singles = await evaluate(database.db, 'single');
    ctx.log('baseline: exact maker and serial as written');
    const base = await baseline(database.db, 'queue', stopped);
    ctx.log(
      `accuracy ${queue.traceable.accuracy?.toFixed(4)} (partial ${queue.partialSerial.accuracy?.toFixed(4)}); baseline ${base.accuracy?.toFixed(4)} (${base.seconds.toFixed(1)} s)`,
    );
    ctx.log('profiling the candidate lookups');
    const atf = {
      userId: benchUserIds('ATF')[0]!,
      name: 'Analyst 1 ATF',
      agency: 'ATF',
      country: 'US',
      role: 'analyst' as const,
    };
    const lookups = await profileLookups(database.db, atf, 'queue', batchSize);

    const single = summarize(out.single.samples);
    const batches = summarize(out.queue.batches);
    const tracesPerS = out.queue.traced / out.queue.seconds;
    const figures: Record<string, Figure> = {
      traces_per_s: perS(tracesPerS),
      p50_ms: ms(single.p50),
      p95_ms: ms(single.p95),
      p99_ms: ms(single.p99),
      max_ms: ms(single.max),
      accuracy: ratio(queue.traceable.accuracy),
      whole_serial_accuracy: ratio(queue.wholeSerial.accuracy),
      partial_accuracy: ratio(queue.partialSerial.accuracy),
      partial_right_listed: ratio(
        queue.partialSerial.requests
          ? (queue.partialSerial.right + queue.partialSerial.rightListed) /
              queue.partialSerial.requests
          : null,
      ),
      wrong_sale: count(queue.traceable.wrongSale),
      non_traceable_as_expected: ratio(queue.nonTraceable.share),
      false_completions: count(queue.nonTraceable.completed),
      baseline_accuracy: ratio(base.accuracy),
      baseline_strict_accuracy: ratio(base.strictAccuracy),
      baseline_false_hits: count(base.falseHits),
      batch_p50_ms: ms(batches.p50),
      batch_p95_ms: ms(batches.p95),
      batch_p99_ms: ms(batches.p99),
      batch_max_ms: ms(batches.max),
      queue_seconds: secs(out.queue.seconds),
      submit_per_s: perS(out.submit.requests / out.submit.seconds),
      partial_lookup_p50_ms: ms(lookups.partial.ms.p50),
      partial_lookup_p99_ms: ms(lookups.partial.ms.p99),
      rss_mb: { value: out.maxRssMb, unit: 'MB' },
      index_seconds: secs(data.index.seconds),
      index_per_s: { value: Math.round(data.index.rows / data.index.seconds), unit: 'records/s' },
      load_seconds: secs(data.loadSeconds),
      build_seconds: secs(data.buildSeconds),
    };
    ctx.log(
      `traces/s ${tracesPerS.toFixed(0)}; single p50 ${single.p50.toFixed(1)} p95 ${single.p95.toFixed(1)} p99 ${single.p99.toFixed(1)} ms; batch p50 ${batches.p50.toFixed(0)} ms`,
    );

    const byStatusSum = Object.values(out.queue.byStatus).reduce((s, n) => s + n, 0);
    notes.push(
      `Data: ${data.sold.guns} guns sold at retail in the synthetic world (src/synth/guns/sales.ts baskets at world scale ${data.sold.scale}: ${data.sold.gunsByStream.straw} bought by straw purchasers of ${data.sold.baskets.straw} ring baskets, ${data.sold.gunsByStream.retail} in ${data.sold.baskets.retail} ordinary retail baskets), sold ${data.sold.firstSale} to ${data.sold.lastSale} (the last days of the window are cut to the size), recorded as ATF's sales file is imported: a Sale and a Firearm record per gun, a Person per buyer (${data.sold.buyers}), sold_in and purchased links; TLP:AMBER releasable to US and MX; multiple-sale reports as the ATF export computes them. Bulk-loaded as the owner with triggers off (bench/lib/dataset/load.ts loadGraph), then indexed by the product's indexAllSales.`,
      `Requests: guns recovered in Mexico as the world plans them (RecoveryPlanner: outcome, type and year from the published shares; a traceable gun is an unused sold gun of its type bought a time-to-crime before the recovery: 30-365 days 30%, 1-3 years 40%, 3-10 years 30%), written as FGR (60%) and SEDENA write them (makeAsWritten: spelling variants 40%, upper case; serialAsWritten: O/0 or I/1 confused or a dash or space inserted, 15% FGR / 20% SEDENA; a partly obliterated serial's end as ***); ${PARTIAL_SHARE * 100}% of traceable guns with a partly legible serial (half with 2-3 characters as ?, half with the last 2-4 as *). Submitted with submitTraces as each agency's analyst in batches of ${submitBatch} (each agency's share of a batch is one call); submit_per_s is requests over the summed call times.`,
      `traces_per_s: runTraces as an ATF analyst (the tracer) over the whole queue of ${out.queue.traced} requests, batches of ${batchSize} (one transaction and one audit entry each), wall time from the call to its return, in a child process (tsx) whose peak resident memory is rss_mb; batch_*_ms is the wall time per batch. p50/p95/p99_ms: ${out.single.samples.length} further requests submitted afterwards and traced one at a time (runTraces with ids: [id], the tracer asking for one trace), ${WARMUP} warm-up traces first and left out.`,
      `accuracy: share of the traceable requests in the queue answered completed with the right sale (trace_result firearm_id and sale_id equal to the truth); in_progress (several sales fit about equally, left for the tracer to pick) counts as not traced, and partial_right_listed adds partial-serial requests whose right sale is among the candidates kept. Non-traceable requests are as expected when obliterated ones get serial_obliterated (or no_record_found for a partly legible serial), not-US-made ones not_traceable, unsold ones no_record_found (details.accuracy.statusByOutcome has the full mix).`,
      `Baseline (same requests, same run): the ATF Firearm records whose make and serial equal what the requester wrote, ignoring case and surrounding spaces; right when exactly one gun is found and it is the one sold. baseline_strict_accuracy also requires the case to match (makers are written in upper case on Mexican forms, "Colt" on ATF's). Partly legible serials never match.`,
    );
    if (stopped)
      notes.push(
        `The queue was stopped at its time limit (--queue-minutes ${queueMinutes}) after ${out.queue.traced} of ${out.submit.requests} requests: traces_per_s is over those; accuracy, the status mix and the baseline are over the requests answered (the queue runs most urgent first, then in submission order, which follows the world's recovery order and mixes outcomes evenly).`,
      );
    const codeAtEnd = codeState();
    if (codeAtEnd.fingerprint !== code.fingerprint)
      notes.push(
        `The tracing code changed during the run (${code.fingerprint} -> ${codeAtEnd.fingerprint}): the measuring process loaded it when it started, a few seconds after this run did.`,
      );
    if (process.env.PGOPTIONS)
      notes.push(
        `PGOPTIONS=${JSON.stringify(process.env.PGOPTIONS)} was set: every connection of the run started with these settings instead of the server's.`,
      );
    if (data.reused)
      notes.push(
        `The sales were loaded by an earlier run (fingerprint ${data.fingerprint}); load_seconds and build_seconds are that build's${data.indexReused ? ', and so are index_seconds' : '; the index was rebuilt in this run'}.`,
      );
    if (byStatusSum !== out.queue.traced)
      notes.push(`Status counts (${byStatusSum}) differ from traced (${out.queue.traced}).`);

    const wall = out.queue.batches.reduce((s, x) => s + x, 0);
    return {
      dataset: {
        database: databaseFor(sales),
        sales: data.sales,
        seed,
        fingerprint: data.fingerprint,
        reused: data.reused,
        indexReused: data.indexReused,
        sold: data.sold,
        records: data.bySchema,
        searchPostings: data.searchPostings,
        databaseSize: data.databaseSize,
        index: { ...data.index, seconds: round(data.index.seconds, 1) },
        loadSeconds: round(data.loadSeconds, 1),
        buildSeconds: round(data.buildSeconds, 1),
        requests: {
          queue: out.queue.traced,
          single: out.single.samples.length,
          warmup: out.single.warmup.length,
          plan: out.plan,
        },
        expected: EXPECTED,
      },
      figures,
      baseline: {
        name: 'exact_as_written',
        description:
          'maker and serial exactly as the requester wrote them (case and surrounding spaces ignored) looked up in the ATF firearm records, on the same requests, in the same run',
        figures: Object.keys(figures).filter((k) => k.startsWith('baseline_')),
      },
      details: {
        accuracy: {
          traceable: describeShare(queue.traceable),
          wholeSerial: describeShare(queue.wholeSerial),
          partialSerial: describeShare(queue.partialSerial),
          byPartial: Object.fromEntries(
            Object.entries(queue.byPartial).map(([k, v]) => [k, describeShare(v)]),
          ),
          nonTraceable: queue.nonTraceable,
          statusByOutcome: queue.statusByOutcome,
          queueByStatus: out.queue.byStatus,
          singles: {
            traceable: describeShare(singles.traceable),
            statusByOutcome: singles.statusByOutcome,
          },
        },
        baseline: { ...base, seconds: round(base.seconds, 1) },
        single: {
          measured: roundSummary(single),
          warmupMs: out.single.warmup.map((x) => round(x, 1)),
          byStatus: out.single.byStatus,
          statementsPerTrace: perBatch(
            out.single.statements,
            out.single.samples.length + out.single.warmup.length,
            out.single.samples.reduce((s, x) => s + x, 0) +
              out.single.warmup.reduce((s, x) => s + x, 0),
          ),
        },
        batches: {
          measured: roundSummary(batches),
          sizes: summarize(out.queue.batchSizes),
          // Every 10th batch's wall time, to see a trend over the run.
          everyTenthMs: out.queue.batches.filter((_, i) => i % 10 === 0).map((x) => round(x, 0)),
          statementsPerBatch: perBatch(out.queue.statements, out.queue.batches.length, wall),
        },
        submit: {
          seconds: round(out.submit.seconds, 1),
          calls: summarize(out.submit.batches),
          statementsPerCall: perBatch(
            out.submit.statements,
            out.submit.batches.length,
            out.submit.seconds * 1000,
          ),
        },
        lookups,
        code,
        memory: { maxRssMb: out.maxRssMb, rssMbAfter: out.rssMbAfter },
        planSeconds: round(out.planSeconds, 1),
      },
      notes,
    };
  } finally {
    await database.close();
  }
}

const benchmark: Benchmark = {
  name: 'trace',
  description:
    'Firearm traces against millions of sale records on the PostgreSQL server: traces per second over a queue, latency of one trace, and the share traced to the right sale on the synthetic ground truth (partial serials included), against an exact lookup of the serial and maker as written',
  options: [
    { name: 'sales', description: 'sold guns in the sales records', default: '5000000' },
    { name: 'requests', description: 'trace requests in the queue', default: '100000' },
    {
      name: 'sample',
      description: 'further requests traced one at a time for the latency',
      default: '1000',
    },
    { name: 'seed', description: 'generator seed', default: '20250601' },
    { name: 'batch', description: 'runTraces batch size', default: String(DEFAULT_BATCH) },
    { name: 'submit-batch', description: 'requests per submitTraces call', default: '1000' },
    {
      name: 'queue-minutes',
      description: 'stop tracing the queue after this many minutes (0: trace it all)',
      default: '0',
    },
    {
      name: 'reindex',
      description: 'rebuild the sales index even when it is current (yes/no)',
      default: 'no',
    },
  ],
  targets: [
    {
      figure: 'traces_per_s',
      min: TRACES_PER_S_MIN,
      unit: 'requests/s',
      description: 'at least 1,000 traces per second over the queue',
    },
    {
      figure: 'accuracy',
      min: ACCURACY_MIN,
      unit: 'ratio',
      description: '99% of traceable guns traced to the right sale',
    },
  ],
  run,
};

export default benchmark;
