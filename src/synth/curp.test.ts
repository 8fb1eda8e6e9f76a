import { describe, expect, it } from 'vitest';
import { buildCurp, isValidCurp } from './curp.js';

describe('CURP', () => {
  it('builds the registry key from names, birth, sex and state, with its check digit', () => {
    const curp = buildCurp({
      paternal: 'Hernández',
      maternal: 'García',
      given: 'Gloria',
      birthDate: '1956-04-27',
      sex: 'M',
      state: 'VZ',
      differentiator: '0',
    });
    expect(curp).toBe('HEGG560427MVZRRL04');
    expect(isValidCurp(curp)).toBe(true);
    expect(isValidCurp('HEGG560427MVZRRL05')).toBe(false);
  });

  it('skips particles, a leading José or María, and writes X for a missing surname', () => {
    const curp = buildCurp({
      paternal: 'de la Cruz',
      maternal: null,
      given: 'José Luis',
      birthDate: '2003-01-09',
      sex: 'H',
      state: 'NE',
      differentiator: 'A',
    });
    expect(curp.slice(0, 4)).toBe('CUXL');
    expect(curp.slice(13, 16)).toBe('RXS');
    expect(isValidCurp(curp)).toBe(true);
  });
});
