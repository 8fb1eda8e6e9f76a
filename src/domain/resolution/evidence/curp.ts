import { isCalendarDay, TODAY, twoDigits } from './calendar.js';
import { CURP_STATES, isCurpState } from './curp-states.js';

export { curpNameLetters } from './curp-letters.js';
export { BORN_ABROAD, CURP_STATES, isCurpState } from './curp-states.js';

export interface Curp {
  /** Upper case, without spaces or dashes. */
  value: string;
  /** Check digit, birth date, sex and state all valid. */
  valid: boolean;
  /** YYYY-MM-DD; the century comes from the differentiator (digit 19xx, letter 20xx). */
  birthDate: string | null;
  /** Null for the X marker (neither H nor M) or an unknown letter. */
  sex: 'H' | 'M' | null;
  /** Two-letter state code, 'NE' for born abroad; null when not a known code. */
  state: string | null;
  /** The 4 initial letters and 3 inner consonants: what the name contributes. */
  nameLetters: string;
}

// Character values for the check digit: 0-9 A-N Ñ O-Z, so Ñ sits between N and O. Indexed by
// char code (Ñ is U+00D1) so the hot loop needs no string search.
const VALUE = new Int8Array(256).fill(-1);
'0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ'.split('').forEach((ch, i) => {
  VALUE[ch.charCodeAt(0)] = i;
});

// People write CURPs in groups ("HEGG 560427 MVZRRL04", "HEGG-560427-…").
const SEPARATORS = /[\s.-]+/g;

function checkValue(body: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = body.charCodeAt(i);
    const v = code < 256 ? VALUE[code]! : -1;
    if (v < 0) throw new RangeError(`not a CURP character at ${i}: ${JSON.stringify(body[i])}`);
    sum += v * (18 - i);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * RENAPO's check digit over the first 17 characters: weights 18..2 on their values in
 * 0-9 A-N Ñ O-Z, then (10 - sum mod 10) mod 10. Throws on a shorter body or a character
 * outside that alphabet, which would be a caller's bug, not a data error.
 */
export function curpCheckDigit(body17: string): string {
  if (body17.length < 17) throw new RangeError('a CURP body has 17 characters');
  return String(checkValue(body17));
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || c === 209; // A-Z, Ñ
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Letters where letters go and digits where digits go: enough to say "this was meant as a
 * CURP", so a typo still yields a (not valid) CURP the caller can compare. A scan rather than
 * a regular expression: this runs on every record of a bulk load.
 */
function curpShaped(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 16; i++) {
    const c = s.charCodeAt(i);
    if (i >= 4 && i < 10 ? !isDigit(c) : !isLetter(c)) return false;
  }
  const d = s.charCodeAt(16);
  return (isDigit(d) || (d >= 65 && d <= 90)) && isDigit(s.charCodeAt(17));
}

// State codes as a 26 x 26 table of the two letters, so the check needs no substring.
const STATE_TABLE = new Uint8Array(26 * 26);
for (const code of Object.keys(CURP_STATES)) {
  STATE_TABLE[(code.charCodeAt(0) - 65) * 26 + code.charCodeAt(1) - 65] = 1;
}

function knownState(s: string, i: number): boolean {
  const a = s.charCodeAt(i) - 65;
  const b = s.charCodeAt(i + 1) - 65;
  return a >= 0 && a < 26 && b >= 0 && b < 26 && STATE_TABLE[a * 26 + b] === 1;
}

/**
 * Reads a CURP: null when the text is not CURP-shaped at all; otherwise what it encodes, with
 * `valid` false for a wrong check digit, an impossible or future birth date, an unknown state
 * or a sex letter other than H, M or X.
 */
export function parseCurp(raw: string): Curp | null {
  // Most stored CURPs are already clean: only the others pay for trimming and upper-casing.
  let value = raw;
  if (!curpShaped(value)) {
    value = raw.trim().toUpperCase().replace(SEPARATORS, '');
    if (!curpShaped(value)) return null;
  }

  const differentiator = value.charCodeAt(16);
  const century = differentiator <= 57 ? 1900 : 2000;
  const year = century + twoDigits(value, 4);
  const month = twoDigits(value, 6);
  const day = twoDigits(value, 8);
  let birthDate: string | null = null;
  if (isCalendarDay(year, month, day)) {
    birthDate = `${year}-${value.slice(6, 8)}-${value.slice(8, 10)}`;
    if (century === 2000 && birthDate > TODAY) birthDate = null;
  }

  const sexLetter = value[10];
  const sex = sexLetter === 'H' || sexLetter === 'M' ? sexLetter : null;
  const state = knownState(value, 11) ? value.slice(11, 13) : null;

  const valid =
    birthDate !== null &&
    (sex !== null || sexLetter === 'X') &&
    state !== null &&
    checkValue(value) === value.charCodeAt(17) - 48;

  return {
    value,
    valid,
    birthDate,
    sex,
    state,
    nameLetters: value.slice(0, 4) + value.slice(13, 16),
  };
}

/** A well-formed CURP with a correct check digit, a real birth date and a known state. */
export function isValidCurp(raw: string): boolean {
  return parseCurp(raw)?.valid === true;
}

/** The state's name for a CURP state code, or null. */
export function curpStateName(code: string): string | null {
  return isCurpState(code) ? CURP_STATES[code]! : null;
}
