import { foldText } from '../text/index.js';

/**
 * A serial number as read off a gun, in the form sales and recoveries are compared in: upper
 * case, no spaces, dashes or dots, and the letters clerks confuse with digits read as the digits
 * (O as 0, I as 1), so "ab-0l23" and "AB 0123" agree. Illegible characters are written `?`
 * (one character) or `*` (any number, often the unreadable end of a ground-off serial).
 */
export type SerialReading =
  | { kind: 'full'; key: string }
  | {
      kind: 'partial';
      /** A SQL LIKE pattern over keys: `_` one character, `%` any number. */
      pattern: string;
      /** The legible characters, counted. */
      known: number;
    }
  | { kind: 'obliterated' }
  | { kind: 'impossible'; reason: 'characters' | 'length' | 'too_few_legible' };

const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', Q: '0', I: '1', L: '1' };
const SEPARATORS = /[\s\-\u2010-\u2015\u2212./\\_]+/gu;
const UNKNOWN_ONE = /[?#]/gu;
const UNKNOWN_MANY = /\*+/gu;
const ALLOWED = /^[A-Z0-9?#*]*$/u;
/** Serials that real makers stamp run from 3 to about 20 characters. */
const MAX_LENGTH = 20;
const MIN_LENGTH = 3;
/** Fewer legible characters than this match too many sales to rank. */
export const MIN_LEGIBLE = 4;

/** The key of a serial with every character legible (sales, and recovered guns read whole). */
export function serialKey(written: string): string {
  return [...foldText(written).toUpperCase().replace(SEPARATORS, '')]
    .map((c) => LOOKALIKES[c] ?? c)
    .join('');
}

export function readSerial(written: string | undefined, obliterated = false): SerialReading {
  const key = serialKey(written ?? '');
  if (key === '' || /^[?#*]+$/u.test(key)) {
    return obliterated || key !== ''
      ? { kind: 'obliterated' }
      : { kind: 'impossible', reason: 'length' };
  }
  if (!ALLOWED.test(key)) return { kind: 'impossible', reason: 'characters' };
  const known = key.replace(/[?#*]/gu, '').length;
  if (!/[?#*]/u.test(key)) {
    return key.length < MIN_LENGTH || key.length > MAX_LENGTH
      ? { kind: 'impossible', reason: 'length' }
      : { kind: 'full', key };
  }
  // Each ? is one character of the serial; only * stands for any number.
  if (key.replace(/\*/gu, '').length > MAX_LENGTH) return { kind: 'impossible', reason: 'length' };
  if (known < MIN_LEGIBLE) return { kind: 'impossible', reason: 'too_few_legible' };
  return {
    kind: 'partial',
    pattern: key.replace(UNKNOWN_ONE, '_').replace(UNKNOWN_MANY, '%'),
    known,
  };
}
