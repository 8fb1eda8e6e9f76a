import { foldText } from '../domain/text/fold.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
// The registry skips particles and, when a second given name exists, the very common first
// names José and María.
const PARTICLES = new Set(['DE', 'DEL', 'LA', 'LAS', 'LOS', 'Y', 'MC', 'MAC', 'VAN', 'VON']);
const SKIPPED_GIVEN = new Set(['JOSE', 'J', 'MARIA', 'MA']);

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

const words = (s: string) =>
  foldText(s)
    .toUpperCase()
    .replace(/[^A-Z ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

function mainWord(s: string, skipped: ReadonlySet<string>): string {
  const all = words(s).filter((w) => !PARTICLES.has(w));
  const kept = all.length > 1 ? all.filter((w) => !skipped.has(w)) : all;
  return kept[0] ?? all[0] ?? 'X';
}

const innerVowel = (w: string) => w.slice(1).match(/[AEIOU]/)?.[0] ?? 'X';
const innerConsonant = (w: string) => w.slice(1).match(/[B-DF-HJ-NP-TV-Z]/)?.[0] ?? 'X';

/** The check digit over the first 17 characters (weights 18..2, mod 10). */
export function curpCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]!) * (18 - i);
  return String((10 - (sum % 10)) % 10);
}

export const isValidCurp = (curp: string): boolean =>
  /^[A-Z]{4}\d{6}[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\d$/.test(curp) &&
  curpCheckDigit(curp) === curp[17];

/** The 18-character CURP for a person, with a valid check digit. */
export function buildCurp(p: CurpParts): string {
  const paternal = mainWord(p.paternal, new Set());
  const maternal = p.maternal ? mainWord(p.maternal, new Set()) : 'X';
  const given = mainWord(p.given, SKIPPED_GIVEN);
  const d = p.birthDate;
  const body =
    paternal[0]! +
    innerVowel(paternal) +
    maternal[0]! +
    given[0]! +
    d.slice(2, 4) +
    d.slice(5, 7) +
    d.slice(8, 10) +
    p.sex +
    p.state +
    innerConsonant(paternal) +
    innerConsonant(maternal) +
    innerConsonant(given) +
    p.differentiator;
  return body + curpCheckDigit(body);
}
