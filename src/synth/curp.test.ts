import { describe, expect, it } from 'vitest';
import { parseCurp } from '../domain/resolution/evidence/curp.js';
import { buildCurp, isValidCurp, type CurpParts } from './curp.js';

const person = (over: Partial<CurpParts>): CurpParts => ({
  paternal: 'Hernández',
  maternal: 'García',
  given: 'Gloria',
  birthDate: '1956-04-27',
  sex: 'M',
  state: 'VZ',
  differentiator: '0',
  ...over,
});

describe('CURP', () => {
  it('builds the registry key from names, birth, sex and state, with its check digit', () => {
    const curp = buildCurp(person({}));
    expect(curp).toBe('HEGG560427MVZRRL04');
    expect(isValidCurp(curp)).toBe(true);
    expect(isValidCurp('HEGG560427MVZRRL05')).toBe(false);
  });

  it('skips particles, a leading José or María, and writes X for a missing surname', () => {
    const curp = buildCurp(
      person({
        paternal: 'de la Cruz',
        maternal: null,
        given: 'José Luis',
        birthDate: '2003-01-09',
        sex: 'H',
        state: 'NE',
        differentiator: 'A',
      }),
    );
    expect(curp.slice(0, 4)).toBe('CUXL');
    expect(curp.slice(13, 16)).toBe('RXS');
    expect(isValidCurp(curp)).toBe(true);
  });

  it.each([
    person({ paternal: 'Muñoz', maternal: 'Peña', given: 'Ñeco' }),
    person({ paternal: 'Ibáñez', given: 'María de los Ángeles', birthDate: '1999-12-31' }),
    person({ paternal: 'Del Río', maternal: 'de la Garza', given: 'Juan Carlos', sex: 'H' }),
    person({ paternal: 'Cázares', maternal: 'Aguilar', given: 'Gerardo', state: 'CM' }),
    person({
      paternal: "O'Brien",
      maternal: 'Smith',
      given: 'Ana',
      birthDate: '2010-02-28',
      differentiator: 'A',
    }),
    person({ birthDate: '2000-02-29', differentiator: 'B', state: 'DF' }),
  ])('builds a CURP the domain reads back: %o', (p) => {
    const curp = buildCurp(p);
    const parsed = parseCurp(curp)!;
    expect(parsed.valid).toBe(true);
    expect(parsed.birthDate).toBe(p.birthDate);
    expect(parsed.sex).toBe(p.sex);
    expect(parsed.state).toBe(p.state);
  });
});
