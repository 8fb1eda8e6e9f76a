/*
 * Partial serials as the sales are searched for them: where a pattern enters the sorted keys,
 * and whether a key fits it. Their patterns come from readSerial (serial.ts).
 */

/** The characters a key may hold: serialKey reads O and Q as 0, I and L as 1. */
export const KEY_CHARACTERS = 'ABCDEFGHJKMNPRSTUVWXYZ0123456789';
/** An unknown character is spelt out as every character a key may hold, once per pattern. */
const MAX_PROBES = KEY_CHARACTERS.length;

/** Where a partial serial enters the sorted keys: one range of keys per prefix. */
export interface PatternProbes {
  /** Whether the reversed keys are searched (a serial legible at its end). */
  reversed: boolean;
  /** The pattern over the keys searched (reversed with them). */
  pattern: string;
  /** Every key that fits starts with one of these. */
  prefixes: string[];
}

const LEGIBLE = /[A-Z0-9]/u;

/**
 * The prefixes a pattern's keys start with: its legible run, carried over one unknown
 * character when legible ones follow it, that character spelt out as each one a key may hold.
 * Each probe then reads a range that many times narrower.
 */
function prefixesOf(pattern: string): { prefixes: string[]; legible: number } {
  let prefixes = [''];
  let legible = 0;
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (LEGIBLE.test(c)) {
      prefixes = prefixes.map((p) => p + c);
      legible++;
      continue;
    }
    const worth = c === '_' && LEGIBLE.test(chars[i + 1] ?? '');
    if (!worth || prefixes.length * KEY_CHARACTERS.length > MAX_PROBES) break;
    prefixes = prefixes.flatMap((p) => [...KEY_CHARACTERS].map((k) => p + k));
  }
  return { prefixes, legible };
}

/**
 * How to look a partial serial up: from its start, or from its end in the reversed keys when
 * more legible characters lead that way (fewer probes break a tie, then the forward keys), so a
 * serial ground off at the start is found as quickly as one ground off at the end.
 */
export function patternProbes(pattern: string): PatternProbes {
  const reversedPattern = [...pattern].reverse().join('');
  const forward = prefixesOf(pattern);
  const backward = prefixesOf(reversedPattern);
  const better =
    backward.legible > forward.legible ||
    (backward.legible === forward.legible && backward.prefixes.length < forward.prefixes.length);
  return better
    ? { reversed: true, pattern: reversedPattern, prefixes: backward.prefixes }
    : { reversed: false, pattern, prefixes: forward.prefixes };
}

/** Whether a key fits a partial reading (the same test the database applies with LIKE). */
export function fitsPattern(key: string, pattern: string): boolean {
  const re = new RegExp(`^${pattern.replace(/_/gu, '.').replace(/%/gu, '.*')}$`, 'u');
  return re.test(key);
}
