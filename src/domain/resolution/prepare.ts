import { aliasSet, expandGiven } from './names/nicknames.js';
import { phoneticKey } from './names/phonetic.js';
import type { OrganizationProfile, PersonProfile, Profile } from './profile.js';

/** A person's name readied for many comparisons: every reading and key computed once. */
export interface PreparedName {
  /** Each reading of the given names, tokens joined by a space ("jose maria", "chema"). */
  readings: string[];
  readingTokens: string[][];
  /** First given token of the name as written. */
  first: string | null;
  /** Canonical names any given token may stand for. */
  aliases: Set<string>;
  /** First letters of the given tokens. */
  initials: Set<string>;
  /** Whether a given token is a bare initial. */
  hasInitial: boolean;
  surnames: string[];
  /** Surname units joined with spaces, hyphens as spaces: compares "Kowalski-Grant" with
   * "Kowalski Grant". */
  surnameJoined: string;
  surnamePhonetic: string[];
}

export interface PreparedPerson {
  kind: 'person';
  profile: PersonProfile;
  names: PreparedName[];
}

export interface PreparedOrganization {
  kind: 'organization';
  profile: OrganizationProfile;
  cores: string[];
  tokenSets: Set<string>[];
}

export type Prepared = PreparedPerson | PreparedOrganization;

function prepareName(n: PersonProfile['names'][number]): PreparedName {
  const readingTokens = n.given.length ? expandGiven(n.given) : [];
  const aliases = new Set<string>();
  const initials = new Set<string>();
  let hasInitial = false;
  for (const tokens of readingTokens)
    for (const t of tokens) {
      if (t.length === 1) hasInitial = true;
      else for (const a of aliasSet(t)) aliases.add(a);
      if (t) initials.add(t[0]!);
    }
  return {
    readings: readingTokens.map((t) => t.join(' ')),
    readingTokens,
    first: n.given[0] ?? null,
    aliases,
    initials,
    hasInitial,
    surnames: n.surnames,
    surnameJoined: n.surnames.join(' ').replaceAll('-', ' '),
    surnamePhonetic: n.surnames.map(phoneticKey),
  };
}

export function prepare(profile: Profile): Prepared {
  if (profile.kind === 'person')
    return { kind: 'person', profile, names: profile.names.map(prepareName) };
  return {
    kind: 'organization',
    profile,
    cores: profile.names.map((n) => n.core),
    tokenSets: profile.names.map((n) => new Set(n.tokens)),
  };
}
