import { phoneticKey } from './names/phonetic.js';
import type { Prepared, PreparedPerson } from './prepare.js';

/**
 * Blocking: only records that share a key are compared. Each key is robust to a different kind
 * of noise, so that a true pair missed by one (a typo in the surname, a nickname, swapped day
 * and month) is still caught by another. Keys are chosen by what they find: on the benchmark's
 * data, pairs that can reach a match are nearly all found by given name + birth date and by
 * surname + birth date; a key on the name alone (given + surname sound) found almost none the
 * others missed, while it proposed most of the pairs (and the time): two people with the same
 * common name and no birth date cannot be told apart by any score.
 */
export const MAX_BLOCK = 250;

/** Keys kept for finding records by name (entity search), never for blocking. */
export const SEARCH_ONLY = '~';

export const isBlockingKey = (key: string): boolean => key[1] !== SEARCH_ONLY;

function personKeys(p: PreparedPerson): string[] {
  const keys = new Set<string>();
  const x = p.profile;
  for (const c of x.curps) keys.add(`c:${c}`);
  for (const d of x.documents) keys.add(`d:${d}`);
  for (const ph of x.phones) keys.add(`p:${ph}`);
  for (const e of x.emails) keys.add(`e:${e}`);
  const fullDates = x.birthDates.filter((d) => d.length === 10);
  for (const n of p.names) {
    const surnames = n.surnamePhonetic.slice(0, 2);
    const givens = [...n.aliases].slice(0, 4);
    // Given name (any alias) and exact birth date: survives a mistyped, swapped or replaced
    // surname, accents and nicknames.
    for (const g of givens) for (const d of fullDates) keys.add(`gb:${g}:${d}`);
    // Surname sound and birth date with day and month unordered: survives a nickname or an
    // initial, and a day/month swap.
    if (surnames[0]) for (const d of fullDates) keys.add(`sd:${surnames[0]}:${dayMonthKey(d)}`);
    // A full three-part name is rare enough to be evidence without a birth date.
    if (surnames.length === 2)
      for (const g of givens) keys.add(`gss:${g}:${surnames[0]}:${surnames[1]}`);
    // Given name and surname sound: what a name search looks up.
    for (const g of givens) for (const s of surnames) keys.add(`${SEARCH_ONLY}gs:${g}:${s}`);
  }
  // Initials ("GRL") meet full names with the same initials born the same day (by year alone,
  // every "JGH" born in 1970 would be compared with every other).
  for (const a of [...x.acronyms, ...x.ownAcronyms])
    for (const d of fullDates) keys.add(`ad:${a}:${d}`);
  return [...keys];
}

const dayMonthKey = (iso: string): string => {
  const m = iso.slice(5, 7);
  const d = iso.slice(8, 10);
  return `${iso.slice(0, 4)}${m < d ? m + d : d + m}`;
};

const SIGNIFICANT = 4;

function organizationKeys(p: Extract<Prepared, { kind: 'organization' }>): string[] {
  const keys = new Set<string>();
  for (const c of p.cores) keys.add(`on:${c}`);
  // A significant word's sound: survives a misspelt or missing word of the name.
  for (const tokens of p.tokenSets)
    for (const t of tokens) if (t.length >= SIGNIFICANT) keys.add(`ot:${phoneticKey(t)}`);
  for (const r of p.profile.registrations) keys.add(`r:${r}`);
  for (const ph of p.profile.phones) keys.add(`p:${ph}`);
  for (const e of p.profile.emails) keys.add(`e:${e}`);
  return [...keys];
}

/** The blocking keys of a record; persons and organizations never share one. */
export function blockingKeys(p: Prepared): string[] {
  return p.kind === 'person'
    ? personKeys(p).map((k) => `P${k}`)
    : organizationKeys(p).map((k) => `O${k}`);
}

/**
 * The candidate pairs of a set of records with their keys, as indices (i < j), each once.
 * Blocks larger than `maxBlock` are skipped: a key that thousands share ("García" born 1980)
 * tells nothing, and the other keys still meet the pairs inside it.
 */
export function candidatePairs(
  keysOf: readonly (readonly string[])[],
  maxBlock = MAX_BLOCK,
): { pairs: Uint32Array; skippedBlocks: number } {
  const blocks = new Map<string, number[]>();
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      if (!isBlockingKey(k)) continue;
      const members = blocks.get(k);
      if (members) members.push(i);
      else blocks.set(k, [i]);
    }
  });
  // Pairs as i * n + j in one growing buffer, then sorted and made unique: a Set of tens of
  // millions of numbers would take gigabytes.
  let codes = new Float64Array(1 << 16);
  let count = 0;
  let skippedBlocks = 0;
  const n = keysOf.length;
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > maxBlock) {
      skippedBlocks++;
      continue;
    }
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        if (count === codes.length) {
          const grown = new Float64Array(codes.length * 2);
          grown.set(codes);
          codes = grown;
        }
        codes[count++] = i < j ? i * n + j : j * n + i;
      }
  }
  const sorted = codes.subarray(0, count).sort();
  let unique = 0;
  for (let k = 0; k < count; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) unique++;
  const pairs = new Uint32Array(unique * 2);
  let w = 0;
  for (let k = 0; k < count; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    const code = sorted[k]!;
    const i = Math.floor(code / n);
    pairs[w++] = i;
    pairs[w++] = code - i * n;
  }
  return { pairs, skippedBlocks };
}
