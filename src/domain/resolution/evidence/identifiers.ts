// What people put between the characters of a number; removing it loses nothing.
const SEPARATORS = /[\s\-./\\_,:;#'"()]+/g;
const ALPHANUMERIC = /^[A-Z0-9]+$/;
const HAS_DIGIT = /\d/;

/**
 * A passport, driver licence or national id number reduced to upper-case letters and digits,
 * or null when it is shorter than 5 or longer than 20 characters, has no digit, or holds a
 * character that is neither (an accented letter, say): guessing what it stood for could turn
 * one person's number into another's.
 *
 * O and 0 (or I and 1) are deliberately kept apart. These numbers identify a person: many
 * series mix letters and digits (Mexican passports G12345678, Canadian AB123456), so folding
 * them would make distinct documents equal and turn a different person into a match. A
 * comparison that wants to forgive a misread character can use `confusableKey` on top, and
 * score that agreement below an exact one.
 */
export function normaliseDocumentNumber(raw: string): string | null {
  const s = raw.toUpperCase().replace(SEPARATORS, '');
  if (s.length < 5 || s.length > 20) return null;
  return ALPHANUMERIC.test(s) && HAS_DIGIT.test(s) ? s : null;
}

const LETTER_O = /O/g;
const LETTER_I = /I/g;

/**
 * A normalised number with the letters most often confused with digits, O and I, written as
 * 0 and 1, for finding candidates whose numbers differ only by such a misreading. Weaker
 * evidence than equal normalised numbers: use it as a second, fuzzier key.
 */
export function confusableKey(normalised: string): string {
  return normalised.replace(LETTER_O, '0').replace(LETTER_I, '1');
}

/**
 * A vehicle plate in upper case without spaces, dashes or dots ("ABC-123-D", "abc 123 d" are
 * ABC123D), or null when fewer than 2 or more than 10 letters and digits remain or something
 * else is left. Plates need no digit: vanity plates are all letters.
 */
export function normalisePlate(raw: string): string | null {
  const s = raw.toUpperCase().replace(SEPARATORS, '');
  return s.length >= 2 && s.length <= 10 && ALPHANUMERIC.test(s) ? s : null;
}
