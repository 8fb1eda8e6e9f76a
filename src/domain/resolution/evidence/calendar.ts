// Identifiers encode dates as YYMMDD and records carry ISO dates; both need the same calendar
// rule to tell a real day from a typo such as 30 February.

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isCalendarDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Two ASCII digits at i as a number, or NaN: cheaper than slicing and Number() per field. */
export function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

// Read once: a process that runs across New Year keeps the old year for its lifetime, which
// only matters for identifiers dated in the very days around it.
const NOW = new Date();

/** Today as YYYY-MM-DD (UTC), for rejecting birth dates in the future. */
export const TODAY = NOW.toISOString().slice(0, 10);

/** The current year modulo 100, the pivot for two-digit years without a century marker. */
export const CURRENT_YY = NOW.getUTCFullYear() % 100;
