/**
 * The measured part of the trace benchmark, in a process of its own so that its peak memory is
 * its own: plans the requests, submits them as FGR and SEDENA analysts (submitTraces, in
 * batches), traces the whole queue as an ATF analyst (runTraces), then submits the sample and
 * traces it one request at a time. Writes each request's truth next to its id
 * (public.bench_trace_truth). Progress goes to stderr; the outcome is one JSON line on stdout.
 */
import { sql } from 'kysely';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import type { Call } from '../../../src/services/context.js';
import { runTraces } from '../../../src/services/tracing/run-traces.js';
import { submitTraces } from '../../../src/services/tracing/submit-traces.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { benchUserIds } from '../ingest/directory.js';
import { planRequests, type PlannedRequest, type PlanSummary } from './requests.js';
import { worldFor, type LoadedSales } from './sales.js';
import { statementTimer, type StatementTimes } from './statement-timer.js';

export interface ChildInput {
  url: string;
  sales: number;
  seed: number;
  loaded: LoadedSales;
  requests: number;
  sample: number;
  warmup: number;
  batchSize: number;
  submitBatch: number;
  /** Stop tracing the queue after this long (0: trace it all). */
  queueMinutes: number;
}

export interface ChildOutput {
  plan: PlanSummary;
  planSeconds: number;
  submit: { requests: number; seconds: number; batches: number[]; statements: StatementTimes };
  queue: {
    traced: number;
    seconds: number;
    byStatus: Record<string, number>;
    /** Wall time of each batch (one transaction, one audit entry), ms, in order. */
    batches: number[];
    batchSizes: number[];
    statements: StatementTimes;
  };
  single: {
    samples: number[];
    warmup: number[];
    byStatus: Record<string, number>;
    statements: StatementTimes;
  };
  maxRssMb: number;
  rssMbAfter: { plan: number; submit: number; queue: number; single: number };
}

const log = (m: string) => process.stderr.write(`${m}\n`);
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

const viewerOf = (agency: string, country: string): Viewer => ({
  userId: benchUserIds(agency)[0]!,
  name: `Analyst 1 ${agency}`,
  agency,
  country,
  role: 'analyst',
});

async function writeTruth(db: Db, set: string, ids: readonly string[], batch: PlannedRequest[]) {
  const rows = batch.map((p, i) => ({
    request_id: ids[i],
    set,
    k: p.truth.k,
    agency: p.truth.agency,
    outcome: p.truth.outcome,
    partial: p.truth.partial,
    firearm_id: p.truth.firearmId,
    sale_id: p.truth.saleId,
    sale_date: p.truth.saleDate,
    recovered_on: p.truth.recoveredOn,
    make_written: p.truth.makeWritten,
    serial_written: p.truth.serialWritten,
  }));
  await sql`INSERT INTO public.bench_trace_truth
    SELECT * FROM json_populate_recordset(NULL::public.bench_trace_truth, ${JSON.stringify(rows)}::json)`.execute(
    db,
  );
}

/** Submits `planned` in batches of `size`, each agency's share as that agency's analyst. */
async function submitAll(
  db: Db,
  calls: Record<'FGR' | 'SEDENA', Call>,
  planned: PlannedRequest[],
  size: number,
  set: string,
): Promise<{ ids: string[]; batches: number[] }> {
  const ids: string[] = [];
  const batches: number[] = [];
  for (let i = 0; i < planned.length; i += size) {
    const chunk = planned.slice(i, i + size);
    for (const agency of ['FGR', 'SEDENA'] as const) {
      const mine = chunk.filter((p) => p.truth.agency === agency);
      if (!mine.length) continue;
      const t = performance.now();
      const out = await submitTraces(
        calls[agency],
        mine.map((p) => p.input),
      );
      batches.push(performance.now() - t);
      await writeTruth(db, set, out.ids, mine);
      ids.push(...out.ids);
    }
    if ((i / size) % 10 === 9) log(`submitted ${Math.min(i + size, planned.length)}`);
  }
  return { ids, batches };
}

async function main(input: ChildInput): Promise<ChildOutput> {
  const database = await openDatabase({ url: input.url, poolSize: 4 });
  const timer = statementTimer();
  const db = database.db.withPlugin(timer.plugin);
  try {
    const atf: Call = { db, viewer: viewerOf('ATF', 'US') };
    const requesters = {
      FGR: { db, viewer: viewerOf('FGR', 'MX') },
      SEDENA: { db, viewer: viewerOf('SEDENA', 'MX') },
    };
    let t = performance.now();
    const world = worldFor(input.sales, input.seed);
    const { requests: planned, summary: plan } = planRequests(
      world,
      input.loaded,
      input.requests + input.warmup + input.sample,
    );
    const planSeconds = (performance.now() - t) / 1000;
    const rss = { plan: rssMb(), submit: 0, queue: 0, single: 0 };
    log(`planned ${planned.length} requests in ${planSeconds.toFixed(1)} s`);

    const queued = planned.slice(0, input.requests);
    timer.take();
    const sub = await submitAll(database.db, requesters, queued, input.submitBatch, 'queue');
    const submitSeconds = sub.batches.reduce((s, x) => s + x, 0) / 1000;
    const submitStatements = timer.take();
    rss.submit = rssMb();
    log(
      `submitted ${sub.ids.length} requests in ${submitSeconds.toFixed(1)} s (${Math.round(sub.ids.length / submitSeconds)}/s)`,
    );

    const batches: number[] = [];
    const batchSizes: number[] = [];
    let last = performance.now();
    let lastTraced = 0;
    let lastLog = last;
    t = last;
    const stop = new AbortController();
    const deadline = input.queueMinutes
      ? setTimeout(() => stop.abort(), input.queueMinutes * 60_000)
      : undefined;
    const run = await runTraces(atf, {
      batchSize: input.batchSize,
      signal: stop.signal,
      onProgress: (p) => {
        const now = performance.now();
        batches.push(now - last);
        batchSizes.push(p.traced - lastTraced);
        last = now;
        lastTraced = p.traced;
        if (now - lastLog > 10_000) {
          lastLog = now;
          log(
            `traced ${p.traced} in ${((now - t) / 1000).toFixed(0)} s (${Math.round(p.traced / ((now - t) / 1000))}/s)`,
          );
        }
      },
    });
    clearTimeout(deadline);
    const queueSeconds = (performance.now() - t) / 1000;
    const queueStatements = timer.take();
    rss.queue = rssMb();
    log(
      `traced the queue: ${run.traced} in ${queueSeconds.toFixed(1)} s (${Math.round(run.traced / queueSeconds)}/s) ${JSON.stringify(run.byStatus)}`,
    );

    const rest = planned.slice(input.requests);
    const single = await submitAll(database.db, requesters, rest, input.submitBatch, 'single');
    timer.take();
    const samples: number[] = [];
    const warmup: number[] = [];
    const byStatus: Record<string, number> = {};
    for (const [i, id] of single.ids.entries()) {
      const s = performance.now();
      const out = await runTraces(atf, { ids: [id] });
      const ms = performance.now() - s;
      (i < input.warmup ? warmup : samples).push(ms);
      if (i >= input.warmup) {
        for (const [k, n] of Object.entries(out.byStatus)) byStatus[k] = (byStatus[k] ?? 0) + n;
      }
    }
    const singleStatements = timer.take();
    rss.single = rssMb();
    log(`traced ${samples.length} requests one at a time (${warmup.length} warm-up first)`);
    return {
      plan,
      planSeconds,
      submit: {
        requests: sub.ids.length,
        seconds: submitSeconds,
        batches: sub.batches,
        statements: submitStatements,
      },
      queue: {
        traced: run.traced,
        seconds: queueSeconds,
        byStatus: run.byStatus as Record<string, number>,
        batches,
        batchSizes,
        statements: queueStatements,
      },
      single: { samples, warmup, byStatus, statements: singleStatements },
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rssMbAfter: rss,
    };
  } finally {
    await database.close();
  }
}

main(JSON.parse(process.argv[2]!) as ChildInput).then(
  (out) => {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
