import { isCommonSurname } from './common-surnames.js';
import { isGivenLike } from './given-tokens.js';
import { givenNameLanguages } from './known-given.js';
import type { NameToken } from './name-tokens.js';
import { continuesGivenName, PARTICLES } from './particles.js';

// Without a comma nothing marks where the given names end and the surnames
// begin; these heuristics decide, from the lexicons.

/**
 * Words that are given names and also frequent Spanish surnames. In
 * "José Martín López" the second word is more likely the paternal surname, so
 * a Spanish-looking name that would otherwise keep a single surname gives it
 * back.
 */
const GIVEN_OR_SURNAME: ReadonlySet<string> = new Set(
  `martin lorenzo vicente leon salvador domingo marcos tomas lucas roman esteban andres simon
  nicolas felipe gil pascual bautista ramon benito`.split(/\s+/u),
);

function looksSpanish(tokens: readonly NameToken[], from: number, to: number): boolean {
  if (tokens[to - 1]!.text.endsWith('ez')) return true;
  const langs = givenNameLanguages(tokens[from]!.text);
  return langs.length === 1 && langs[0] === 'es';
}

function contentCount(tokens: readonly NameToken[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (!PARTICLES.has(tokens[i]!.text)) n++;
  return n;
}

/** End of the given names read from the front (tokens[from, end) are given). */
export function givenEnd(tokens: readonly NameToken[], from: number, to: number): number {
  let end = from + 1;
  while (end < to - 1) {
    const t = tokens[end]!;
    if (isGivenLike(t)) {
      end++;
      continue;
    }
    if (!PARTICLES.has(t.text)) break;
    let j = end;
    while (j < to && PARTICLES.has(tokens[j]!.text)) j++;
    if (j >= to - 1 || !continuesGivenName(tokens[end - 1]!.text, tokens[j]!.text)) break;
    end = j + 1;
  }
  if (
    end - from >= 2 &&
    contentCount(tokens, end, to) === 1 &&
    GIVEN_OR_SURNAME.has(tokens[end - 1]!.text) &&
    looksSpanish(tokens, from, to)
  ) {
    end--;
  }
  return end;
}

/**
 * Start of trailing given names in "SURNAME SURNAME GIVEN" order (registry
 * extracts often drop the comma), or -1. Only tried when the first word is a
 * frequent surname and not a given name, so "Garcia Lopez Juan" turns round
 * but "Genaro Ramírez Lozano" does not.
 */
export function trailingGivenStart(tokens: readonly NameToken[], from: number, to: number): number {
  const first = tokens[from]!;
  if (to - from < 2 || isGivenLike(first) || !isCommonSurname(first.text)) return -1;
  let i = to - 1;
  let named = false;
  while (i > from) {
    const t = tokens[i]!;
    if (isGivenLike(t)) {
      if (t.text.length > 1) named = true;
      i--;
      continue;
    }
    if (!PARTICLES.has(t.text) || i + 1 >= to) break;
    let k = i;
    while (k > from && PARTICLES.has(tokens[k]!.text)) k--;
    if (k <= from || !isGivenLike(tokens[k]!)) break;
    if (!continuesGivenName(tokens[k]!.text, tokens[i + 1]!.text)) break;
    i = k;
  }
  return named && i < to - 1 ? i + 1 : -1;
}
