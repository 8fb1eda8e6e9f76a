/** Calendar months as YYYY-MM, the grain indicators are measured on. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => MONTH.test(s);

export const monthOf = (day: string | Date): string =>
  (typeof day === 'string' ? day : day.toISOString()).slice(0, 7);

/** The month `n` months after (or before, when negative) `month`. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The first day of a month, and the first day of the month after it (an exclusive bound). */
export const firstDay = (month: string): string => `${month}-01`;
export const dayAfter = (month: string): string => `${addMonths(month, 1)}-01`;
