import { foldText } from '../../text/fold.js';
import { ADDRESS_NOISE, ADDRESS_WORDS } from './address-words.js';

// Postal codes keep their own shape before punctuation goes: a ZIP+4 drops its +4 (often
// absent in the other record), a Canadian code is one token with or without its space.
const ZIP_PLUS_FOUR = /\b(\d{5})-\d{4}\b/g;
const CANADIAN_POSTAL = /\b([a-z]\d[a-z])[\s-]?(\d[a-z]\d)\b/g;
// Markers whose letters would otherwise survive as a token: "N°" (N is also North), "S/N"
// (sin número), "C.P." (código postal).
const MARKERS = /\bn\s?°|\bs\/n\b|\bc\.\s?p\./g;
// N.W. and S.E. are the NW and SE others write in one piece.
const DOTTED_DIRECTION = /\b([ns])\.\s?([ew])\b\.?/g;
const SEPARATORS = /[^a-z0-9]+/;
// 1st, 2nd, 3rd, 4th, 1er, 1re, 2e, 2eme: the ordinal is the number.
const ORDINAL = /^(\d+)(?:st|nd|rd|th|er|re|e|eme)$/;

function canonical(token: string): string {
  const ordinal = ORDINAL.exec(token);
  if (ordinal) return ordinal[1]!;
  return ADDRESS_WORDS.get(token) ?? token;
}

/**
 * A key for an address: folded words, street types and markers written one way, noise words
 * dropped, postal codes kept, sorted. Sorted because the same address is written in different
 * orders by language and habit ("Av. Juárez 123" / "123 Avenida Juarez", "Rue Saint-Denis" /
 * "Saint-Denis St"), and as a blocking and near-exact comparison key that matters more than
 * the rare pair of different addresses that use the same words in another order. Null when
 * nothing is left.
 */
export function addressKey(raw: string): string | null {
  const folded = foldText(raw)
    .replace(ZIP_PLUS_FOUR, '$1')
    .replace(CANADIAN_POSTAL, '$1$2')
    .replace(MARKERS, ' ')
    .replace(DOTTED_DIRECTION, '$1$2');
  const tokens: string[] = [];
  for (const word of folded.split(SEPARATORS)) {
    if (word.length === 0 || ADDRESS_NOISE.has(word)) continue;
    // C. for calle only where a street type stands, at the start: elsewhere C is a unit letter.
    tokens.push(word === 'c' && tokens.length === 0 ? 'st' : canonical(word));
  }
  return tokens.length > 0 ? tokens.sort().join(' ') : null;
}
