import { curpCheckDigit, curpNameLetters } from '../domain/resolution/evidence/curp.js';

// The generator codes CURPs with the very rules the entity resolution reads them by, so a
// generated key always validates and agrees with the generated name.
export { isValidCurp } from '../domain/resolution/evidence/curp.js';

export interface CurpParts {
  paternal: string;
  /** Absent for people with one surname: the registry writes X. */
  maternal?: string | null;
  given: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'H' | 'M';
  /** Two-letter state of birth, NE when born abroad. */
  state: string;
  /** 0-9 for births before 2000, A-Z after. */
  differentiator: string;
}

/** The 18-character CURP for a person, with a valid check digit. */
export function buildCurp(p: CurpParts): string {
  const letters = curpNameLetters(p.paternal, p.maternal, p.given);
  const d = p.birthDate;
  const body =
    letters.slice(0, 4) +
    d.slice(2, 4) +
    d.slice(5, 7) +
    d.slice(8, 10) +
    p.sex +
    p.state +
    letters.slice(4) +
    p.differentiator;
  return body + curpCheckDigit(body);
}
