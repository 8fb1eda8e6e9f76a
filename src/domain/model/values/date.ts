import { invalid, valid, type ValueResult } from '../result.js';

export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;

const EXPECTED =
  'a calendar date YYYY, YYYY-MM or YYYY-MM-DD, or a date and time ' +
  'YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM], with a year from 1000 to 2999';

const PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})?)?)?)?$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function validOffset(offset: string | undefined): boolean {
  if (offset === undefined || offset === 'Z' || offset === 'z') return true;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  return hours <= 14 && minutes <= 59;
}

/**
 * Dates keep the precision they were given (FtM style): a year, a month, a day
 * or an instant. The calendar is checked so impossible days never get stored.
 */
export function normaliseDate(raw: string): ValueResult {
  const s = raw.trim();
  const m = PATTERN.exec(s);
  if (!m) return invalid('invalid_date', EXPECTED);
  const [, year, month, day, hour, minute, second, , offset] = m;

  const y = Number(year);
  if (y < MIN_YEAR || y > MAX_YEAR) return invalid('invalid_date', EXPECTED);
  if (month !== undefined) {
    const mo = Number(month);
    if (mo < 1 || mo > 12) return invalid('invalid_date', EXPECTED);
    if (day !== undefined) {
      const d = Number(day);
      if (d < 1 || d > daysInMonth(y, mo)) return invalid('invalid_date', EXPECTED);
    }
  }
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59)) {
    return invalid('invalid_date', EXPECTED);
  }
  if (second !== undefined && Number(second) > 59) return invalid('invalid_date', EXPECTED);
  if (!validOffset(offset)) return invalid('invalid_date', EXPECTED);

  return valid(s.replace('t', 'T').replace(/z$/, 'Z'));
}

/**
 * The calendar day of a normalised date, padding partial dates to their first
 * day. A date-time keeps the day as written in its own offset: the local day
 * of an event is what analysts filter on.
 */
export function toDay(date: string): string {
  const day = date.slice(0, 10);
  if (day.length === 4) return `${day}-01-01`;
  if (day.length === 7) return `${day}-01`;
  return day;
}
