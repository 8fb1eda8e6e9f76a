import { buildCurp } from '../curp.js';
import { isoOf, dayOf } from '../dates.js';
import { entityId } from '../keys.js';
import { givenName, surname } from '../pick-names.js';
import { Random, streamOf } from '../random.js';
import { MX_STATES } from '../tables/mexico.js';
import { CRIMINAL_ALIASES, type Culture } from '../tables/names.js';
import { networkOfKey, profileOf, type World } from '../world/world.js';
import { PROFILES, type Nationality } from './profiles.js';

/** A real (fictional) person as they are, before any partner writes them down. */
export interface TruePerson {
  key: number;
  entity: string;
  culture: Culture;
  gender: 'male' | 'female';
  /** One or more given names: "José Luis", "Jean-François". */
  given: string;
  paternal: string;
  /** Mexicans carry their mother's surname second; most others have none. */
  maternal: string | null;
  birthDate: string;
  nationality: Nationality;
  /** Mexican state of birth, for Mexican nationals. */
  birthState: string | null;
  curp: string | null;
  alias: string | null;
}

const YEAR = 365.25;

function birthRange(world: World, key: number, born: readonly [number, number]): [number, number] {
  const network = networkOfKey(world, key);
  if (network)
    return [Math.round(network.start - 60 * YEAR), Math.round(network.start - 21 * YEAR)];
  return [dayOf(`${born[0]}-01-01`), dayOf(`${born[1]}-12-31`)];
}

function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  let x = r.next();
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

export function personAt(world: World, key: number): TruePerson {
  const r = streamOf(world.seed, 'person', key);
  const profile = PROFILES[profileOf(world, key)];
  const nationality = weighted(r, profile.nationality);
  const culture = weighted(r, profile.culture[nationality]);
  const gender = r.chance(profile.male) ? 'male' : 'female';
  const given = givenName(r, culture, gender);
  const paternal = surname(r, culture);
  const mexican = nationality === 'MX';
  // US-born people of Mexican descent sometimes keep both surnames.
  const maternal =
    culture === 'es' && (mexican || r.chance(0.3)) ? distinctSurname(r, paternal) : null;
  const birthDate = isoOf(r.int(...birthRange(world, key, profile.born)));
  const born = mexican ? r.pick(MX_STATES) : null;
  const curp = born
    ? buildCurp({
        paternal,
        maternal,
        given,
        birthDate,
        sex: gender === 'male' ? 'H' : 'M',
        state: born.curp,
        differentiator: birthDate < '2000' ? String(r.int(0, 9)) : 'A',
      })
    : null;
  const alias = r.chance(profile.alias) ? aliasFor(r, gender) : null;
  return {
    key,
    entity: entityId('person', key),
    culture,
    gender,
    given,
    paternal,
    maternal,
    birthDate,
    nationality,
    birthState: born?.name ?? null,
    curp,
    alias,
  };
}

function distinctSurname(r: Random, other: string): string {
  const s = surname(r, 'es');
  return s === other ? surname(r, 'es') : s;
}

const FEMALE_ALIASES = CRIMINAL_ALIASES.filter((a) => a.startsWith('La '));
const MALE_ALIASES = CRIMINAL_ALIASES.filter((a) => a.startsWith('El '));

const aliasFor = (r: Random, gender: 'male' | 'female'): string =>
  r.pick(gender === 'male' ? MALE_ALIASES : FEMALE_ALIASES);
