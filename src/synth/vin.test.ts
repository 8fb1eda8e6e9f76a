import { describe, expect, it } from 'vitest';
import { buildVin, isValidVin, vinCheckDigit } from './vin.js';

describe('VIN', () => {
  it('computes the North American check digit', () => {
    expect(vinCheckDigit('1M8GDM9A_KP042788')).toBe('X');
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
  });

  it('gives distinct numbers distinct, valid VINs', () => {
    const vins = [0, 1, 999_999, 1_000_000, 2 ** 32 - 1].map((n) => buildVin('3N1', 2019, n));
    expect(new Set(vins).size).toBe(vins.length);
    expect(vins.every(isValidVin)).toBe(true);
    expect(vins[0]!.slice(9, 10)).toBe('K');
  });
});
