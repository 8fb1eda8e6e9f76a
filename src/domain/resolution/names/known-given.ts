import { GIVEN_NAME_LANGUAGES, type NameLanguage } from './given-name-lexicon.js';
import { NICKNAME_ROWS } from './nickname-table.js';

// Every word the parser should read as a given name: the lexicon, every
// nickname, and every word of every canonical name the nicknames stand for.
const LANGUAGES: ReadonlyMap<string, readonly NameLanguage[]> = (() => {
  const map = new Map<string, NameLanguage[]>();
  const add = (word: string, langs: readonly NameLanguage[]): void => {
    const have = map.get(word);
    if (!have) map.set(word, [...langs]);
    else for (const l of langs) if (!have.includes(l)) have.push(l);
  };
  for (const [name, langs] of GIVEN_NAME_LANGUAGES) add(name, langs);
  for (const row of NICKNAME_ROWS) {
    add(row.nickname, row.languages);
    for (const name of row.names) for (const word of name.split(' ')) add(word, row.languages);
  }
  return map;
})();

/** Whether a folded token is a given name the platform knows. */
export function isKnownGivenName(token: string): boolean {
  return LANGUAGES.has(token);
}

/** The languages a known given name is common in; empty when unknown. */
export function givenNameLanguages(token: string): readonly NameLanguage[] {
  return LANGUAGES.get(token) ?? [];
}
