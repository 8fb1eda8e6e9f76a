/** The partner date layouts a mapping may name. */
export const DATE_FORMATS = [
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'YYYY-MM-DD',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'DD.MM.YYYY',
  'YYYY/MM/DD',
  'YYYYMMDD',
  'DD/MM/YY',
  'MM/DD/YY',
] as const;

export type DateFormat = (typeof DATE_FORMATS)[number];

export const isDateFormat = (s: string): s is DateFormat =>
  (DATE_FORMATS as readonly string[]).includes(s);

const TOKEN: Record<string, string> = {
  YYYY: '(?<year>\\d{4})',
  YY: '(?<yy>\\d{2})',
  MM: '(?<month>\\d{1,2})',
  DD: '(?<day>\\d{1,2})',
};

const TIME = '(?:[ T](?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?)?';

function compile(format: DateFormat): RegExp {
  const fixed = format === 'YYYYMMDD';
  const body = format.replace(/YYYY|YY|MM|DD|[./-]/g, (t) =>
    fixed && t !== 'YYYY' ? `(?<${t === 'MM' ? 'month' : 'day'}>\\d{2})` : (TOKEN[t] ?? `\\${t}`),
  );
  return new RegExp(`^${body}${TIME}$`);
}

const COMPILED = new Map<DateFormat, RegExp>(DATE_FORMATS.map((f) => [f, compile(f)]));

const pad = (s: string) => s.padStart(2, '0');

/**
 * Rewrites a partner's date as ISO 8601 (the calendar itself is checked later, with the
 * property's type). Two-digit years: 00–49 are 2000–2049, 50–99 are 1950–1999.
 */
export function reformatDate(value: string, format: DateFormat): string | undefined {
  const g = COMPILED.get(format)!.exec(value)?.groups;
  if (!g) return undefined;
  const year = g.year ?? (Number(g.yy) < 50 ? `20${g.yy}` : `19${g.yy}`);
  const day = `${year}-${pad(g.month!)}-${pad(g.day!)}`;
  if (g.hour === undefined) return day;
  return `${day}T${pad(g.hour)}:${g.minute}${g.second ? `:${g.second}` : ''}`;
}
