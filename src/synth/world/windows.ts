import { dayOf } from '../dates.js';

/** The periods each kind of data covers (days since 1970-01-01). */
export const WINDOWS = {
  /** Retail sales: long enough for guns recovered in 2016 with a time-to-crime of years. */
  sales: { start: dayOf('2008-01-01'), end: dayOf('2024-12-31') },
  recoveries: { start: dayOf('2016-01-01'), end: dayOf('2024-12-31') },
  /** Seizures, smuggling events, intercepts. */
  events: { start: dayOf('2019-01-01'), end: dayOf('2025-06-30') },
} as const;
