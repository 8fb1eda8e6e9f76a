/** Calendar days as integers (days since 1970-01-01, UTC): cheap to compare and count. */

const DAY_MS = 86_400_000;

export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: number): number => (day + 4) % 7;

/** Counts Monday–Friday days: two weekdays are n business days apart when these differ by n. */
export function businessDayIndex(day: number): number {
  const sinceMonday = (weekday(day) + 6) % 7;
  // Day 4 (1970-01-05) is a Monday.
  const week = (day - sinceMonday - 4) / 7;
  return week * 5 + Math.min(sinceMonday, 4);
}

/** Days from the sale to the recovery: the trace's time-to-crime. */
export const daysBetween = (fromIso: string, toIso: string) => dayOf(toIso) - dayOf(fromIso);
