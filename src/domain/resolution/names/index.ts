export { acronymOf, looksLikeAcronym } from './acronym.js';
export { isCommonSurname } from './common-surnames.js';
export { givenNameLanguages, isKnownGivenName } from './known-given.js';
export type { NameLanguage } from './given-name-lexicon.js';
export { NICKNAME_ROWS, NICKNAME_SOURCES, type NicknameRow } from './nickname-table.js';
export {
  aliasSet,
  expandGiven,
  givenCompatible,
  givenCompatibleWithInitials,
  isNickname,
} from './nicknames.js';
export { parseOrganizationName, type ParsedOrganization } from './organization.js';
export { parseNameParts, parsePersonName, type NameParts, type ParsedName } from './person-name.js';
export { phoneticKey } from './phonetic.js';
export { damerauLevenshtein, jaroWinkler } from './similarity.js';
