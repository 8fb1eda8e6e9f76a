export type BirthDateMatch =
  /** The same day. */
  | 'exact'
  /** Day and month exchanged (both 12 or less), the US/Mexico writing-order mix-up. */
  | 'swapped'
  /** The same year where one side (or both) has only a year or a year and month. */
  | 'year'
  /** Same month and day with the year off by one, or one mistyped or two transposed digits. */
  | 'near'
  | 'conflict'
  /** Either side missing or not a date. */
  | 'unknown';

const TIME_MARK = /[Tt ]/;

const DIGIT = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

/**
 * A record date as the number YYYYMMDD, with 00 for a missing month or day, or -1 when it is
 * not 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a time after the day is ignored). A number rather than
 * parts so comparing a million pairs allocates nothing.
 */
function packed(date: string | null | undefined): number {
  if (!date) return -1;
  const n = date.length;
  if (n !== 4 && n !== 7 && n !== 10 && !(n > 10 && TIME_MARK.test(date[10]!))) return -1;
  const year = DIGIT(date, 0) * 1000 + DIGIT(date, 1) * 100 + DIGIT(date, 2) * 10 + DIGIT(date, 3);
  if (n === 4) return year >= 0 ? year * 10000 : -1;
  if (date.charCodeAt(4) !== 45) return -1;
  const month = DIGIT(date, 5) * 10 + DIGIT(date, 6);
  if (!(month >= 1 && month <= 12)) return -1;
  if (n === 7) return year >= 0 ? year * 10000 + month * 100 : -1;
  if (date.charCodeAt(7) !== 45) return -1;
  const day = DIGIT(date, 8) * 10 + DIGIT(date, 9);
  if (!(day >= 1 && day <= 31) || !(year >= 0)) return -1;
  return year * 10000 + month * 100 + day;
}

// Digit positions of YYYYMMDD counted from the right; a transposition only counts inside one
// field (12 for 21 in the day, 1985 for 1958 in the year), not across a field boundary.
const SAME_FIELD_AS_NEXT = [true, false, true, false, true, true, true, false];

/** One digit mistyped, or two neighbouring digits of one field exchanged. */
function oneTypo(a: number, b: number): boolean {
  let differing = 0;
  let first = -1;
  let x = a;
  let y = b;
  for (let i = 0; i < 8; i++, x = Math.floor(x / 10), y = Math.floor(y / 10)) {
    if (x % 10 === y % 10) continue;
    if (++differing > 2) return false;
    if (first < 0) first = i;
    else if (first !== i - 1 || !SAME_FIELD_AS_NEXT[first]) return false;
  }
  if (differing === 1) return true;
  const shift = 10 ** first;
  const lowA = Math.floor(a / shift) % 100;
  const lowB = Math.floor(b / shift) % 100;
  return lowA % 10 === Math.floor(lowB / 10) && Math.floor(lowA / 10) === lowB % 10;
}

/** How two birth dates agree, from the strongest agreement to a conflict. */
export function compareBirthDates(
  a: string | null | undefined,
  b: string | null | undefined,
): BirthDateMatch {
  const pa = packed(a);
  const pb = packed(b);
  if (pa < 0 || pb < 0) return 'unknown';
  if (pa === pb && pa % 100 !== 0) return 'exact';

  const ya = Math.floor(pa / 10000);
  const yb = Math.floor(pb / 10000);
  const ma = Math.floor(pa / 100) % 100;
  const mb = Math.floor(pb / 100) % 100;
  const da = pa % 100;
  const db = pb % 100;

  if (da === 0 || db === 0) {
    if (ya !== yb) return 'conflict';
    return ma !== 0 && mb !== 0 && ma !== mb ? 'conflict' : 'year';
  }
  if (ya === yb && ma === db && da === mb && da <= 12) return 'swapped';
  if (ma === mb && da === db && Math.abs(ya - yb) === 1) return 'near';
  return oneTypo(pa, pb) ? 'near' : 'conflict';
}

/** The year of a record date, or null when missing or not a date. */
export function birthYear(d: string | null | undefined): number | null {
  const p = packed(d);
  return p < 0 ? null : Math.floor(p / 10000);
}
