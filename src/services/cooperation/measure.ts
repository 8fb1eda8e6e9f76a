import { AppError } from '../../domain/errors.js';
import {
  fentanylAtPorts,
  FENTANYL_DRUGS,
  INDICATOR_NAMES,
  indicatorDef,
  precursorsAtPacificPorts,
  PRECURSOR_DRUGS,
  trendOf,
  tracesAnsweredWithin,
  type IndicatorDef,
  type MonthValue,
  type Trend,
} from '../../domain/cooperation/indicators.js';
import type { Problem } from '../../domain/cooperation/input.js';
import {
  addMonths,
  dayAfter,
  firstDay,
  isMonth,
  monthOf,
  monthsBetween,
} from '../../domain/cooperation/months.js';
import { readSeizureFacts, readTraceFacts } from '../../storage/cooperation.js';
import type { Tx } from '../../storage/session.js';

export const MAX_MONTHS = 120;

export interface WindowInput {
  /** First month, YYYY-MM. */
  from?: string;
  /** Last month, YYYY-MM. */
  to?: string;
}

/** The months an indicator is shown for: the months asked, else the given defaults. */
export function monthsOf(input: WindowInput, defaults: { from: string; to: string }): string[] {
  const errors: Problem[] = [];
  const month = (field: 'from' | 'to') => {
    const v = input[field];
    if (v === undefined) return defaults[field];
    if (!isMonth(v)) {
      errors.push({ code: 'invalid_month', field, value: v, expected: 'a month as YYYY-MM' });
    }
    return v;
  };
  const from = month('from');
  const to = month('to');
  if (!errors.length && (to < from || monthsBetween(from, to).length > MAX_MONTHS)) {
    errors.push({
      code: 'invalid_window',
      field: 'to',
      value: `${from} – ${to}`,
      expected: `a last month on or after the first, at most ${MAX_MONTHS} months later`,
      params: { max: String(MAX_MONTHS) },
    });
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return monthsBetween(from, to);
}

/** By default: the twelve months before `since` (a baseline) up to the month of `now`. */
export function defaultWindow(since: string | null, now: Date) {
  const to = monthOf(now);
  const start = since ? monthOf(since) : to;
  const from = addMonths(start < to ? start : to, -12);
  const earliest = addMonths(to, 1 - MAX_MONTHS);
  return { from: from < earliest ? earliest : from, to };
}

/** The indicator's value each month, from what the transaction's viewer may see. */
export async function measure(
  tx: Tx,
  def: IndicatorDef,
  months: readonly string[],
  now: Date,
): Promise<MonthValue[]> {
  if (!months.length) return [];
  const from = firstDay(months[0]!);
  const before = dayAfter(months.at(-1)!);
  switch (def.name) {
    case 'fentanyl_poe_kg':
      return fentanylAtPorts(
        await readSeizureFacts(tx, { drugs: FENTANYL_DRUGS, from, before }),
        months,
      );
    case 'precursor_pacific_seizures':
      return precursorsAtPacificPorts(
        await readSeizureFacts(tx, { drugs: PRECURSOR_DRUGS, from, before }),
        months,
      );
    case 'traces_answered_30d':
      return tracesAnsweredWithin(await readTraceFacts(tx, { from, before }), months, now);
  }
}

export function requireIndicator(name: string): IndicatorDef {
  const def = indicatorDef(name);
  if (!def) {
    throw new AppError('not_found', { kind: 'indicator', id: name }, [
      {
        code: 'unknown_indicator',
        field: 'name',
        value: name,
        expected: `one of ${INDICATOR_NAMES.join(', ')}`,
        params: { values: INDICATOR_NAMES.join(', ') },
      } as Problem,
    ]);
  }
  return def;
}

export async function trendFor(
  tx: Tx,
  def: IndicatorDef,
  months: readonly string[],
  target: number | null,
  now: Date,
): Promise<Trend> {
  return trendOf(def, await measure(tx, def, months, now), target);
}
