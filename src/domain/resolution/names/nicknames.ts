import { GIVEN_NAME_LANGUAGES } from './given-name-lexicon.js';
import { NICKNAME_ROWS } from './nickname-table.js';

/**
 * Canonical names are folded full names; a compound one keeps its words
 * apart with a space ('jose maria'), the way the parser splits "José María".
 */
const NICKNAMES: ReadonlyMap<string, readonly string[]> = new Map(
  NICKNAME_ROWS.map((row) => [row.nickname, row.names]),
);

// A token is its own canonical name when it is a full name: "Jack" and
// "Marisol" are names in their own right as well as nicknames.
const FULL_NAMES: ReadonlySet<string> = new Set([
  ...GIVEN_NAME_LANGUAGES.keys(),
  ...NICKNAME_ROWS.flatMap((row) => row.names),
]);

const ALIAS_SETS: ReadonlyMap<string, readonly string[]> = (() => {
  const sets = new Map<string, readonly string[]>();
  for (const name of FULL_NAMES) sets.set(name, Object.freeze([name]));
  for (const [nickname, names] of NICKNAMES) {
    const all = new Set(names);
    if (FULL_NAMES.has(nickname)) all.add(nickname);
    sets.set(nickname, Object.freeze([...all].sort()));
  }
  return sets;
})();

/**
 * The alias set of a folded given-name token: the canonical full names it may
 * stand for, sorted, including itself when it is a full name. An unknown
 * token stands for itself.
 */
export function aliasSet(token: string): readonly string[] {
  return ALIAS_SETS.get(token) ?? [token];
}

/** Whether a folded token is a nickname in the table. */
export function isNickname(token: string): boolean {
  return NICKNAMES.has(token);
}

/**
 * Compatible when the alias sets intersect: rob~robert and rob~robin, but
 * robert and robin are different names.
 */
export function givenCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const as = aliasSet(a);
  const bs = aliasSet(b);
  for (const x of as) if (bs.includes(x)) return true;
  return false;
}

function startsAnyAlias(initial: string, token: string): boolean {
  for (const name of aliasSet(token)) if (name.startsWith(initial)) return true;
  return token.startsWith(initial);
}

/**
 * Like givenCompatible, but a one-letter initial also matches any name it
 * may abbreviate, through nicknames: 'j' ~ 'pepe' because Pepe is José.
 */
export function givenCompatibleWithInitials(a: string, b: string): boolean {
  if (a.length === 1 && b.length === 1) return a === b;
  if (a.length === 1) return startsAnyAlias(a, b);
  if (b.length === 1) return startsAnyAlias(b, a);
  return givenCompatible(a, b);
}

// Each token may have a few readings; the product of several ambiguous
// nicknames ("Beto Chucho") grows fast, and the first readings are enough.
const MAX_READINGS = 32;

/**
 * Alternative readings of a given-token list: the list as written first, then
 * each nickname replaced by one of its full names, compound names split into
 * their words. ['chema'] -> [['chema'], ['jose', 'maria']].
 */
export function expandGiven(tokens: readonly string[]): string[][] {
  let readings: string[][] = [[...tokens]];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const names = NICKNAMES.has(token) ? aliasSet(token) : null;
    if (names === null) continue;
    const next: string[][] = [];
    for (let r = 0; r < readings.length; r++) {
      const reading = readings[r]!;
      next.push(reading);
      // Room is kept for the readings still to be copied.
      const room = MAX_READINGS - (readings.length - r - 1);
      for (const name of names) {
        if (name === token || next.length >= room) continue;
        const words = name.split(' ');
        // Earlier tokens may have grown into several words; the current token
        // sits at the end of the prefix built so far.
        const at = reading.length - (tokens.length - i);
        next.push([...reading.slice(0, at), ...words, ...reading.slice(at + 1)]);
      }
    }
    readings = next;
  }
  return dedupe(readings);
}

function dedupe(readings: string[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const r of readings) {
    const key = r.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
