/** Calendar days as integers: the tracing domain's calendar, which the sales data must obey. */
import { weekday } from '../domain/tracing/calendar.js';

export { businessDayIndex, dayOf, isoOf, weekday } from '../domain/tracing/calendar.js';

/** The day itself on Monday–Friday, else the Monday after. */
export function nextWeekday(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
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
