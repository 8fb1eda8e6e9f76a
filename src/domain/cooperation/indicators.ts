import { DRUGS } from '../model/schema-defs.js';
import { monthOf } from './months.js';
import { pacificPortOf } from './ports.js';

/**
 * The measurable queries a commitment can be bound to. Each is computed by month from facts read
 * under the viewer's sharing rules, so two viewers may see different values: each sees what the
 * data shared with them shows.
 */
export const INDICATOR_NAMES = [
  'fentanyl_poe_kg',
  'traces_answered_30d',
  'precursor_pacific_seizures',
] as const;
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

export interface IndicatorDef {
  name: IndicatorName;
  /** kg seized, a share (0–1) of requests, or a count of seizures; per month. */
  unit: 'kg' | 'share' | 'seizures';
  /** Whether the target is a floor (every indicator so far) or a ceiling. */
  direction: 'at_least' | 'at_most';
  /** What it is computed from. */
  source: 'seizures' | 'traces';
}

export const INDICATORS: readonly IndicatorDef[] = [
  // Fentanyl (powder or pills) seized at land ports of entry: kilograms per month.
  { name: 'fentanyl_poe_kg', unit: 'kg', direction: 'at_least', source: 'seizures' },
  // Trace requests answered within 30 days of submission: share per month of submission.
  { name: 'traces_answered_30d', unit: 'share', direction: 'at_least', source: 'traces' },
  // Precursor chemical seizures at Pacific seaports (ports.ts): seizures per month.
  {
    name: 'precursor_pacific_seizures',
    unit: 'seizures',
    direction: 'at_least',
    source: 'seizures',
  },
];

export const indicatorDef = (name: string): IndicatorDef | undefined =>
  INDICATORS.find((d) => d.name === name);

/** The drugs of the seizure indicators, as the Seizure schema spells them. */
export const FENTANYL_DRUGS: readonly string[] = DRUGS.filter((d) => d.startsWith('fentanyl'));
export const PRECURSOR_DRUGS: readonly string[] = ['precursor chemical'];

/** What a seizure contributes: its day and the properties the indicators read. */
export interface SeizureFact {
  day: string;
  drug: readonly string[];
  portOfEntry: readonly string[];
  place: readonly string[];
  address: readonly string[];
  quantity: readonly string[];
}

export interface TraceFact {
  submittedAt: string;
  answeredAt: string | null;
}

export interface MonthValue {
  month: string;
  /** kg, share or count; null when nothing could be measured (no trace decided yet). */
  value: number | null;
  /** How many seizures or trace requests the value rests on. */
  basis: number;
}

const KG_PER: Readonly<Record<string, number>> = {
  mg: 1e-6,
  g: 1e-3,
  kg: 1,
  lb: 0.45359237,
  oz: 0.028349523125,
  t: 1000,
};

/** The mass of a stored quantity ("2.5 kg", "800 g") in kg; null for pills, litres and the like. */
export function massInKg(quantity: string): number | null {
  const [amount, unit] = quantity.trim().split(/\s+/);
  const factor = unit ? KG_PER[unit] : undefined;
  const n = Number(amount);
  return factor === undefined || !Number.isFinite(n) ? null : n * factor;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function byMonth<F>(months: readonly string[], facts: readonly F[], monthOfFact: (f: F) => string) {
  const groups = new Map<string, F[]>(months.map((m) => [m, []]));
  for (const f of facts) groups.get(monthOfFact(f))?.push(f);
  return groups;
}

const isFentanylAtPort = (f: SeizureFact) =>
  f.drug.some((d) => FENTANYL_DRUGS.includes(d)) && f.portOfEntry.some((p) => p.trim() !== '');

/** Kilograms of fentanyl seized at ports of entry each month (pill counts add no mass). */
export function fentanylAtPorts(facts: readonly SeizureFact[], months: readonly string[]) {
  const groups = byMonth(months, facts.filter(isFentanylAtPort), (f) => monthOf(f.day));
  return months.map((month): MonthValue => {
    const seized = groups.get(month)!;
    const kg = seized.reduce(
      (sum, f) => sum + f.quantity.reduce((s, q) => s + (massInKg(q) ?? 0), 0),
      0,
    );
    return { month, value: round(kg, 3), basis: seized.length };
  });
}

const atPacificPort = (f: SeizureFact) =>
  [...f.portOfEntry, ...f.place, ...f.address].some((p) => pacificPortOf(p) !== undefined);

/** Seizures of precursor chemicals at Pacific ports each month. */
export function precursorsAtPacificPorts(facts: readonly SeizureFact[], months: readonly string[]) {
  const hits = facts.filter(
    (f) => f.drug.some((d) => PRECURSOR_DRUGS.includes(d)) && atPacificPort(f),
  );
  const groups = byMonth(months, hits, (f) => monthOf(f.day));
  return months.map((month): MonthValue => {
    const n = groups.get(month)!.length;
    return { month, value: n, basis: n };
  });
}

const DAY_MS = 86_400_000;

/**
 * The share of trace requests answered within `days` of submission, by month of submission.
 * A request counts once it is decided: answered, or open for longer than `days` (a late one).
 * Requests still open and younger than that are not counted yet.
 */
export function tracesAnsweredWithin(
  facts: readonly TraceFact[],
  months: readonly string[],
  now: Date,
  days = 30,
) {
  const limit = days * DAY_MS;
  const groups = byMonth(months, facts, (f) => monthOf(new Date(f.submittedAt)));
  return months.map((month): MonthValue => {
    let decided = 0;
    let inTime = 0;
    for (const f of groups.get(month)!) {
      const submitted = Date.parse(f.submittedAt);
      const answered = f.answeredAt === null ? null : Date.parse(f.answeredAt);
      if (answered !== null && answered - submitted <= limit) {
        decided++;
        inTime++;
      } else if (answered !== null || now.getTime() - submitted > limit) decided++;
    }
    return { month, value: decided ? round(inTime / decided, 4) : null, basis: decided };
  });
}

export interface TrendMonth extends MonthValue {
  /** Whether the month met the target; null when it has no value. */
  met: boolean | null;
}

export interface Trend {
  indicator: IndicatorName;
  unit: IndicatorDef['unit'];
  direction: IndicatorDef['direction'];
  target: number | null;
  months: TrendMonth[];
  /** The last month with a value, and whether it met the target. */
  latest: TrendMonth | null;
}

export const meets = (def: IndicatorDef, value: number | null, target: number | null) =>
  value === null || target === null
    ? null
    : def.direction === 'at_least'
      ? value >= target
      : value <= target;

/** The values over time compared with the target. */
export function trendOf(
  def: IndicatorDef,
  values: readonly MonthValue[],
  target: number | null,
): Trend {
  const months = values.map((v) => ({ ...v, met: meets(def, v.value, target) }));
  return {
    indicator: def.name,
    unit: def.unit,
    direction: def.direction,
    target,
    months,
    latest: [...months].reverse().find((m) => m.value !== null) ?? null,
  };
}
