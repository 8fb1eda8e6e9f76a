import { buildCurp } from '../../../src/synth/curp.js';
import { givenName, surname } from '../../../src/synth/pick-names.js';
import { Random } from '../../../src/synth/random.js';
import { ALIASES, type Culture } from '../../../src/synth/tables/names.js';
import { PLACES } from '../../../src/synth/tables/places.js';

export { surname };

export interface PersonName {
  given: string;
  last: string;
  full: string;
  gender: 'male' | 'female';
}

/** Mexican names carry both surnames; the maternal one is often dropped in daily use. */
export function personName(r: Random, culture: Culture): PersonName {
  const gender = r.chance(0.72) ? 'male' : 'female';
  const given = givenName(r, culture, gender);
  let last = surname(r, culture);
  if (culture === 'es' && r.chance(0.8)) last = `${last} ${surname(r, culture)}`;
  if (culture === 'en' && r.chance(0.04)) last = `${last}-${surname(r, culture)}`;
  return { given, last, full: `${given} ${last}`, gender };
}

const STATES = ['SL', 'BC', 'CH', 'JC', 'CL', 'MN', 'SR', 'TS', 'NL', 'DF', 'NE'];

/** CURP (the 18-character Mexican registry key) with a valid check digit. */
export function curp(r: Random, name: PersonName, birthDate: string): string {
  const [paternal = 'X', maternal] = name.last.split(' ');
  return buildCurp({
    paternal,
    maternal,
    given: name.given,
    birthDate,
    sex: name.gender === 'male' ? 'H' : 'M',
    state: r.pick(STATES),
    differentiator: Number(birthDate.slice(0, 4)) < 2000 ? String(r.int(0, 9)) : 'A',
  });
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
