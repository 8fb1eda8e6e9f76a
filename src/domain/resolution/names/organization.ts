import { foldName } from './fold-name.js';
import { legalFormOf, MAX_LEGAL_FORM_TOKENS } from './legal-forms.js';

export interface ParsedOrganization {
  /** The significant tokens joined by one space: no legal form, punctuation or stopwords. */
  core: string;
  /** The significant tokens, folded, in order. */
  tokens: string[];
  /** Canonical legal form ('sa de cv', 's de rl de cv', 'inc', 'llc', 'ltee', 'co ltd'...) or null. */
  legalForm: string | null;
}

// Articles, prepositions and conjunctions: "Químicos del Pacífico" and
// "Quimicos Pacifico" are the same company to a clerk.
const STOPWORDS: ReadonlySet<string> = new Set(
  'the of and a an el la los las lo del de d y e les le l des du et en'.split(' '),
);

const APOSTROPHES = /['’‘`ʼ]/gu;
const DOTS = /\./g;
// "AT&T" is one word; "Smith & Sons" is two words and a conjunction.
const GLUED_AMPERSAND = /(?<=[\p{L}\p{N}])&(?=[\p{L}\p{N}])/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

// Chained forms such as "Co., Ltd." are read as one: at most this many.
const MAX_CHAINED_FORMS = 2;

function stripLegalForm(tokens: string[], forms: string[]): void {
  const maxSpan = Math.min(MAX_LEGAL_FORM_TOKENS, tokens.length - 1);
  for (let k = maxSpan; k >= 1; k--) {
    let key = '';
    for (let i = tokens.length - k; i < tokens.length; i++) key += tokens[i];
    const form = legalFormOf(key);
    if (form === undefined) continue;
    tokens.length -= k;
    forms.unshift(form);
    return;
  }
}

/**
 * Parses an organisation name: "Químicos del Pacífico, S.A. de C.V." and
 * "QUIMICOS DEL PACIFICO SA DE CV" both give core 'quimicos pacifico' and
 * legal form 'sa de cv'.
 */
export function parseOrganizationName(raw: string): ParsedOrganization {
  const folded = foldName(raw)
    .replace(APOSTROPHES, '')
    .replace(DOTS, '')
    .replace(GLUED_AMPERSAND, '');
  const words = folded.split(SEPARATORS).filter((w) => w.length > 0);

  const forms: string[] = [];
  for (let n = 0; n < MAX_CHAINED_FORMS; n++) {
    // A conjunction before the form belongs to it: "Tremblay et Cie", "Smith & Co".
    const before = forms.length;
    stripLegalForm(words, forms);
    if (forms.length === before) break;
    while (words.length > 1 && STOPWORDS.has(words[words.length - 1]!)) words.length--;
  }

  let tokens = words.filter((w) => !STOPWORDS.has(w));
  if (tokens.length === 0) tokens = words;
  return {
    core: tokens.join(' '),
    tokens,
    legalForm: forms.length > 0 ? forms.join(' ') : null,
  };
}
