import { compareBirthDates, type BirthDateMatch } from './evidence/birth-date.js';
import { FEATURES, MISSING, type Comparison } from './features.js';
import { damerauLevenshtein, jaroWinkler } from './names/similarity.js';
import type { PreparedName, PreparedOrganization, PreparedPerson, Prepared } from './prepare.js';

const P = Object.fromEntries(FEATURES.person.map((f, i) => [f, i])) as Record<string, number>;
const O = Object.fromEntries(FEATURES.organization.map((f, i) => [f, i])) as Record<string, number>;

const intersects = (a: readonly string[], b: readonly string[]): boolean => {
  for (const x of a) if (b.includes(x)) return true;
  return false;
};

const setsIntersect = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/** Whether one token list is the start of the other: "José Luis" and "José". */
function startsAlike(x: readonly string[], y: readonly string[]): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && short.every((t, i) => t === long[i]);
}

/** exact, partial, alias, initial, fuzzy, different */
function givenLevel(a: PreparedName, b: PreparedName): number {
  if (!a.first || !b.first) return MISSING;
  // The first reading is the name as written; the others are what its nicknames stand for.
  if (a.readings[0] === b.readings[0]) return 0;
  if (startsAlike(a.readingTokens[0]!, b.readingTokens[0]!)) return 1;
  for (const ta of a.readingTokens)
    for (const tb of b.readingTokens) if (startsAlike(ta, tb)) return 2;
  if (setsIntersect(a.aliases, b.aliases)) return 2;
  if ((a.hasInitial || b.hasInitial) && initialsAgree(a, b)) return 3;
  if (jaroWinkler(a.first, b.first) >= 0.9) return 4;
  return 5;
}

function initialsAgree(a: PreparedName, b: PreparedName): boolean {
  const [init, full] = a.hasInitial ? [a, b] : [b, a];
  const first = init.first!;
  return full.initials.has(first[0]!);
}

const closeSurname = (x: string, y: string): boolean =>
  x.length >= 4 && y.length >= 4 && damerauLevenshtein(x, y, 1) <= 1;

/** both, primary, shared, fuzzy, different; with the matched value's frequency key. */
function surnameLevel(a: PreparedName, b: PreparedName): [number, string | null] {
  const sa = a.surnames;
  const sb = b.surnames;
  if (!sa.length || !sb.length) return [MISSING, null];
  if (sa.length >= 2 && sb.length >= 2 && sa[0] === sb[0] && sa[1] === sb[1])
    return [0, `ss:${sa[0]}|${sa[1]}`];
  if (a.surnameJoined === b.surnameJoined)
    return [sa.length >= 2 || sb.length >= 2 ? 0 : 1, `s:${a.surnameJoined}`];
  if (sa[0] === sb[0]) return [1, `s:${sa[0]}`];
  for (const x of sa) if (sb.includes(x)) return [2, `s:${x}`];
  for (let i = 0; i < sa.length; i++)
    for (let j = 0; j < sb.length; j++)
      if (a.surnamePhonetic[i] === b.surnamePhonetic[j] || closeSurname(sa[i]!, sb[j]!))
        return [3, null];
  return [4, null];
}

const BIRTH: Readonly<Record<BirthDateMatch, number>> = {
  exact: 0,
  swapped: 1,
  year: 2,
  near: 3,
  conflict: 4,
  unknown: MISSING,
};

function birthLevel(a: readonly string[], b: readonly string[]): number {
  let best = MISSING;
  for (const x of a)
    for (const y of b) {
      const level = BIRTH[compareBirthDates(x, y)];
      if (level !== MISSING && (best === MISSING || level < best)) best = level;
    }
  return best;
}

const sameOrDifferent = (a: readonly string[], b: readonly string[]): number =>
  !a.length || !b.length ? MISSING : intersects(a, b) ? 0 : 1;

const sameOnly = (a: readonly string[], b: readonly string[]): number =>
  a.length && b.length && intersects(a, b) ? 0 : MISSING;

function acronymLevel(a: PreparedPerson, b: PreparedPerson): number {
  const x = a.profile;
  const y = b.profile;
  if (x.acronyms.length && y.ownAcronyms.length)
    return intersects(x.acronyms, y.ownAcronyms) ? 0 : 1;
  if (y.acronyms.length && x.ownAcronyms.length)
    return intersects(y.acronyms, x.ownAcronyms) ? 0 : 1;
  if (x.acronyms.length && y.acronyms.length) return intersects(x.acronyms, y.acronyms) ? 0 : 1;
  return MISSING;
}

function comparePersons(a: PreparedPerson, b: PreparedPerson): Comparison {
  const levels = new Int8Array(FEATURES.person.length).fill(MISSING);
  const frequencyKeys: string[] = [];
  // The pair of names that agree best speaks for the records.
  let bestG = MISSING;
  let bestS = MISSING;
  let bestKey: string | null = null;
  let bestFirst: string | null = null;
  let bestSum = Infinity;
  for (const na of a.names)
    for (const nb of b.names) {
      const g = givenLevel(na, nb);
      const [s, key] = surnameLevel(na, nb);
      const sum = (g === MISSING ? 6 : g) + (s === MISSING ? 5 : s);
      if (sum < bestSum) {
        bestSum = sum;
        bestG = g;
        bestS = s;
        bestKey = key;
        bestFirst = g <= 1 && na.first === nb.first ? na.first : null;
      }
    }
  levels[P.given!] = bestG;
  levels[P.surname!] = bestS;
  if (bestKey) frequencyKeys.push(bestKey);
  if (bestFirst) frequencyKeys.push(`g:${bestFirst}`);
  const x = a.profile;
  const y = b.profile;
  levels[P.birthDate!] = birthLevel(x.birthDates, y.birthDates);
  levels[P.curp!] = sameOrDifferent(x.curps, y.curps);
  levels[P.document!] = sameOnly(x.documents, y.documents);
  levels[P.phone!] = sameOnly(x.phones, y.phones);
  levels[P.email!] = sameOnly(x.emails, y.emails);
  levels[P.gender!] = x.gender && y.gender ? (x.gender === y.gender ? 0 : 1) : MISSING;
  levels[P.nationality!] = sameOrDifferent(x.nationalities, y.nationalities);
  levels[P.alias!] = sameOnly(x.aliases, y.aliases);
  levels[P.acronym!] = acronymLevel(a, b);
  return { levels, frequencyKeys, conflict: personConflict(levels) };
}

/** Hard limits no score overrides: the resolution never merges across them. */
function personConflict(levels: Int8Array): Comparison['conflict'] {
  if (levels[P.curp!] === 1) return 'curp';
  const identified =
    levels[P.curp!] === 0 ||
    levels[P.document!] === 0 ||
    levels[P.phone!] === 0 ||
    levels[P.email!] === 0;
  if (levels[P.birthDate!] === 4 && !identified) return 'birthDate';
  return null;
}

function tokenOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.max(a.size, b.size);
}

function compareOrganizations(a: PreparedOrganization, b: PreparedOrganization): Comparison {
  const levels = new Int8Array(FEATURES.organization.length).fill(MISSING);
  const frequencyKeys: string[] = [];
  let name = MISSING;
  for (let i = 0; i < a.cores.length; i++)
    for (let j = 0; j < b.cores.length; j++) {
      const x = a.cores[i]!;
      const y = b.cores[j]!;
      const level =
        x === y
          ? 0
          : tokenOverlap(a.tokenSets[i]!, b.tokenSets[j]!) >= 0.75
            ? 1
            : jaroWinkler(x, y) >= 0.93
              ? 2
              : 3;
      if (name === MISSING || level < name) {
        name = level;
        if (level === 0) frequencyKeys[0] = `o:${x}`;
      }
    }
  if (name !== 0) frequencyKeys.length = 0;
  levels[O.name!] = name;
  const x = a.profile;
  const y = b.profile;
  levels[O.registration!] = sameOrDifferent(x.registrations, y.registrations);
  levels[O.jurisdiction!] = sameOrDifferent(x.jurisdictions, y.jurisdictions);
  levels[O.phone!] = sameOnly(x.phones, y.phones);
  levels[O.email!] = sameOnly(x.emails, y.emails);
  return { levels, frequencyKeys, conflict: null };
}

/** Compares two records of the same kind, feature by feature. */
export function compare(a: Prepared, b: Prepared): Comparison {
  if (a.kind === 'person' && b.kind === 'person') return comparePersons(a, b);
  if (a.kind === 'organization' && b.kind === 'organization') return compareOrganizations(a, b);
  throw new Error('records of different kinds are never compared');
}
