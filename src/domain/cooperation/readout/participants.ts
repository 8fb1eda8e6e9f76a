import { isKnownGivenName } from '../../resolution/names/known-given.js';
import { PARTICLES } from '../../resolution/names/particles.js';
import { countryMentions, placeMentions } from './gazetteer.js';
import { headAt, HONORIFICS, OFFICE_WORDS } from './titles.js';
import { tokenize, type Token } from './tokens.js';

export interface NamedParticipant {
  name: string;
  /** The title as written ("Deputy Attorney General", "Secretaria de Seguridad…"). */
  title: string;
  /** Where the title and the name sit in the sentence: the text around them is read for the agency. */
  span: { start: number; end: number };
}

/** Words that join the parts of an office: "Secretary of State", "Secretaria de Seguridad y …". */
const CONNECTORS = new Set(
  "of for the and on de del la las los y e para du des et d l' l d' pour aux".split(' '),
);
/** Words between a name and its title: "Rosa Icela Rodríguez, la Secretaria de …". */
const ARTICLES = new Set("the la el le l' l los las a an".split(' '));

const MAX_NAME = 6;
const MAX_TITLE = 12;

/** A given name the platform knows, or a compound of them ("Jean-François"). */
const knownGiven = (t: Token) => t.key.split('-').every(isKnownGivenName);

const isWord = (t: Token | undefined): t is Token => !!t && !t.mark;
const isInitial = (t: Token) => /^\p{Lu}\.(?:-\p{Lu}\.)?$/u.test(t.text);
const nameWord = (t: Token | undefined): t is Token =>
  isWord(t) && t.capital && !OFFICE_WORDS.has(t.key) && !/\d/.test(t.text);

/**
 * The name that starts at token i: capitalised words, initials and the particles inside
 * surnames ("María de la Luz Peña"), at most six words, never an office word. Returns the
 * index after it, or i when no name of two words or more starts there.
 */
function nameEnd(tokens: readonly Token[], i: number): number {
  let j = i;
  let words = 0;
  while (j < tokens.length && words < MAX_NAME) {
    const t = tokens[j]!;
    if (nameWord(t) && (!HONORIFICS.has(t.key) || j > i)) {
      words++;
      j++;
      if (/\.$/.test(t.text) && !isInitial(t)) break;
      continue;
    }
    // A particle continues a name only inside it, before another capitalised word.
    if (words > 0 && isWord(t) && PARTICLES.has(t.key) && !t.capital) {
      let k = j;
      while (k < tokens.length && isWord(tokens[k]) && PARTICLES.has(tokens[k]!.key)) k++;
      if (nameWord(tokens[k])) {
        j = k;
        continue;
      }
    }
    break;
  }
  return words >= 2 ? j : i;
}

const textOf = (sentence: string, tokens: readonly Token[], from: number, to: number) =>
  sentence
    .slice(tokens[from]!.index, tokens[to - 1]!.end)
    .replace(/\s+/g, ' ')
    .replace(/[.,;:]$/, '');

/** A name that is really a place or a country ("Mexico City", "United States") is not a person. */
const isPlace = (name: string) =>
  placeMentions(name).length > 0 || countryMentions(name).some((m) => m.text.length > 3);

/** Skips courtesy titles before a name ("Dra.", "Lic."). */
function skipHonorifics(tokens: readonly Token[], i: number): number {
  while (i < tokens.length && HONORIFICS.has(tokens[i]!.key) && tokens[i]!.capital) i++;
  return i;
}

/**
 * The office words before a head that belong to the title: "Homeland Security Secretary",
 * "U.S. Ambassador", "ATF Director".
 */
function titleStart(tokens: readonly Token[], head: number): number {
  let i = head;
  while (i > 0) {
    const t = tokens[i - 1]!;
    if (!isWord(t) || !t.capital) break;
    const isCode = /^\p{Lu}{2,6}$/u.test(t.text) || /^(?:\p{Lu}\.){2,3}$/u.test(t.text);
    if (!OFFICE_WORDS.has(t.key) && !isCode && !/(?:'s|’s)$/.test(t.text)) break;
    i--;
  }
  return i;
}

/**
 * People named with their office: "Deputy Attorney General Lisa Monaco", "la secretaria de
 * Seguridad y Protección Ciudadana, Rosa Icela Rodríguez", "Rosa Icela Rodríguez, Secretaria de
 * Seguridad", "Ministre de la Sécurité publique Dominic LeBlanc". A name starts at the first
 * given name the platform knows after the office words; failing that, after them.
 */
export function participantsIn(sentence: string): NamedParticipant[] {
  const tokens = tokenize(sentence);
  const keys = tokens.map((t) => t.key);
  const out: NamedParticipant[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const headLength = headAt(keys, i);
    if (!headLength) {
      // A courtesy title alone: "Dra. Rosa Icela Rodríguez".
      const t = tokens[i]!;
      if (t.capital && HONORIFICS.has(t.key) && /\.$/.test(t.text)) {
        const end = nameEnd(tokens, i + 1);
        const name = end > i + 1 ? textOf(sentence, tokens, i + 1, end) : '';
        if (name && !isPlace(name)) {
          out.push({ name, title: t.text, span: { start: t.index, end: tokens[end - 1]!.end } });
          for (let k = i; k < end; k++) used.add(k);
        }
      }
      continue;
    }
    // "Secretaría" with its accent is the ministry, not the secretary.
    if (/secretaría/i.test(tokens[i]!.text)) continue;
    const start = titleStart(tokens, i);
    // Title after a name: "Rosa Icela Rodríguez, [la] Secretaria de …".
    let back = start - 1;
    while (back >= 0 && ARTICLES.has(keys[back]!) && !tokens[back]!.capital) back--;
    if (back >= 0 && tokens[back]!.text === ',') {
      let from = back;
      while (
        from > 0 &&
        back - from < MAX_NAME + 1 &&
        (nameWord(tokens[from - 1]) ||
          (isWord(tokens[from - 1]) &&
            PARTICLES.has(keys[from - 1]!) &&
            !tokens[from - 1]!.capital))
      )
        from--;
      // At the start of a clause the whole run is the name; inside one, from a given name on.
      const clauseStart = from === 0 || tokens[from - 1]!.mark;
      let given = tokens.findIndex((t, k) => k >= from && k < back && knownGiven(t));
      if (given < 0 && clauseStart) given = from;
      if (given >= 0 && given < back && nameEnd(tokens, given) === back) {
        let end = i + headLength;
        while (
          end < tokens.length &&
          end - i < MAX_TITLE &&
          isWord(tokens[end]) &&
          (tokens[end]!.capital || CONNECTORS.has(keys[end]!))
        )
          end++;
        while (end > i + headLength && CONNECTORS.has(keys[end - 1]!)) end--;
        const name = textOf(sentence, tokens, given, back);
        if (!isPlace(name)) {
          out.push({
            name,
            title: textOf(sentence, tokens, start, end),
            span: { start: tokens[given]!.index, end: tokens[end - 1]!.end },
          });
          for (let k = i; k < end; k++) used.add(k);
          continue;
        }
      }
    }
    // Title before the name: the office words run on to the first name.
    let j = i + headLength;
    let nameAt = -1;
    let fallback = -1;
    while (j < tokens.length && j - i < MAX_TITLE) {
      const t = tokens[j]!;
      if (t.text === ',' && j > i + headLength - 1) {
        const k = skipHonorifics(tokens, j + 1);
        if (nameEnd(tokens, k) > k) {
          nameAt = k;
          break;
        }
        // The office runs on past a comma: "Minister of Public Safety, Democratic Institutions…".
        const next = tokens[j + 1];
        if (!next || !OFFICE_WORDS.has(next.key)) break;
        j++;
        continue;
      }
      if (!isWord(t)) break;
      const k = skipHonorifics(tokens, j);
      if (k > j) {
        if (nameEnd(tokens, k) > k) nameAt = k;
        break;
      }
      if (nameWord(t) && knownGiven(t) && nameEnd(tokens, j) > j) {
        nameAt = j;
        break;
      }
      if (fallback < 0 && nameWord(t) && nameEnd(tokens, j) > j) fallback = j;
      // French writes the office's adjectives in lower case: "Sécurité publique".
      if (!t.capital && !CONNECTORS.has(t.key) && !OFFICE_WORDS.has(t.key)) break;
      j++;
    }
    if (nameAt < 0) nameAt = fallback;
    if (nameAt < 0) continue;
    const end = nameEnd(tokens, nameAt);
    const name = textOf(sentence, tokens, nameAt, end);
    if (isPlace(name)) continue;
    let titleEnd = nameAt;
    while (
      titleEnd > i + headLength &&
      (tokens[titleEnd - 1]!.mark ||
        CONNECTORS.has(keys[titleEnd - 1]!) ||
        HONORIFICS.has(keys[titleEnd - 1]!))
    )
      titleEnd--;
    out.push({
      name,
      title: textOf(sentence, tokens, start, Math.max(titleEnd, i + headLength)),
      span: { start: tokens[start]!.index, end: tokens[end - 1]!.end },
    });
    for (let k = i; k < end; k++) used.add(k);
    i = end - 1;
  }
  return out;
}
