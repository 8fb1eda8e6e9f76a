import { foldName } from './fold-name.js';
import { isCommonSurname } from './common-surnames.js';
import { isKnownGivenName } from './known-given.js';
import type { ParsedName } from './person-name.js';

/**
 * The acronym a person is known by: first letters of the given names, then of
 * the surname units (particles are already gone): Genaro Ramírez Lozano ->
 * 'grl'. Lower case, like the folded names it is compared with.
 */
export function acronymOf(name: ParsedName): string {
  let out = '';
  for (const g of name.given) if (g.length > 0) out += g[0];
  for (const s of name.surnames) if (s.length > 0) out += s[0];
  return out;
}

const DOTTED_CAPITALS = /^(?:\p{Lu}\.\s?){2,5}$/u;
const CAPITALS = /^\p{Lu}{2,5}$/u;
const VOWELS = /[aeiou]/;

// Consonant pairs that occur inside ordinary Spanish, English and French
// words and names. A capitalised word with any other pair ("AMLO": ml) is
// read as initials.
const WORD_CLUSTERS: ReadonlySet<string> = new Set(
  `bl br cl cr dr fl fr gl gr pl pr tr ch ll rr nt nd ns nc ng nz rt rd rn rl rs rz rc rg rm rb
  rv rp st sc sp sm sl sh th ph ck mp mb lt ld lv lz lm lb lc tz ss tt nn mm nr ct pt gn xt`.split(
    /\s+/u,
  ),
);

function hasForeignCluster(word: string): boolean {
  for (let i = 0; i + 1 < word.length; i++) {
    const a = word[i]!;
    const b = word[i + 1]!;
    if (VOWELS.test(a) || VOWELS.test(b) || a === 'y' || b === 'y') continue;
    if (!WORD_CLUSTERS.has(a + b)) return true;
  }
  return false;
}

/**
 * Whether a raw name is an acronym of a person's names ("GRL", "AMLO",
 * "G.R.L.") rather than a short name written in capitals ("ANA", "LUIS",
 * "RUIZ"): two to five capitals, not a known given name or frequent surname,
 * and either without vowels or not shaped like a word.
 */
export function looksLikeAcronym(raw: string): boolean {
  const s = raw.trim();
  if (DOTTED_CAPITALS.test(s)) return true;
  if (!CAPITALS.test(s)) return false;
  const folded = foldName(s);
  if (isKnownGivenName(folded) || isCommonSurname(folded)) return false;
  if (!VOWELS.test(folded)) return true;
  if (folded.length <= 3) return true;
  return hasForeignCluster(folded);
}
