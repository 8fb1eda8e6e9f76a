import type { TraceStatus } from './status.js';
import { isFinal } from './status.js';

/** One trace request as the statistics count it. */
export interface TraceFact {
  status: TraceStatus;
  type: string;
  recoveredOn: string;
  recoveryCountry: string;
  recoveryState: string;
  saleCountry: string | null;
  dealerState: string | null;
  timeToCrimeDays: number | null;
}

export interface Share {
  key: string;
  /** Finished traces of recoveries in the chosen country. */
  traced: number;
  /** Of those, the ones that led to a retail sale in the source country. */
  toSource: number;
  share: number | null;
}

export interface TraceStatistics {
  recoveryCountry: string;
  sourceCountry: string;
  requests: number;
  pending: number;
  overall: Share;
  byYear: Share[];
  byType: Share[];
  byRecoveryState: Share[];
  /** Guns traced to the source country, by the state of the dealer that sold them. */
  bySourceState: { key: string; guns: number; share: number }[];
  medianTimeToCrimeDays: number | null;
  rifles: { baseYear: number; lastYear: number; base: number; last: number; change: number | null };
  byStatus: { key: TraceStatus; count: number }[];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function shares(
  facts: readonly TraceFact[],
  keyOf: (f: TraceFact) => string,
  toSource: (f: TraceFact) => boolean,
): Share[] {
  const groups = new Map<string, { traced: number; toSource: number }>();
  for (const f of facts) {
    const g = groups.get(keyOf(f)) ?? { traced: 0, toSource: 0 };
    g.traced++;
    if (toSource(f)) g.toSource++;
    groups.set(keyOf(f), g);
  }
  return [...groups]
    .map(([key, g]) => ({ key, ...g, share: ratio(g.toSource, g.traced) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The figures the committees cite: of the guns recovered in one country (Mexico) whose trace has
 * an answer, the share traced to a retail sale in another (the United States), by year, type and
 * state; the median time-to-crime; and how rifle recoveries changed since a base year.
 */
export function traceStatistics(
  all: readonly TraceFact[],
  opts: {
    recoveryCountry: string;
    sourceCountry: string;
    baseYear: number;
    /** The year compared with the base year; by default the latest with rifle recoveries. */
    lastYear?: number;
  },
): TraceStatistics {
  const here = all.filter((f) => f.recoveryCountry === opts.recoveryCountry);
  const finished = here.filter((f) => isFinal(f.status));
  const toSource = (f: TraceFact) =>
    f.status === 'completed' && f.saleCountry === opts.sourceCountry;
  const sourced = finished.filter(toSource);
  const year = (f: TraceFact) => f.recoveredOn.slice(0, 4);

  const states = new Map<string, number>();
  for (const f of sourced)
    states.set(f.dealerState ?? '', (states.get(f.dealerState ?? '') ?? 0) + 1);

  const rifleYears = new Map<number, number>();
  for (const f of here) {
    if (f.type === 'rifle') rifleYears.set(+year(f), (rifleYears.get(+year(f)) ?? 0) + 1);
  }
  const lastYear = opts.lastYear ?? Math.max(opts.baseYear, ...rifleYears.keys());
  const base = rifleYears.get(opts.baseYear) ?? 0;
  const last = rifleYears.get(lastYear) ?? 0;

  const statuses = new Map<TraceStatus, number>();
  for (const f of here) statuses.set(f.status, (statuses.get(f.status) ?? 0) + 1);

  return {
    recoveryCountry: opts.recoveryCountry,
    sourceCountry: opts.sourceCountry,
    requests: here.length,
    pending: here.length - finished.length,
    overall: {
      key: 'all',
      traced: finished.length,
      toSource: sourced.length,
      share: ratio(sourced.length, finished.length),
    },
    byYear: shares(finished, year, toSource),
    byType: shares(finished, (f) => f.type, toSource),
    byRecoveryState: shares(finished, (f) => f.recoveryState, toSource),
    bySourceState: [...states]
      .map(([key, guns]) => ({ key, guns, share: guns / sourced.length }))
      .sort((a, b) => b.guns - a.guns || a.key.localeCompare(b.key)),
    medianTimeToCrimeDays: median(
      sourced.map((f) => f.timeToCrimeDays).filter((d): d is number => d !== null),
    ),
    rifles: {
      baseYear: opts.baseYear,
      lastYear,
      base,
      last,
      change: base > 0 && lastYear > opts.baseYear ? last / base - 1 : null,
    },
    byStatus: [...statuses]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
