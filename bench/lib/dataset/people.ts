import { foldText } from '../../../src/domain/text/fold.js';
import { Random, Weighted, zipf } from '../random.js';
import { ALIASES, NAMES, type Culture } from './names.js';
import { PLACES } from './places.js';

/** Surname draws: 85% from the frequency-ranked list, 14.97% uncommon, 0.03% rare. */
const SURNAME_SHARES = { common: 0.85, uncommon: 0.1497, rare: 0.0003 } as const;

function surnameTable(culture: Culture): Weighted<string> {
  const n = NAMES[culture];
  const common = zipf(n.surnames, 0.75);
  const commonTotal = common.reduce((s, [, w]) => s + w, 0);
  return new Weighted([
    ...common.map(([s, w]) => [s, (w / commonTotal) * SURNAME_SHARES.common] as const),
    ...n.uncommon.map((s) => [s, SURNAME_SHARES.uncommon / n.uncommon.length] as const),
    ...n.rare.map((s) => [s, SURNAME_SHARES.rare / n.rare.length] as const),
  ]);
}

const SURNAMES = {
  es: surnameTable('es'),
  en: surnameTable('en'),
  fr: surnameTable('fr'),
} as const;
const GIVEN = Object.fromEntries(
  (['es', 'en', 'fr'] as const).map((c) => [
    c,
    {
      male: new Weighted(zipf(NAMES[c].male, 0.8)),
      female: new Weighted(zipf(NAMES[c].female, 0.8)),
    },
  ]),
) as Record<Culture, { male: Weighted<string>; female: Weighted<string> }>;

export const surname = (r: Random, culture: Culture): string => SURNAMES[culture].pick(r);

export interface PersonName {
  given: string;
  last: string;
  full: string;
  gender: 'male' | 'female';
}

/** Mexican names carry both surnames; the maternal one is often dropped in daily use. */
export function personName(r: Random, culture: Culture): PersonName {
  const gender = r.chance(0.72) ? 'male' : 'female';
  const given = GIVEN[culture][gender].pick(r);
  let last = surname(r, culture);
  if (culture === 'es' && r.chance(0.8)) last = `${last} ${surname(r, culture)}`;
  if (culture === 'en' && r.chance(0.04)) last = `${last}-${surname(r, culture)}`;
  return { given, last, full: `${given} ${last}`, gender };
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const STATES = ['SL', 'BC', 'CH', 'JC', 'CL', 'MN', 'SR', 'TS', 'NL', 'DF', 'NE'];

function initials(s: string): string {
  return (
    foldText(s)
      .toUpperCase()
      .replace(/[^A-Z]/g, '') || 'X'
  );
}

/** CURP-shaped key (the 18-character Mexican registry key) with a valid check digit. */
export function curp(r: Random, name: PersonName, birthDate: string): string {
  const [paternal = 'X', maternal = 'X'] = name.last.split(' ').map(initials);
  const given = initials(name.given);
  const vowel = paternal.slice(1).match(/[AEIOU]/)?.[0] ?? 'X';
  const consonant = (s: string) => s.slice(1).match(/[^AEIOU]/)?.[0] ?? 'X';
  const body =
    paternal[0]! +
    vowel +
    maternal[0]! +
    given[0]! +
    birthDate.slice(2, 4) +
    birthDate.slice(5, 7) +
    birthDate.slice(8, 10) +
    (name.gender === 'male' ? 'H' : 'M') +
    r.pick(STATES) +
    consonant(paternal) +
    consonant(maternal) +
    consonant(given) +
    (Number(birthDate.slice(0, 4)) < 2000 ? String(r.int(0, 9)) : 'A');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]!) * (18 - i);
  return body + String((10 - (sum % 10)) % 10);
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (r: Random, from: number, to: number) =>
  `${r.int(from, to)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;

export function personProperties(r: Random, culture: Culture, country: string) {
  const name = personName(r, culture);
  const birthDate = day(r, 1955, 2004);
  const born = r.pick(PLACES);
  const props: Record<string, string[]> = {
    name: [name.full],
    firstName: [name.given],
    lastName: [name.last],
    gender: [name.gender],
    nationality: [culture === 'es' && r.chance(0.8) ? 'MX' : country],
  };
  if (r.chance(0.7)) props.birthDate = [birthDate];
  if (r.chance(0.5)) props.birthPlace = [`${born.city}, ${born.state}`];
  if (r.chance(0.15)) props.alias = [r.pick(ALIASES)];
  if (culture === 'es' && r.chance(0.35)) props.curp = [curp(r, name, birthDate)];
  if (r.chance(0.1))
    props.passportNumber = [`${country === 'MX' ? 'G' : ''}${r.int(10_000_000, 99_999_999)}`];
  return props;
}
