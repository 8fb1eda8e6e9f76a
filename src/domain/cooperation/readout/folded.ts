import { foldText } from '../../text/fold.js';

/**
 * A text folded for lookups (lower case, no accents, punctuation kept) with, for each folded
 * character, where it came from, so a phrase found in the folded text is cut from the original
 * with its accents.
 */
export interface FoldedText {
  original: string;
  folded: string;
  origin: Int32Array;
}

export function foldWithOrigin(original: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldText(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  return { original, folded, origin: Int32Array.from(origin) };
}

export interface Found {
  /** As written in the original. */
  text: string;
  /** Where it starts and ends in the original. */
  index: number;
  end: number;
}

/** The original stretch behind folded characters [start, end). */
export function originalOf(t: FoldedText, start: number, end: number): Found {
  const index = t.origin[start] ?? t.original.length;
  const last = t.origin[end - 1] ?? index;
  const stop = last + (t.original.codePointAt(last)! > 0xffff ? 2 : 1);
  return { text: t.original.slice(index, stop), index, end: stop };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for phrases, folded, as whole words: "seguridad y proteccion" finds "Seguridad y
 * Protección". Spaces in a phrase match any run of spaces.
 */
export function phrasePattern(phrases: readonly string[], flags = 'g'): RegExp {
  const alternatives = [...new Set(phrases.map((p) => foldText(p).trim()))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((p) => escape(p).replace(/\s+/g, '\\s+'));
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
    `${flags}u`,
  );
}
