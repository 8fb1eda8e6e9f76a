import { Random, streamOf } from '../random.js';
import type { SourceName } from '../sources.js';
import { NICKNAMES } from '../tables/names.js';
import type { World } from '../world/world.js';
import { NOISE } from './noise.js';
import { personAt, type TruePerson } from './person.js';

/** A person as one partner's record shows them; empty strings are blank fields. */
export interface PersonRecord {
  truth: TruePerson;
  given: string;
  paternal: string;
  maternal: string;
  birthDate: string;
  curp: string;
  alias: string;
}

const MARKS = /\p{M}/gu;
export const stripAccents = (s: string): string => s.normalize('NFD').replace(MARKS, '');

const LETTERS = 'abcdefghijklmnoprstuvz';

/** One slip of the keyboard: a letter replaced, dropped, or swapped with the next. */
export function typo(r: Random, s: string): string {
  if (s.length < 4) return s;
  const i = r.int(1, s.length - 2);
  const kind = r.int(0, 2);
  if (kind === 0) return s.slice(0, i) + r.pick([...LETTERS]) + s.slice(i + 1);
  if (kind === 1) return s.slice(0, i) + s.slice(i + 1);
  return s.slice(0, i) + s[i + 1]! + s[i]! + s.slice(i + 2);
}

function givenAs(r: Random, given: string, noise: (typeof NOISE)[SourceName]): string {
  const nicknames = NICKNAMES[given] ?? NICKNAMES[given.split(' ')[0]!];
  if (nicknames && r.chance(noise.nickname)) return r.pick(nicknames);
  if (/[ -]/.test(given) && r.chance(noise.dropSecondGiven)) {
    // Spanish compounds lose their second part; French hyphens are typed as spaces.
    return given.includes('-') ? given.replace('-', ' ') : given.split(' ')[0]!;
  }
  if (r.chance(noise.initial))
    return `${given[0]}.${given.includes(' ') ? given.slice(given.indexOf(' ')) : ''}`;
  return given;
}

function swapDayMonth(iso: string): string | null {
  const [y, m, d] = iso.split('-');
  return Number(d) <= 12 && d !== m ? `${y}-${d}-${m}` : null;
}

/** The record of person `key` in `source` (variant 1: the partner's duplicate record). */
export function renderPerson(
  world: World,
  source: SourceName,
  key: number,
  variant = 0,
): PersonRecord {
  const truth = personAt(world, key);
  const noise = NOISE[source];
  const r = streamOf(world.seed, 'render', source, key, variant);
  const given = givenAs(r, truth.given, noise);
  let paternal = truth.paternal;
  let maternal = truth.maternal ?? '';
  if (maternal) {
    const u = r.next();
    if (u < noise.dropMaternal) maternal = '';
    else if (u < noise.dropMaternal + noise.maternalOnly) [paternal, maternal] = [maternal, ''];
    else if (u < noise.dropMaternal + noise.maternalOnly + noise.swapSurnames)
      [paternal, maternal] = [maternal, paternal];
  }
  if (r.chance(noise.typo)) paternal = typo(r, paternal);
  let birthDate = r.chance(noise.birthDateMissing) ? '' : truth.birthDate;
  if (birthDate && r.chance(noise.swapDayMonth)) birthDate = swapDayMonth(birthDate) ?? birthDate;
  const curp = truth.curp && r.chance(noise.curp) ? truth.curp : '';
  const alias = truth.alias && r.chance(noise.alias) ? truth.alias : '';
  const record = { truth, given, paternal, maternal, birthDate, curp, alias };
  if (!r.chance(noise.dropAccents)) return record;
  return {
    ...record,
    given: stripAccents(given),
    paternal: stripAccents(paternal),
    maternal: stripAccents(maternal),
    alias: stripAccents(alias),
  };
}
