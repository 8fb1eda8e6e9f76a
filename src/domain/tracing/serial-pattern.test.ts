import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsPattern, KEY_CHARACTERS, patternProbes } from './serial-pattern.js';
import { readSerial, serialKey } from './serial.js';

/** SQL LIKE as the database applies it (`_` one character, `%` any run), by dynamic programming. */
function like(key: string, pattern: string): boolean {
  const k = [...key];
  const p = [...pattern];
  let row = [true, ...k.map(() => false)];
  for (const c of p) {
    const next = [c === '%' && row[0]!];
    for (let j = 1; j <= k.length; j++) {
      next[j] = c === '%' ? row[j]! || next[j - 1]! : row[j - 1]! && (c === '_' || c === k[j - 1]);
    }
    row = next;
  }
  return row[k.length]!;
}

const reverse = (s: string) => [...s].reverse().join('');
describe('patternProbes', () => {
  const spelt = (at: string) => [...KEY_CHARACTERS].map((k) => at.replace('?', k));
  it.each<[string, boolean, string, string[]]>([
    ['AB12%', false, 'AB12%', ['AB12']],
    ['AB12_', false, 'AB12_', ['AB12']],
    // One unknown character between legible ones is spelt out: 32 narrower ranges.
    ['AB_12%', false, 'AB_12%', spelt('AB?12')],
    ['ABC%12', false, 'ABC%12', ['ABC']],
    ['%1234', true, '4321%', ['4321']],
    ['__1234', true, '4321__', ['4321']],
    ['A%BCD', true, 'DCB%A', ['DCB']],
    ['AB%CDE', true, 'EDC%BA', ['EDC']],
    ['_1234_56', true, '65_4321_', spelt('65?4321')],
    // As many legible characters either way: fewer probes, then the forward keys.
    ['_AB%CD', true, 'DC%BA_', ['DC']],
    ['AB_C%DEF', true, 'FED%C_BA', ['FED']],
    ['AB%CD', false, 'AB%CD', ['AB']],
    ['A_B', false, 'A_B', spelt('A?B')],
    // Only one unknown character is spelt out.
    ['A_B_C_D', false, 'A_B_C_D', spelt('A?B')],
    ['%', false, '%', ['']],
  ])('%j -> reversed %s, %j', (pattern, reversed, anchored, prefixes) => {
    expect(patternProbes(pattern)).toEqual({ reversed, pattern: anchored, prefixes });
  });

  const patterns = fc
    .array(fc.constantFrom('A', 'B', '0', '1', '_', '%'), { minLength: 1, maxLength: 10 })
    .map((cs) => cs.join(''));
  const keys = fc
    .array(fc.constantFrom('A', 'B', 'Z', '0', '1', '9'), { maxLength: 10 })
    .map((cs) => cs.join(''));

  it('every key that fits starts with a probe, and the reversed pattern fits the reversed keys', () => {
    fc.assert(
      fc.property(patterns, keys, (pattern, key) => {
        const p = patternProbes(pattern);
        expect(p.pattern).toBe(p.reversed ? reverse(pattern) : pattern);
        expect(p.prefixes.length).toBeLessThanOrEqual(KEY_CHARACTERS.length);
        const searched = p.reversed ? reverse(key) : key;
        expect(fitsPattern(searched, p.pattern)).toBe(fitsPattern(key, pattern));
        if (fitsPattern(key, pattern)) {
          expect(p.prefixes.some((x) => searched.startsWith(x))).toBe(true);
        }
      }),
    );
  });
});

describe('fitsPattern', () => {
  it.each<[string, string, boolean]>([
    ['AB1234', 'AB12%', true],
    ['AB12', 'AB12%', true],
    ['XAB1234', 'AB12%', false],
    ['AB1234', 'AB12__', true],
    ['AB123', 'AB12__', false],
    ['AB12345', 'AB12__', false],
    ['AB1234', '%1234', true],
    ['1234', '%1234', true],
    ['AB12345', '%1234', false],
    ['AB91234', 'AB%1234', true],
    ['AB1234', 'AB%1234', true],
    ['AB123', 'AB%1234', false],
    ['AB0123', 'AB_1_3', true],
    ['AB0124', 'AB_1_3', false],
    ['DKR4567', 'DKR45%', true],
    ['DKR4567', 'DKR4%7', true],
    ['DKR4567', 'DKR4%8', false],
    ['ABC', 'ABC', true],
    ['ABCD', 'ABC', false],
    ['', '%', true],
    ['ANY', '%', true],
    ['A', '_', true],
    ['AB', '_', false],
  ])('%j fits %j: %s', (key, pattern, expected) => {
    expect(fitsPattern(key, pattern)).toBe(expected);
  });

  it('agrees with SQL LIKE on serial keys', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('A', '0', '1', '_', '%'), { minLength: 1, maxLength: 8 })
          .map((cs) => cs.join('')),
        fc.array(fc.constantFrom('A', '0', '1'), { maxLength: 8 }).map((cs) => cs.join('')),
        (pattern, key) => {
          expect(fitsPattern(key, pattern)).toBe(like(key, pattern));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('fits the key of every serial a partial reading was taken from', () => {
    const hide = [
      (s: string) => `${s.slice(0, 4)}*`,
      (s: string) => `*${s.slice(-4)}`,
      (s: string) => `${s.slice(0, 2)}?${s.slice(3)}`,
      (s: string) => `${s.slice(0, 2)}*${s.slice(-2)}`,
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), {
          minLength: 6,
          maxLength: 20,
        }),
        fc.integer({ min: 0, max: hide.length - 1 }),
        (chars, how) => {
          const serial = chars.join('');
          const reading = readSerial(hide[how]!(serial));
          expect(reading.kind).toBe('partial');
          if (reading.kind === 'partial') {
            expect(fitsPattern(serialKey(serial), reading.pattern)).toBe(true);
          }
        },
      ),
    );
  });
});
