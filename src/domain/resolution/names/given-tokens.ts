import { GIVEN_ABBREVIATIONS, SURNAME_ABBREVIATIONS } from './abbreviations.js';
import { isKnownGivenName } from './known-given.js';
import type { NameToken } from './name-tokens.js';
import { isNickname } from './nicknames.js';
import { PARTICLES } from './particles.js';

function isGivenWord(w: string): boolean {
  return w.length === 1 || isKnownGivenName(w) || GIVEN_ABBREVIATIONS.has(w);
}

/** Whether a token reads as a given name (or an initial, or an abbreviation of one). */
export function isGivenLike(t: NameToken): boolean {
  const w = t.text;
  // An undotted "y" joins two surnames ("Ortiz y Peña").
  if (w.length === 1) return w !== 'y' || t.dotted;
  if (SURNAME_ABBREVIATIONS.has(w)) return false;
  if (isGivenWord(w)) return true;
  if (!w.includes('-')) return false;
  if (isNickname(w)) return true;
  for (const part of w.split('-')) if (part.length > 0 && !isGivenWord(part)) return false;
  return true;
}

// "Ma" is a name of its own (and a surname); it means María when abbreviated
// or when another given name follows ("Ma. Guadalupe", "Ma Guadalupe").
function expand(w: string, dotted: boolean, followed: boolean): string {
  if (w === 'ma') return dotted || followed ? 'maria' : 'ma';
  return GIVEN_ABBREVIATIONS.get(w) ?? w;
}

/**
 * Appends the given-name tokens of tokens[from, to): particles inside a given
 * name dropped ("María de los Ángeles" -> maria, angeles), hyphenated names
 * split unless the hyphenated form is itself a nickname ("Ti-Jean"),
 * abbreviations expanded.
 */
export function appendGivenTokens(
  tokens: readonly NameToken[],
  from: number,
  to: number,
  out: string[],
): void {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const w = t.text;
    if (i > from && !t.dotted && PARTICLES.has(w)) continue;
    const followed = i + 1 < to;
    if (!w.includes('-') || isNickname(w)) {
      out.push(expand(w, t.dotted, followed));
      continue;
    }
    const parts = w.split('-');
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      if (part.length > 0) out.push(expand(part, t.dotted, followed || p + 1 < parts.length));
    }
  }
}
