/**
 * How the traces came out against the truth (public.bench_trace_truth): the share of traceable
 * requests traced to the right sale, the status mix of the others, and the baseline: the exact
 * maker and serial as written looked up in the sales records as ATF holds them.
 */
import { sql } from 'kysely';
import type { Db } from '../../../src/storage/database.js';

/**
 * The answers each kind of recovered gun may rightly get. A gun made abroad whose importer mark
 * the requester left out is answered not_traceable before any sale is looked for (decideTrace):
 * no sale either way.
 */
export const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  traced: ['completed'],
  obliterated: ['serial_obliterated', 'no_record_found', 'not_traceable'],
  not_us_made: ['not_traceable'],
  no_sale_record: ['no_record_found', 'not_traceable'],
};

interface Cell {
  set: string;
  outcome: string;
  partial: string;
  status: string;
  right: boolean | null;
  listed: boolean;
  n: number;
}

export interface Share {
  requests: number;
  right: number;
  accuracy: number | null;
  /** Completed with another sale than the gun's. */
  wrongSale: number;
  /** Left for the tracer to pick from the candidates, and of those, with the right sale listed. */
  inProgress: number;
  rightListed: number;
  /** Other answers (no record found, not traceable). */
  missed: number;
}

export interface Accuracy {
  traceable: Share;
  wholeSerial: Share;
  partialSerial: Share;
  byPartial: Record<string, Share>;
  /** Requests by true outcome (and partial kind) and by status answered. */
  statusByOutcome: Record<string, Record<string, number>>;
  nonTraceable: { requests: number; asExpected: number; share: number | null; completed: number };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function share(cells: readonly Cell[]): Share {
  const sum = (f: (c: Cell) => boolean) => cells.filter(f).reduce((s, c) => s + c.n, 0);
  const requests = sum(() => true);
  const right = sum((c) => c.status === 'completed' && c.right === true);
  return {
    requests,
    right,
    accuracy: ratio(right, requests),
    wrongSale: sum((c) => c.status === 'completed' && c.right !== true),
    inProgress: sum((c) => c.status === 'in_progress'),
    rightListed: sum((c) => c.status === 'in_progress' && c.listed),
    missed: sum((c) => c.status !== 'completed' && c.status !== 'in_progress'),
  };
}

/** `answeredOnly`: leave out requests still waiting (a queue stopped at its time limit). */
export async function evaluate(db: Db, set: string, answeredOnly = false): Promise<Accuracy> {
  const { rows } = await sql<Cell>`
    SELECT t.set, t.outcome, t.partial, q.status,
      CASE WHEN r.request_id IS NOT NULL
        THEN r.firearm_id = t.firearm_id AND r.sale_id = t.sale_id END AS "right",
      coalesce(t.firearm_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM jsonb_array_elements(q.candidates) c
        WHERE c->'candidate'->>'firearmId' = t.firearm_id::text), false) AS listed,
      count(*)::int AS n
    FROM public.bench_trace_truth t
    JOIN puente.trace_request q ON q.id = t.request_id
    LEFT JOIN puente.trace_result r ON r.request_id = t.request_id
    WHERE t.set = ${set} AND (NOT ${answeredOnly} OR q.status <> 'submitted')
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  const traced = rows.filter((c) => c.outcome === 'traced');
  const statusByOutcome: Record<string, Record<string, number>> = {};
  for (const c of rows) {
    const key = c.partial === 'none' ? c.outcome : `${c.outcome} (${c.partial})`;
    const m = (statusByOutcome[key] ??= {});
    m[c.status] = (m[c.status] ?? 0) + c.n;
  }
  const others = rows.filter((c) => c.outcome !== 'traced');
  const n = others.reduce((s, c) => s + c.n, 0);
  const asExpected = others
    .filter((c) => EXPECTED[c.outcome]?.includes(c.status))
    .reduce((s, c) => s + c.n, 0);
  return {
    traceable: share(traced),
    wholeSerial: share(traced.filter((c) => c.partial === 'none')),
    partialSerial: share(traced.filter((c) => c.partial !== 'none')),
    byPartial: Object.fromEntries(
      ['unknown_chars', 'unknown_end'].map((p) => [
        p,
        share(traced.filter((c) => c.partial === p)),
      ]),
    ),
    statusByOutcome,
    nonTraceable: {
      requests: n,
      asExpected,
      share: ratio(asExpected, n),
      completed: others.filter((c) => c.status === 'completed').reduce((s, c) => s + c.n, 0),
    },
  };
}

export interface Baseline {
  seconds: number;
  /** Case and surrounding spaces ignored: the figure reported. */
  traceable: number;
  right: number;
  accuracy: number | null;
  /** Several sales under the same maker and serial as written. */
  ambiguous: number;
  /** Partly legible serials: never equal to a serial as recorded. */
  partialRight: number;
  partialRequests: number;
  /** Strictly as written (case too). */
  strictRight: number;
  strictAccuracy: number | null;
  /** Non-traceable guns the exact lookup finds a sale for (wrong by construction). */
  falseHits: number;
}

/**
 * The lookup an analyst would make without Puente: the ATF firearm records whose make and
 * serial equal what the requester wrote (ignoring case and surrounding spaces). Right when it
 * finds exactly one gun and that is the one sold.
 */
export async function baseline(db: Db, set: string, answeredOnly = false): Promise<Baseline> {
  const started = performance.now();
  const { rows } = await sql<{
    outcome: string;
    partial: string;
    found: number;
    hit: boolean;
    strict_found: number;
    strict_hit: boolean;
    n: number;
  }>`
    WITH m AS (
      SELECT t.request_id, t.outcome, t.partial,
        count(f.id)::int AS found, coalesce(bool_or(f.id = t.firearm_id), false) AS hit,
        count(f.id) FILTER (WHERE f.properties->'make'->>0 = t.make_written
          AND f.properties->'serialNumber'->>0 = t.serial_written)::int AS strict_found,
        coalesce(bool_or(f.id = t.firearm_id AND f.properties->'make'->>0 = t.make_written
          AND f.properties->'serialNumber'->>0 = t.serial_written), false) AS strict_hit
      FROM public.bench_trace_truth t
      LEFT JOIN puente.record f ON f.schema = 'Firearm' AND f.agency = 'ATF'
        AND upper(trim(f.properties->'make'->>0)) = upper(trim(t.make_written))
        AND upper(trim(f.properties->'serialNumber'->>0)) = upper(trim(t.serial_written))
      WHERE t.set = ${set} AND (NOT ${answeredOnly} OR EXISTS (SELECT 1
        FROM puente.trace_request q WHERE q.id = t.request_id AND q.status <> 'submitted'))
      GROUP BY t.request_id, t.outcome, t.partial
    )
    SELECT outcome, partial, found, hit, strict_found, strict_hit, count(*)::int AS n
    FROM m GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  const seconds = (performance.now() - started) / 1000;
  const traced = rows.filter((r) => r.outcome === 'traced');
  const sum = (xs: typeof rows) => xs.reduce((s, r) => s + r.n, 0);
  const right = sum(traced.filter((r) => r.found === 1 && r.hit));
  const strictRight = sum(traced.filter((r) => r.strict_found === 1 && r.strict_hit));
  const requests = sum(traced);
  const partial = traced.filter((r) => r.partial !== 'none');
  return {
    seconds,
    traceable: requests,
    right,
    accuracy: ratio(right, requests),
    ambiguous: sum(traced.filter((r) => r.found > 1)),
    partialRight: sum(partial.filter((r) => r.found === 1 && r.hit)),
    partialRequests: sum(partial),
    strictRight,
    strictAccuracy: ratio(strictRight, requests),
    falseHits: sum(rows.filter((r) => r.outcome !== 'traced' && r.found > 0)),
  };
}
