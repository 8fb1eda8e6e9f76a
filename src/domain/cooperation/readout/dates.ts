import { foldWithOrigin, originalOf } from './folded.js';

/** Month names and their usual abbreviations in the three languages, folded, by month (1–12). */
const MONTHS: ReadonlyArray<readonly string[]> = [
  ['january', 'jan', 'enero', 'ene', 'janvier', 'janv'],
  ['february', 'feb', 'febrero', 'fevrier', 'fevr'],
  ['march', 'mar', 'marzo', 'mars'],
  ['april', 'apr', 'abril', 'abr', 'avril', 'avr'],
  ['may', 'mayo', 'mai'],
  ['june', 'jun', 'junio', 'juin'],
  ['july', 'jul', 'julio', 'juillet', 'juil'],
  ['august', 'aug', 'agosto', 'ago', 'aout'],
  ['september', 'sept', 'sep', 'septiembre', 'setiembre', 'septembre'],
  ['october', 'oct', 'octubre', 'octobre'],
  ['november', 'nov', 'noviembre', 'novembre'],
  ['december', 'dec', 'diciembre', 'dic', 'decembre'],
];
const MONTH_OF = new Map(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|o|º)?';
const YEAR = '((?:19|20)\\d{2})';
const RANGE = '(?:\\s*(?:-|–|—|to|through|and|al|y|a|au|et)\\s*(\\d{1,2}))?';

export interface DateMention {
  /** YYYY-MM-DD: the first day named. */
  date: string;
  /** The last day of a range ("5–6 March"); for a month or a year, its last day. */
  endDate?: string;
  precision: 'day' | 'month' | 'year';
  index: number;
  length: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

interface Rule {
  pattern: RegExp;
  read: (
    m: RegExpMatchArray,
    defaultYear?: number,
  ) => Omit<DateMention, 'index' | 'length'> | undefined;
}

const day = (y: number, m: number, d: number, end?: number) => {
  const date = iso(y, m, d);
  if (!date) return undefined;
  const endDate = end !== undefined && end > d ? iso(y, m, end) : undefined;
  return { date, ...(endDate ? { endDate } : {}), precision: 'day' as const };
};

const monthOf = (s: string) => MONTH_OF.get(s)!;

// Folded text: "5 de marzo de 2025", "March 5–6, 2025", "5 et 6 mars 2025", "2025-03-05".
const RULES: readonly Rule[] = [
  {
    pattern: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g,
    read: (m) => day(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // English: March 5, 2025 / March 5-6, 2025 / March 5 (year of the document).
    pattern: new RegExp(`\\b${MONTH}\\s+${DAY}${RANGE}(?:,?\\s+${YEAR})?\\b`, 'g'),
    read: (m, y) => {
      const year = m[4] ? Number(m[4]) : y;
      return year
        ? day(year, monthOf(m[1]!), Number(m[2]), m[3] ? Number(m[3]) : undefined)
        : undefined;
    },
  },
  {
    // Spanish and French, and British English: 5 de marzo de 2025 / del 5 al 6 de marzo / 5 mars 2025.
    pattern: new RegExp(
      `\\b${DAY}${RANGE}\\s+(?:de\\s+)?${MONTH}(?:\\s+(?:de(?:l)?\\s+)?${YEAR})?\\b`,
      'g',
    ),
    read: (m, y) => {
      const year = m[4] ? Number(m[4]) : y;
      return year
        ? day(year, monthOf(m[3]!), Number(m[1]), m[2] ? Number(m[2]) : undefined)
        : undefined;
    },
  },
  {
    // A month: June 2025 / junio de 2025 / juin 2025.
    pattern: new RegExp(`\\b${MONTH}\\s+(?:de(?:l)?\\s+)?${YEAR}\\b`, 'g'),
    read: (m) => {
      const y = Number(m[2]);
      const mo = monthOf(m[1]!);
      return { date: iso(y, mo, 1)!, endDate: iso(y, mo, daysIn(y, mo))!, precision: 'month' };
    },
  },
];

/**
 * The dates a text names, in order, each stretch read once, with their place in the text as
 * written. Day and month without a year take
 * `defaultYear` (the readout's own year) or are skipped. A bare month name that is also a word
 * ("may", "mar", "mai") counts only with a day or a year next to it, as the patterns require.
 */
export function findDates(text: string, defaultYear?: number): DateMention[] {
  const f = foldWithOrigin(text);
  const taken: [number, number][] = [];
  const out: DateMention[] = [];
  for (const rule of RULES) {
    for (const m of f.folded.matchAll(rule.pattern)) {
      const { index: start, end } = originalOf(f, m.index, m.index + m[0].length);
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const read = rule.read(m, defaultYear);
      if (!read) continue;
      taken.push([start, end]);
      out.push({ ...read, index: start, length: end - start });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first date in a text with its year, which sets the year of the dates without one. */
export function documentYear(text: string): number | undefined {
  const first = findDates(text).find((d) => d.precision !== 'year');
  return first ? Number(first.date.slice(0, 4)) : undefined;
}

/** A day plus a number of days or months. */
export function addTime(date: string, n: number, unit: 'day' | 'week' | 'month'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (unit === 'month') {
    const total = m - 1 + n;
    const year = y + Math.floor(total / 12);
    const month = (total % 12) + 1;
    return iso(year, month, Math.min(d, daysIn(year, month)))!;
  }
  const t = new Date(Date.UTC(y, m - 1, d + n * (unit === 'week' ? 7 : 1)));
  return t.toISOString().slice(0, 10);
}

/** The last day of a year. */
export const endOfYear = (year: number): string => `${year}-12-31`;
