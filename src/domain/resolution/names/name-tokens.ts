/**
 * Splits a folded name into tokens. A token keeps inner hyphens (they matter:
 * hyphenated given names split, hyphenated surnames do not) and remembers
 * whether it carried a dot, which marks abbreviations and initials.
 */
export interface NameToken {
  /** Letters, digits and inner hyphens; no dots or apostrophes. */
  readonly text: string;
  readonly dotted: boolean;
}

const SEPARATORS = /[\s,;]+/u;
const PLAIN = /^[a-z]+$/;
const APOSTROPHES = /['’‘`ʼ]/gu;
const NOISE = /[^\p{L}\p{N}.-]+/gu;
// "J.", "J.-F.", "J.F." and "C.P.": single letters, each with a dot.
const DOTTED_LETTERS = /^(?:\p{L}\.-?)+\p{L}\.?$|^\p{L}\.$/u;
const INITIAL_MARKS = /[.-]/g;
const DOTS = /\./g;
const HYPHEN_RUNS = /-{2,}/g;
const EDGE_HYPHENS = /^-+|-+$/g;
// "MA.GUADALUPE": a dot glued to the next word ends the abbreviation.
const GLUED_DOT = /\.(?=\p{L}{2})/gu;

function token(chunk: string): NameToken | null {
  if (PLAIN.test(chunk)) return { text: chunk, dotted: false };
  const s = chunk.replace(APOSTROPHES, '').replace(NOISE, '');
  if (s.length === 0) return null;
  const dotted = s.includes('.');
  const text =
    dotted && DOTTED_LETTERS.test(s)
      ? [...s.replace(INITIAL_MARKS, '')].join('-')
      : s.replace(DOTS, '').replace(HYPHEN_RUNS, '-').replace(EDGE_HYPHENS, '');
  return text.length > 0 ? { text, dotted } : null;
}

/** Tokens of one folded section of a name (commas inside are spaces). */
export function nameTokens(folded: string): NameToken[] {
  const text = folded.includes('.') ? folded.replace(GLUED_DOT, '. ') : folded;
  const out: NameToken[] = [];
  for (const chunk of text.split(SEPARATORS)) {
    if (chunk.length === 0) continue;
    const t = token(chunk);
    if (t) out.push(t);
  }
  return out;
}

/** A token's text with the hyphens of dotted initials removed ("c-p" -> "cp"). */
export function compact(t: NameToken): string {
  return t.text.includes('-') ? t.text.replaceAll('-', '') : t.text;
}
