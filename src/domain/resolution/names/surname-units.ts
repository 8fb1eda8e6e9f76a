import { SURNAME_ABBREVIATIONS } from './abbreviations.js';
import type { NameToken } from './name-tokens.js';
import {
  GLUED_PREFIXES,
  INNER_PARTICLE_COMPOUNDS,
  PARTICLES,
  SAINT_PREFIXES,
} from './particles.js';

function hasContentAfter(tokens: readonly NameToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!PARTICLES.has(tokens[i]!.text)) return true;
  return false;
}

function normaliseWord(w: string): string {
  const abbreviation = SURNAME_ABBREVIATIONS.get(w);
  if (abbreviation !== undefined) return abbreviation;
  if (w.startsWith('st-')) return 'saint-' + w.slice(3);
  if (w.startsWith('ste-')) return 'sainte-' + w.slice(4);
  return w;
}

/**
 * Appends the surname units of tokens[from, to) in order. A particle starts a
 * new unit and is dropped ("de la Cruz" -> 'cruz', "Ortiz y Peña" -> 'ortiz',
 * 'pena'), except inside a known compound ("Ponce de León" -> 'ponce leon');
 * a hyphenated surname stays one unit; split prefixes are glued back
 * ("Mc Donald" -> 'mcdonald'); saints' names join the next word.
 */
export function appendSurnameUnits(
  tokens: readonly NameToken[],
  from: number,
  to: number,
  out: string[],
): void {
  const start = out.length;
  let afterParticle = false;
  let prefix = '';
  for (let i = from; i < to; i++) {
    const w = tokens[i]!.text;
    const hasNext = i + 1 < to;
    if (prefix === '' && PARTICLES.has(w) && hasContentAfter(tokens, i + 1, to)) {
      afterParticle = true;
      continue;
    }
    if (hasNext && GLUED_PREFIXES.has(w)) {
      prefix += w;
      continue;
    }
    const saint = hasNext ? SAINT_PREFIXES.get(w) : undefined;
    if (saint !== undefined) {
      prefix += saint;
      continue;
    }
    const word = prefix + normaliseWord(w);
    prefix = '';
    const last = out.length > start ? out[out.length - 1]! : null;
    if (afterParticle && last !== null && INNER_PARTICLE_COMPOUNDS.has(`${last} ${word}`)) {
      out[out.length - 1] = `${last} ${word}`;
    } else {
      out.push(word);
    }
    afterParticle = false;
  }
}
