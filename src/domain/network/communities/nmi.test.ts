import { describe, expect, it } from 'vitest';
import { seeded } from '../random.js';
import { normalizedMutualInformation as nmi } from './nmi.js';

describe('normalizedMutualInformation', () => {
  it('is 1 for the same partition under any names', () => {
    const a = [0, 0, 1, 1, 2, 2, 2];
    expect(nmi(a, a)).toBeCloseTo(1, 14);
    expect(nmi(a, [7, 7, -3, -3, 0.5, 0.5, 0.5])).toBeCloseTo(1, 14);
    expect(nmi([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1, 14);
  });

  it('matches a value worked by hand', () => {
    // I = 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2, H(a) = ln 2, H(b) = -(3/4 ln 3/4 + 1/4 ln 1/4).
    expect(nmi([0, 0, 1, 1], [0, 0, 0, 1])).toBeCloseTo(0.3437110184854508, 14);
    expect(nmi([0, 0, 0, 1], [0, 0, 1, 1])).toBeCloseTo(0.3437110184854508, 14);
  });

  it('is near 0 for independent partitions', () => {
    const rng = seeded(4);
    const a = Array.from({ length: 20_000 }, () => Math.floor(rng() * 10));
    const b = Array.from({ length: 20_000 }, () => Math.floor(rng() * 10));
    expect(nmi(a, b)).toBeLessThan(0.005);
  });

  it('treats single clusters as scikit-learn does', () => {
    expect(nmi([3, 3, 3], [1, 1, 1])).toBe(1);
    expect(nmi([], [])).toBe(1);
    expect(nmi([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(nmi([0, 1, 2, 3], [5, 5, 5, 5])).toBe(0);
  });

  it('rejects partitions of different lengths', () => {
    expect(() => nmi([0, 1], [0])).toThrow(RangeError);
  });
});
