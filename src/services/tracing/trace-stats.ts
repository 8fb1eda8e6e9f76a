import { traceStatistics, type TraceStatistics } from '../../domain/tracing/stats.js';
import { csvLine } from '../../domain/text/csv.js';
import { readTraceFacts } from '../../storage/trace-results.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';

export interface StatsInput {
  recoveryCountry?: string;
  sourceCountry?: string;
  /** The year rifle recoveries are compared with (2016 in the published figure). */
  baseYear?: number;
  lastYear?: number;
}

/**
 * The tracing statistics over the requests the viewer may see: a requester's own, a tracer's
 * all. Nothing invisible to the viewer is counted.
 */
export async function traceStats(call: Call, input: StatsInput = {}): Promise<TraceStatistics> {
  return audited(
    call,
    'trace.stats',
    { ...input },
    async (tx) => {
      const facts = await readTraceFacts(tx);
      const stats = traceStatistics(facts, {
        recoveryCountry: input.recoveryCountry ?? 'MX',
        sourceCountry: input.sourceCountry ?? 'US',
        baseYear: input.baseYear ?? 2016,
        lastYear: input.lastYear,
      });
      return { result: stats, count: stats.requests };
    },
    { readOnly: true },
  );
}

/** The statistics as CSV: one row per figure and group, in a shape spreadsheets pivot well. */
export function statsToCsv(s: TraceStatistics): string {
  const rows: (string | number | null)[][] = [['dimension', 'key', 'traced', 'to_source', 'share']];
  const share = (x: number | null) => (x === null ? null : x.toFixed(4));
  rows.push(['overall', 'all', s.overall.traced, s.overall.toSource, share(s.overall.share)]);
  for (const [dimension, list] of [
    ['year', s.byYear],
    ['type', s.byType],
    ['recovery_state', s.byRecoveryState],
  ] as const) {
    for (const g of list) rows.push([dimension, g.key, g.traced, g.toSource, share(g.share)]);
  }
  for (const g of s.bySourceState) rows.push(['source_state', g.key, null, g.guns, share(g.share)]);
  rows.push(['median_time_to_crime_days', 'all', null, null, s.medianTimeToCrimeDays]);
  rows.push([
    'rifle_change',
    `${s.rifles.baseYear}-${s.rifles.lastYear}`,
    s.rifles.base,
    s.rifles.last,
    share(s.rifles.change),
  ]);
  return rows
    .map((r) =>
      csvLine(
        r.map((v) => (v === null ? '' : String(v))),
        ',',
      ),
    )
    .join('');
}
