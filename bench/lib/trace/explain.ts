/**
 * Where a trace's lookups spend their time: the product's candidate queries
 * (src/storage/trace-sales.ts) captured as the product sends them and replayed under
 * EXPLAIN (ANALYZE, BUFFERS) as the tracing agency's viewer (row-level security on), and every
 * partial-serial lookup of the run timed one by one (runTraces looks a batch's partial serials up
 * in one statement; alone, each one's cost shows).
 */
import { CompiledQuery, sql } from 'kysely';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import { patternProbes } from '../../../src/domain/tracing/serial-pattern.js';
import type { Db } from '../../../src/storage/database.js';
import { asViewer, type Tx } from '../../../src/storage/session.js';
import { tracesPerBuyer, tracesPerDealer } from '../../../src/storage/trace-results.js';
import {
  salesFittingPatterns,
  salesToBuyersNear,
  salesWithSerials,
} from '../../../src/storage/trace-sales.js';
import { captureQueries } from '../capture.js';
import { round, summarize, type Summary } from '../stats.js';

/** One captured statement of the product: its time alone and its plan. */
export interface StatementProfile {
  ms: number;
  rows: number;
  plan: string[];
}

export interface LookupProfile {
  whole: { requests: number; ms: number; rows: number; plan: string[] };
  /** What writing a batch's answers reads (complete.ts), once the queue's results are written. */
  completion: {
    batch: number;
    salesToBuyersNear: StatementProfile;
    tracesPerBuyer: StatementProfile;
    tracesPerDealer: StatementProfile;
  };
  partial: {
    requests: number;
    ms: Summary;
    rows: Summary;
    /** The slowest lookups, with their plans. */
    slowest: { maker: string; pattern: string; ms: number; rows: number; plan: string[] }[];
  };
}

async function explain(db: Db, viewer: Viewer, q: CompiledQuery): Promise<string[]> {
  return asViewer(db, viewer, async (tx) => {
    const { rows } = await tx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]),
    );
    return rows.map((r) => r['QUERY PLAN']);
  });
}

/** Profiles the lookups of the queue's requests (`set` in the truth table). */
export async function profileLookups(
  db: Db,
  viewer: Viewer,
  set: string,
  batch: number,
): Promise<LookupProfile> {
  const { rows: whole } = await sql<{ maker: string; key: string }>`
    SELECT q.maker, q.serial_key AS key FROM puente.trace_request q
    JOIN public.bench_trace_truth t ON t.request_id = q.id
    WHERE t.set = ${set} AND q.serial_full ORDER BY q.id LIMIT ${batch}`.execute(db);
  const [wholeQuery] = await captureQueries(
    db,
    (s) => s.includes('trace_sale'),
    (cdb) => asViewer(cdb, viewer, (tx) => salesWithSerials(tx, whole)),
  );
  const t = performance.now();
  const found = await asViewer(db, viewer, (tx) => salesWithSerials(tx, whole));
  const wholeMs = performance.now() - t;
  const wholePlan = wholeQuery ? await explain(db, viewer, wholeQuery) : [];

  const { rows: partial } = await sql<{ maker: string; pattern: string }>`
    SELECT q.maker, q.serial_key AS pattern FROM puente.trace_request q
    JOIN public.bench_trace_truth t ON t.request_id = q.id
    WHERE t.set = ${set} AND NOT q.serial_full AND q.serial_key <> '' ORDER BY q.id`.execute(db);
  const timed = await asViewer(db, viewer, async (tx) => {
    const out: { maker: string; pattern: string; ms: number; rows: number }[] = [];
    for (const p of partial) {
      const s = performance.now();
      const [rows] = await salesFittingPatterns(tx, [
        { maker: p.maker, ...patternProbes(p.pattern) },
      ]);
      out.push({ ...p, ms: performance.now() - s, rows: rows?.length ?? 0 });
    }
    return out;
  });
  const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 3);
  const plans = [];
  for (const s of slowest) {
    const [q] = await captureQueries(
      db,
      (x) => x.includes('trace_sale'),
      (cdb) =>
        asViewer(cdb, viewer, (tx) =>
          salesFittingPatterns(tx, [{ maker: s.maker, ...patternProbes(s.pattern) }]),
        ),
    );
    plans.push({ ...s, ms: round(s.ms, 2), plan: q ? await explain(db, viewer, q) : [] });
  }
  const completion = await profileCompletion(db, viewer, set, batch);
  return {
    whole: { requests: whole.length, ms: round(wholeMs, 2), rows: found.length, plan: wholePlan },
    completion,
    partial: {
      requests: timed.length,
      ms: summarize(timed.map((x) => x.ms)),
      rows: summarize(timed.map((x) => x.rows)),
      slowest: plans,
    },
  };
}

/** Runs `work` as the viewer once, timed, then its trace_sale/trace_result statement explained. */
async function profileStatement(
  db: Db,
  viewer: Viewer,
  work: (tx: Tx) => Promise<unknown>,
  rowsOf: (out: unknown) => number,
): Promise<StatementProfile> {
  const [q] = await captureQueries(
    db,
    (s) => s.includes('trace_sale') || s.includes('trace_result'),
    (cdb) => asViewer(cdb, viewer, work),
  );
  const t = performance.now();
  const out = await asViewer(db, viewer, work);
  const ms = performance.now() - t;
  return { ms: round(ms, 2), rows: rowsOf(out), plan: q ? await explain(db, viewer, q) : [] };
}

/** complete.ts's window around a sale for multiple-sale reports. */
const REPORT_WINDOW_DAYS = 7;

/** The reads of writing one batch's answers, for the last batch's worth of completed traces. */
async function profileCompletion(db: Db, viewer: Viewer, set: string, batch: number) {
  const { rows } = await sql<{ buyer_id: string | null; sale_date: string; license: string }>`
    SELECT r.buyer_id, r.sale_date::text AS sale_date, r.dealer_license AS license
    FROM puente.trace_result r JOIN public.bench_trace_truth t ON t.request_id = r.request_id
    WHERE t.set = ${set} ORDER BY r.traced_at DESC LIMIT ${batch}`.execute(db);
  const buyers = rows.flatMap((r) => (r.buyer_id ? [r.buyer_id] : []));
  const near = rows.flatMap((r) =>
    r.buyer_id ? [{ buyerId: r.buyer_id, date: r.sale_date }] : [],
  );
  const size = (x: unknown) => (x instanceof Map ? x.size : Array.isArray(x) ? x.length : 0);
  return {
    batch: rows.length,
    salesToBuyersNear: await profileStatement(
      db,
      viewer,
      (tx) => salesToBuyersNear(tx, near, REPORT_WINDOW_DAYS),
      size,
    ),
    tracesPerBuyer: await profileStatement(
      db,
      viewer,
      (tx) => tracesPerBuyer(tx, [...new Set(buyers)]),
      size,
    ),
    tracesPerDealer: await profileStatement(
      db,
      viewer,
      (tx) => tracesPerDealer(tx, [...new Set(rows.map((r) => r.license))]),
      (x) => (x as { byDealer: Map<string, unknown> }).byDealer.size,
    ),
  };
}
