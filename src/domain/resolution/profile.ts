import { isA } from '../model/schemas.js';
import { foldText } from '../text/fold.js';
import { parseCurp } from './evidence/curp.js';
import { normaliseDocumentNumber } from './evidence/identifiers.js';
import { toE164 } from './evidence/phone.js';
import { parseRfc } from './evidence/rfc.js';
import { acronymOf, looksLikeAcronym } from './names/acronym.js';
import { parseOrganizationName, type ParsedOrganization } from './names/organization.js';
import { parseNameParts, parsePersonName, type ParsedName } from './names/person-name.js';

export type EntityKind = 'person' | 'organization';

/** What a record says about who it is, read once and compared many times. */
export interface PersonProfile {
  kind: 'person';
  id: string;
  /** The record's names: the structured parts first, then each written name that differs. */
  names: ParsedName[];
  /** Names written only as initials ("GRL"), folded. */
  acronyms: string[];
  /** The acronym of each full name, to meet records that only carry initials. */
  ownAcronyms: string[];
  /** Birth dates as written, plus the one a valid CURP carries. */
  birthDates: string[];
  /** Valid CURPs only: a malformed one is no identity evidence. */
  curps: string[];
  documents: string[];
  phones: string[];
  emails: string[];
  nationalities: string[];
  gender: 'male' | 'female' | null;
  /** Criminal aliases and other non-name labels ("El Güero"), folded. */
  aliases: string[];
}

export interface OrganizationProfile {
  kind: 'organization';
  id: string;
  names: ParsedOrganization[];
  /** Registration and tax numbers, normalised (a valid RFC in its canonical form). */
  registrations: string[];
  jurisdictions: string[];
  phones: string[];
  emails: string[];
}

export type Profile = PersonProfile | OrganizationProfile;

export interface ProfileInput {
  id: string;
  schema: string;
  properties: Readonly<Record<string, readonly string[]>>;
  /** The contributing agency's country: the default for national phone numbers. */
  country?: string | null;
}

export const kindOfSchema = (schema: string): EntityKind | null =>
  isA(schema, 'Person') ? 'person' : isA(schema, 'Organization') ? 'organization' : null;

const values = (p: ProfileInput['properties'], ...names: string[]): readonly string[] =>
  names.length === 1 ? (p[names[0]!] ?? []) : names.flatMap((n) => p[n] ?? []);

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

const PHONE_COUNTRIES = new Set(['US', 'MX', 'CA']);

function phonesOf(input: ProfileInput): string[] {
  const home = input.country && PHONE_COUNTRIES.has(input.country) ? input.country : undefined;
  const out: string[] = [];
  for (const raw of values(input.properties, 'phone')) {
    const e164 = toE164(raw, home as 'US' | 'MX' | 'CA' | undefined);
    if (e164) out.push(e164);
  }
  return unique(out);
}

const sameName = (a: ParsedName, b: ParsedName) =>
  a.given.join(' ') === b.given.join(' ') && a.surnames.join(' ') === b.surnames.join(' ');

const hasContent = (n: ParsedName) => n.given.length > 0 || n.surnames.length > 0;

function personNames(p: ProfileInput['properties']): {
  names: ParsedName[];
  acronyms: string[];
} {
  const names: ParsedName[] = [];
  const acronyms: string[] = [];
  const add = (n: ParsedName) => {
    if (hasContent(n) && !names.some((m) => sameName(m, n))) names.push(n);
  };
  const written = values(p, 'name');
  const fromParts = parseNameParts({
    name: written.filter((n) => !looksLikeAcronym(n)),
    firstName: p.firstName,
    secondName: p.secondName,
    middleName: p.middleName,
    fatherName: p.fatherName,
    motherName: p.motherName,
    lastName: p.lastName,
    title: p.title,
    nameSuffix: p.nameSuffix,
  });
  add(fromParts);
  for (const raw of [...written, ...values(p, 'previousName')]) {
    if (looksLikeAcronym(raw)) acronyms.push(foldText(raw).replace(/[^a-z]/g, ''));
    else add(parsePersonName(raw));
  }
  return { names, acronyms: unique(acronyms) };
}

function personProfile(input: ProfileInput): PersonProfile {
  const p = input.properties;
  const { names, acronyms } = personNames(p);
  const curps: string[] = [];
  const birthDates = [...values(p, 'birthDate')];
  for (const raw of values(p, 'curp', 'idNumber')) {
    const c = parseCurp(raw);
    if (!c?.valid) continue;
    curps.push(c.value);
    if (c.birthDate) birthDates.push(c.birthDate);
  }
  const documents: string[] = [];
  for (const raw of values(p, 'passportNumber', 'driverLicenseNumber', 'idNumber')) {
    if (parseCurp(raw)) continue;
    const d = normaliseDocumentNumber(raw);
    if (d) documents.push(d);
  }
  const gender = p.gender?.[0];
  return {
    kind: 'person',
    id: input.id,
    names,
    acronyms,
    ownAcronyms: unique(names.filter((n) => n.given.length > 0).map(acronymOf)),
    birthDates: unique(birthDates.map((d) => d.slice(0, 10))),
    curps: unique(curps),
    documents: unique(documents),
    phones: phonesOf(input),
    emails: unique(values(p, 'email').map((e) => e.trim().toLowerCase())),
    nationalities: unique(values(p, 'nationality', 'citizenship')),
    gender: gender === 'male' || gender === 'female' ? gender : null,
    aliases: unique(values(p, 'alias', 'weakAlias').map((a) => foldText(a).trim())),
  };
}

function registrationOf(raw: string): string | null {
  const rfc = parseRfc(raw);
  if (rfc?.valid) return rfc.value;
  return normaliseDocumentNumber(raw);
}

function organizationProfile(input: ProfileInput): OrganizationProfile {
  const p = input.properties;
  const names = unique(values(p, 'name', 'alias', 'previousName', 'weakAlias'))
    .map(parseOrganizationName)
    .filter((n) => n.core.length > 0);
  const registrations = values(p, 'registrationNumber', 'taxNumber', 'idNumber')
    .map(registrationOf)
    .filter((r): r is string => r !== null);
  return {
    kind: 'organization',
    id: input.id,
    names,
    registrations: unique(registrations),
    jurisdictions: unique(values(p, 'jurisdiction', 'country', 'mainCountry')),
    phones: phonesOf(input),
    emails: unique(values(p, 'email').map((e) => e.trim().toLowerCase())),
  };
}

/** The profile of a person or organization record; null for records of other schemas. */
export function profileOf(input: ProfileInput): Profile | null {
  const kind = kindOfSchema(input.schema);
  if (kind === 'person') return personProfile(input);
  if (kind === 'organization') return organizationProfile(input);
  return null;
}
