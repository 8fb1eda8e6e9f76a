import { CURRENT_YY, isCalendarDay, twoDigits } from './calendar.js';

export interface Rfc {
  /** Upper case, without spaces or dashes. */
  value: string;
  /** 13 characters for a person (4 letters), 12 for a company (3 letters). */
  kind: 'person' | 'company';
  /** Birth or incorporation date YYYY-MM-DD; two-digit years above the current one are 19yy. */
  date: string | null;
  /** Structure, a real date and SAT's homoclave check digit. */
  valid: boolean;
  /**
   * One of SAT's catch-all RFCs (XAXX010101000 for the general public, XEXX010101000 for
   * foreigners) that invoices carry when the buyer has none: shared by millions, so they
   * identify nobody and are never `valid`.
   */
  generic: boolean;
}

const GENERIC: ReadonlySet<string> = new Set(['XAXX010101000', 'XEXX010101000']);

// SAT's values for the check digit: 0-9, A-N, &, O-Z, space (padding), Ñ.
const VALUE = new Int8Array(256).fill(-1);
'0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ'.split('').forEach((ch, i) => {
  VALUE[ch.charCodeAt(0)] = i;
});

// The homoclave (last 3) is alphanumeric whatever the check digit, so that a mistyped one
// still reads as an RFC, only not a valid one.
const PERSON = /^[A-ZÑ&]{4}\d{6}[A-Z0-9]{3}$/;
const COMPANY = /^[A-ZÑ&]{3}\d{6}[A-Z0-9]{3}$/;
const SEPARATORS = /[\s.-]+/g;
const HAS_SEPARATOR = /[\s.-]/;

/**
 * SAT's homoclave check digit over the first 11 (company) or 12 (person) characters. A company
 * body is padded in front with one space to 12, so both use weights 13..2, and the space's
 * value (37) counts at weight 13; then 11 - sum mod 11, where 11 is 0 and 10 is A.
 */
export function rfcCheckDigit(body: string): string {
  const padded = body.length === 11 ? ` ${body}` : body;
  if (padded.length !== 12) throw new RangeError('an RFC body has 11 or 12 characters');
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const code = padded.charCodeAt(i);
    const v = code < 256 ? VALUE[code]! : -1;
    if (v < 0) throw new RangeError(`not an RFC character at ${i}: ${JSON.stringify(padded[i])}`);
    sum += v * (13 - i);
  }
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

function clean(raw: string): string {
  const s = raw.trim().toUpperCase();
  return HAS_SEPARATOR.test(s) ? s.replace(SEPARATORS, '') : s;
}

/** Reads an RFC: null when not RFC-shaped; `valid` false for a bad date or check digit. */
export function parseRfc(raw: string): Rfc | null {
  const value = clean(raw);
  const kind = PERSON.test(value) ? 'person' : COMPANY.test(value) ? 'company' : null;
  if (!kind) return null;

  const at = kind === 'person' ? 4 : 3;
  const yy = twoDigits(value, at);
  const year = (yy > CURRENT_YY ? 1900 : 2000) + yy;
  const ok = isCalendarDay(year, twoDigits(value, at + 2), twoDigits(value, at + 4));
  const date = ok ? `${year}-${value.slice(at + 2, at + 4)}-${value.slice(at + 4, at + 6)}` : null;
  const generic = GENERIC.has(value);
  const valid = ok && !generic && rfcCheckDigit(value.slice(0, -1)) === value[value.length - 1];
  return { value, kind, date, valid, generic };
}
