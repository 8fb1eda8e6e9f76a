/** Calendar days as integers (days since 1970-01-01, UTC): cheap to draw, compare and format. */

const DAY_MS = 86_400_000;

export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: number): number => (day + 4) % 7;

/** The day itself on Monday–Friday, else the Monday after. */
export function nextWeekday(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** Counts Monday–Friday days: two weekdays are n business days apart when these differ by n. */
export function businessDayIndex(day: number): number {
  const sinceMonday = (weekday(day) + 6) % 7;
  // Day 4 (1970-01-05) is a Monday.
  const week = (day - sinceMonday - 4) / 7;
  return week * 5 + Math.min(sinceMonday, 4);
}

export type DatePattern = 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'YYYY-MM-DD' | 'YYYYMMDD';

/** Writes an ISO date the way a partner's system does; empty stays empty. */
export function formatDate(iso: string, pattern: DatePattern): string {
  if (!iso) return '';
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  switch (pattern) {
    case 'MM/DD/YYYY':
      return `${m}/${d}/${y}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'YYYYMMDD':
      return `${y}${m}${d}`;
    default:
      return iso;
  }
}
