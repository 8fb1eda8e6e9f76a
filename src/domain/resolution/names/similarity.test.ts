import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaroWinkler } from './similarity.js';

describe('jaroWinkler', () => {
  it.each<[string, string, number]>([
    ['martha', 'marhta', 0.961],
    ['dixon', 'dicksonx', 0.813],
    ['jellyfish', 'smellyfish', 0.896],
    ['dwayne', 'duane', 0.84],
    ['crate', 'trace', 0.733],
    ['hernandez', 'hernandes', 0.9556],
    ['hernandez', 'ernandez', 0.963],
    ['gonzalez', 'gonsalez', 0.9417],
    ['tremblay', 'tremblai', 0.95],
    ['abc', 'abc', 1],
    ['', '', 1],
    ['abc', '', 0],
    ['', 'abc', 0],
    ['abc', 'xyz', 0],
    ['a', 'a', 1],
    ['a', 'b', 0],
  ])('%s / %s -> %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });

  it('stays within [0, 1] and gives 1 only to equal strings', () => {
    const words = ['garcia', 'gracia', 'garza', 'lopez', 'lozano', 'ana', 'anna', 'x', ''];
    for (const a of words)
      for (const b of words) {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (a !== b) expect(s).toBeLessThan(1);
      }
  });

  it('ranks closer spellings higher', () => {
    expect(jaroWinkler('ramirez', 'ramires')).toBeGreaterThan(jaroWinkler('ramirez', 'ramos'));
    expect(jaroWinkler('lopez', 'lopes')).toBeGreaterThan(jaroWinkler('lopez', 'lozano'));
  });

  it('handles strings longer than its scratch buffers', () => {
    const a = 'a'.repeat(500) + 'b';
    const b = 'a'.repeat(500) + 'c';
    expect(jaroWinkler(a, b)).toBeGreaterThan(0.99);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});

describe('damerauLevenshtein (optimal string alignment)', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['ca', 'ac', 1],
    ['ca', 'abc', 3],
    ['abcdef', 'abdcef', 1],
    ['hernandez', 'hernadez', 1],
    ['hernandez', 'hernandes', 1],
    ['hernandez', 'hrenandez', 1],
    ['martha', 'marhta', 1],
    ['gonzalez', 'gonsales', 2],
    ['garcia', 'gracia', 1],
    ['lopez', 'lozano', 4],
    ['smith', 'smyth', 1],
    ['tremblay', 'trembaly', 1],
    ['a', 'b', 1],
    ['ab', 'ba', 1],
    ['abc', 'cba', 2],
    ['sunday', 'saturday', 3],
  ])('%s / %s -> %i', (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
    expect(damerauLevenshtein(b, a)).toBe(expected);
  });

  it.each<[string, string, number, number]>([
    ['kitten', 'sitting', 1, 2],
    ['kitten', 'sitting', 2, 3],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 10, 3],
    ['abc', 'abcdef', 2, 3],
    ['hernandez', 'hernadez', 1, 1],
    ['hernandez', 'hernandez', 0, 0],
    ['hernandez', 'hernandes', 0, 1],
    ['lopez', 'lozano', 2, 3],
    ['ab', 'ba', 1, 1],
  ])('%s / %s with max %i -> %i', (a, b, max, expected) => {
    expect(damerauLevenshtein(a, b, max)).toBe(expected);
  });

  it('handles strings longer than its scratch rows', () => {
    const a = 'x'.repeat(300);
    const b = 'y'.repeat(300);
    expect(damerauLevenshtein(a, b)).toBe(300);
    expect(damerauLevenshtein(a, b, 5)).toBe(6);
    expect(damerauLevenshtein('ca', 'ac')).toBe(1);
  });

  it('is fast on many pairs', () => {
    const words = ['hernandez', 'hernandes', 'gonzalez', 'gonsales', 'tremblay', 'kowalski-grant'];
    const start = performance.now();
    let sum = 0;
    for (let i = 0; i < 200_000; i++) {
      const a = words[i % words.length]!;
      const b = words[(i * 7 + 3) % words.length]!;
      sum += damerauLevenshtein(a, b, 2) + jaroWinkler(a, b);
    }
    expect(sum).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
