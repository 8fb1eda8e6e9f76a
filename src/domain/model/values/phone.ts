import { invalid, valid, type ValueResult } from '../result.js';

const EXPECTED =
  'a phone number of 7 to 15 digits, optionally starting with + or 00 and the country code';

const FORMATTING = /[\s\-.()\u00a0]/g;

/**
 * Keeps only what identifies the line. The international prefix (+ or 00) is
 * kept as "+" so "+52 55…" and "0052 55…" become the same value; without it
 * the number stays national because its country code cannot be guessed.
 */
export function normalisePhone(raw: string): ValueResult {
  const compact = raw.trim().replace(FORMATTING, '');
  let international = false;
  let digits = compact;
  if (digits.startsWith('+')) {
    international = true;
    digits = digits.slice(1);
  } else if (digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  }
  if (!/^\d{7,15}$/.test(digits)) return invalid('invalid_phone', EXPECTED);
  return valid(international ? `+${digits}` : digits);
}
