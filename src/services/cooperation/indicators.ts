import { INDICATORS, type IndicatorDef, type Trend } from '../../domain/cooperation/indicators.js';
import { monthOf, addMonths } from '../../domain/cooperation/months.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { monthsOf, requireIndicator, trendFor, type WindowInput } from './measure.js';

/** The indicators a commitment can be bound to. */
export const listIndicators = (): readonly IndicatorDef[] => INDICATORS;

export interface IndicatorInput extends WindowInput {
  /** Compare each month with this target. */
  target?: number;
  now?: Date;
}

/**
 * An indicator's values by month (by default the last twelve), computed inside the viewer's
 * transaction from what the viewer may see: a record not shared with them counts for nothing.
 */
export async function computeIndicator(
  call: Call,
  name: string,
  input: IndicatorInput = {},
): Promise<Trend> {
  const { now = new Date(), target, ...window } = input;
  return audited(
    call,
    'indicator.compute',
    { name, ...window, target },
    async (tx) => {
      const def = requireIndicator(name);
      const to = monthOf(now);
      const months = monthsOf(window, { from: addMonths(to, -11), to });
      const trend = await trendFor(tx, def, months, target ?? null, now);
      return { result: trend, count: trend.months.reduce((n, m) => n + m.basis, 0) };
    },
    { readOnly: true },
  );
}
