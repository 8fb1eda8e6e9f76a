import { foldName } from './fold-name.js';
import { canonicalSuffix, canonicalTitle, mayBeTitle, suffixOf, titleOf } from './affixes.js';
import { appendGivenTokens, isGivenLike } from './given-tokens.js';
import { compact, nameTokens, type NameToken } from './name-tokens.js';
import { givenEnd, trailingGivenStart } from './name-order.js';
import { appendSurnameUnits } from './surname-units.js';

export interface ParsedName {
  /**
   * Folded given-name tokens in order. Hyphenated given names split
   * ('Jean-François' -> 'jean', 'francois') unless the hyphenated form is a
   * nickname ('ti-jean'); an initial is one letter; abbreviations expanded
   * ('Ma. Gpe.' -> 'maria', 'guadalupe'); particles inside a given name
   * dropped ('María de los Ángeles' -> 'maria', 'angeles').
   */
  given: string[];
  /**
   * Folded surname units in order, paternal first when known. Particles are
   * dropped ('de la Cruz' -> 'cruz'); a hyphenated surname is one unit
   * ('kowalski-grant'); a known compound with an inner particle is one unit
   * with a space ('Ponce de León' -> 'ponce leon'); apostrophes and split
   * prefixes are glued ('obrien', 'mcdonald', 'damours'); French saints'
   * names become 'saint-…' ('St-Pierre', 'St. Pierre' -> 'saint-pierre') and
   * Spanish ones keep a space ('san martin').
   */
  surnames: string[];
  /** Canonical folded title ('dr', 'dra', 'lic', 'cp'...), else null. */
  title: string | null;
  /** 'jr' | 'sr' | 'ii' | 'iii' | 'iv' ... or null. */
  suffix: string | null;
}

export interface NameParts {
  name?: readonly string[];
  firstName?: readonly string[];
  secondName?: readonly string[];
  middleName?: readonly string[];
  fatherName?: readonly string[];
  motherName?: readonly string[];
  lastName?: readonly string[];
  title?: readonly string[];
  nameSuffix?: readonly string[];
}

interface Affixes {
  title: string | null;
  suffix: string | null;
}

function peelTitles(tokens: readonly NameToken[], from: number, to: number, acc: Affixes): number {
  while (to - from > 1) {
    const key = compact(tokens[from]!);
    if (!mayBeTitle(key)) break;
    const title = titleOf(key, isGivenLike(tokens[from + 1]!));
    if (title === null) break;
    acc.title ??= title;
    from++;
  }
  return from;
}

function peelSuffixes(
  tokens: readonly NameToken[],
  from: number,
  to: number,
  acc: Affixes,
): number {
  while (to - from > 1) {
    const t = tokens[to - 1]!;
    const suffix = suffixOf(t.text, t.dotted);
    if (suffix === null) break;
    acc.suffix ??= suffix;
    to--;
  }
  return to;
}

function isAffixOnly(tokens: readonly NameToken[]): boolean {
  for (const t of tokens) {
    if (suffixOf(t.text, t.dotted) === null && titleOf(compact(t), true) === null) return false;
  }
  return true;
}

function takeAffixes(tokens: readonly NameToken[], acc: Affixes): void {
  for (const t of tokens) {
    const suffix = suffixOf(t.text, t.dotted);
    if (suffix !== null) acc.suffix ??= suffix;
    else acc.title ??= titleOf(compact(t), true);
  }
}

function parseUncommaed(tokens: readonly NameToken[], acc: Affixes, out: ParsedName): void {
  const from = peelTitles(tokens, 0, tokens.length, acc);
  const to = peelSuffixes(tokens, from, tokens.length, acc);
  if (to - from === 1) {
    if (isGivenLike(tokens[from]!)) appendGivenTokens(tokens, from, to, out.given);
    else appendSurnameUnits(tokens, from, to, out.surnames);
    return;
  }
  const trailing = trailingGivenStart(tokens, from, to);
  if (trailing >= 0) {
    appendSurnameUnits(tokens, from, trailing, out.surnames);
    appendGivenTokens(tokens, trailing, to, out.given);
    return;
  }
  const end = givenEnd(tokens, from, to);
  appendGivenTokens(tokens, from, end, out.given);
  appendSurnameUnits(tokens, end, to, out.surnames);
}

function parseCommaed(
  surnamePart: readonly NameToken[],
  givenPart: readonly NameToken[],
  acc: Affixes,
  out: ParsedName,
): void {
  let from = peelTitles(surnamePart, 0, surnamePart.length, acc);
  let to = peelSuffixes(surnamePart, from, surnamePart.length, acc);
  appendSurnameUnits(surnamePart, from, to, out.surnames);
  from = peelTitles(givenPart, 0, givenPart.length, acc);
  to = peelSuffixes(givenPart, from, givenPart.length, acc);
  appendGivenTokens(givenPart, from, to, out.given);
}

/**
 * Parses one full name as typed. With a comma the order is
 * "SURNAME(S), Given"; without one, given names are read from the front while
 * they are known given names and at least one word is left for a surname (the
 * first word is a given name whatever it is), unless the name starts with a
 * frequent surname and ends with given names ("GARCIA LOPEZ JUAN").
 */
export function parsePersonName(full: string): ParsedName {
  const out: ParsedName = { given: [], surnames: [], title: null, suffix: null };
  const acc: Affixes = { title: null, suffix: null };
  const sections: NameToken[][] = [];
  for (const section of foldName(full).split(',')) {
    const tokens = nameTokens(section);
    if (tokens.length === 0) continue;
    // ", Jr." and ", Lic." after a name are affixes, not the given names.
    if (sections.length > 0 && isAffixOnly(tokens)) takeAffixes(tokens, acc);
    else sections.push(tokens);
  }
  if (sections.length === 1) parseUncommaed(sections[0]!, acc, out);
  else if (sections.length > 1) parseCommaed(sections[0]!, sections.slice(1).flat(), acc, out);
  out.title = acc.title;
  out.suffix = acc.suffix;
  return out;
}

function firstValue(values: readonly string[] | undefined): string | null {
  if (!values) return null;
  for (const v of values) if (v.trim().length > 0) return v;
  return null;
}

function addGiven(value: string | null, out: string[]): void {
  if (value === null) return;
  const tokens = nameTokens(foldName(value));
  appendGivenTokens(tokens, 0, tokens.length, out);
}

function addSurnames(value: string | null, out: string[]): void {
  if (value === null) return;
  const tokens = nameTokens(foldName(value));
  appendSurnameUnits(tokens, 0, tokens.length, out);
}

const AFFIX_NOISE = /[^\p{L}\p{N}]+/gu;

function affixKey(value: string | null): string | null {
  if (value === null) return null;
  const key = foldName(value).replace(AFFIX_NOISE, '');
  return key.length > 0 ? key : null;
}

/**
 * Builds the parsed name from FollowTheMoney-style parts. Each property is
 * multi-valued in FtM, and several values are alternatives, so the first
 * non-empty one is used. Parts that are missing are taken from parsing
 * name[0].
 */
export function parseNameParts(parts: NameParts): ParsedName {
  const given: string[] = [];
  addGiven(firstValue(parts.firstName), given);
  addGiven(firstValue(parts.secondName), given);
  addGiven(firstValue(parts.middleName), given);

  const surnames: string[] = [];
  const father = firstValue(parts.fatherName);
  const mother = firstValue(parts.motherName);
  if (father !== null) {
    addSurnames(father, surnames);
  } else {
    addSurnames(firstValue(parts.lastName), surnames);
  }
  if (mother !== null) {
    const motherUnits: string[] = [];
    addSurnames(mother, motherUnits);
    // A lastName of "García Hernández" may already hold the mother's name.
    const last = surnames[surnames.length - 1];
    if (!(father === null && motherUnits.length === 1 && last === motherUnits[0])) {
      surnames.push(...motherUnits);
    }
  }

  const titleKey = affixKey(firstValue(parts.title));
  const suffixKey = affixKey(firstValue(parts.nameSuffix));
  const out: ParsedName = {
    given,
    surnames,
    title: titleKey === null ? null : canonicalTitle(titleKey),
    suffix: suffixKey === null ? null : canonicalSuffix(suffixKey),
  };

  const full = firstValue(parts.name);
  if (full !== null && (given.length === 0 || surnames.length === 0 || !out.title || !out.suffix)) {
    const parsed = parsePersonName(full);
    if (given.length === 0) out.given = parsed.given;
    if (surnames.length === 0) out.surnames = parsed.surnames;
    out.title ??= parsed.title;
    out.suffix ??= parsed.suffix;
  }
  return out;
}
