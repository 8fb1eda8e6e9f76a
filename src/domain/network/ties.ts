/**
 * The kinds of tie the graph carries. Links are the partners' own statements; derived ties are
 * what investigators read off them: who calls whom, who was seized together, whose guns were
 * recovered together, who shares a phone, a vehicle, an address or a company.
 */
export const DERIVED_TIES = [
  'called',
  'seized_together',
  'recovered_together',
  'guns_recovered_together',
  'shares_phone',
  'shares_vehicle',
  'shares_address',
  'same_company',
] as const;
export type DerivedTie = (typeof DERIVED_TIES)[number];

/** Node kinds: resolved entities and objects, and events. */
export const NODE_KINDS = [
  'person',
  'organization',
  'company',
  'phone',
  'vehicle',
  'address',
  'firearm',
  'seizure',
  'recovery',
  'sale',
  'smuggling',
  'meeting',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

const KIND_OF_SCHEMA: Readonly<Record<string, NodeKind>> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'company',
  Phone: 'phone',
  Vehicle: 'vehicle',
  Address: 'address',
  Firearm: 'firearm',
  Seizure: 'seizure',
  Recovery: 'recovery',
  Sale: 'sale',
  Smuggling: 'smuggling',
  Meeting: 'meeting',
};

/** The node kind of a schema; undefined for records that are not nodes (calls become ties). */
export const kindOfSchema = (schema: string): NodeKind | undefined => KIND_OF_SCHEMA[schema];

export const PARTY_KINDS: readonly NodeKind[] = ['person', 'organization', 'company'];

/**
 * Beyond this many parties around one thing (a seizure, an address, a company), pairwise ties
 * say nothing: a port's seizure log or an office tower would tie hundreds of strangers.
 */
export const MAX_PARTIES_PER_TIE = 30;
