import { foldText } from './fold.js';

export const MAX_TERM_LENGTH = 64;

const SEPARATORS = /[^\p{L}\p{N}]+/u;
const WHITESPACE = /\s+/u;
const DIGIT = /\p{N}/u;

// Surname particles that data entry often glues to the next word
// ("de la Cruz" / "Delacruz", "Mc Donald" / "McDonald"). The conjunction "y"
// is left out: "Ortiz y Peña" is never written "Ortizypeña".
const PARTICLES: ReadonlySet<string> = new Set([
  ...'da das de del della den der des di do dos du'.split(' '),
  ...'la las le les los mac mc san santa st ste van von'.split(' '),
]);

// A value this short with a digit in it is most likely a serial, plate, case
// or phone number, which people write with or without separators.
const MAX_COMPACT_CHUNKS = 4;

function clip(term: string): string {
  return term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term;
}

function split(folded: string): string[] {
  return folded.split(SEPARATORS).filter((t) => t.length > 0);
}

function particleJoins(tokens: string[], out: Set<string>): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!PARTICLES.has(tokens[i]!)) continue;
    let end = i;
    while (end < tokens.length && PARTICLES.has(tokens[end]!)) end++;
    if (end < tokens.length) out.add(clip(tokens.slice(i, end + 1).join('')));
  }
}

function valueTerms(value: string, out: Set<string>): void {
  const folded = foldText(value);
  const tokens = split(folded);
  for (const t of tokens) out.add(clip(t));

  const chunks = folded.split(WHITESPACE).filter((c) => c.length > 0);
  for (const chunk of chunks) {
    const parts = split(chunk);
    if (parts.length > 1) out.add(clip(parts.join('')));
  }

  if (tokens.length > 1 && chunks.length <= MAX_COMPACT_CHUNKS && DIGIT.test(folded)) {
    out.add(clip(tokens.join('')));
  }

  particleJoins(tokens, out);
}

/**
 * Index terms for a record's values. Besides the plain folded words it adds
 * the spellings a searcher may use for the same thing: compound words joined
 * ("kowalski-grant" -> "kowalskigrant"), identifiers without separators
 * ("ABC-123 45" -> "abc12345") and particles glued on ("de la Cruz" -> "delacruz").
 */
export function searchTerms(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const value of values) valueTerms(value, out);
  return [...out].sort();
}

/**
 * Terms of a user query. No joined forms: those exist on the index side so a
 * query written either way finds the record.
 */
export function queryTerms(q: string): string[] {
  return [...new Set(split(foldText(q)).map(clip))];
}
