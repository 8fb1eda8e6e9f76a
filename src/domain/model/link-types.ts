import type { PropertyDef } from './types.js';

/** Any concrete schema. */
export const ANY_SCHEMA = '*';

export interface LinkTypeDef {
  name: string;
  /** Reads source -> target ("member of"). */
  label: string;
  /** Reads target -> source ("has member"), for the other end's view. */
  reverseLabel: string;
  /** Exact schema names allowed at each end, or ANY_SCHEMA. */
  source: readonly string[];
  target: readonly string[];
}

/** Every link kind carries the same optional properties. */
export const LINK_PROPERTIES: readonly PropertyDef[] = [
  { name: 'role', type: 'string' },
  { name: 'startDate', type: 'date' },
  { name: 'endDate', type: 'date' },
  { name: 'date', type: 'date' },
  { name: 'description', type: 'text' },
  { name: 'count', type: 'integer' },
];

const PARTIES = ['Person', 'Organization', 'Company'];

// Ends are listed by exact schema, not by ancestor, so giving a new schema a
// link kind is a deliberate edit here rather than a side effect of `extends`.
export const LINK_TYPE_DEFS: readonly LinkTypeDef[] = [
  {
    name: 'member_of',
    label: 'member of',
    reverseLabel: 'has member',
    source: ['Person'],
    target: ['Organization', 'Company'],
  },
  {
    name: 'associate_of',
    label: 'associate of',
    reverseLabel: 'associate of',
    source: ['Person'],
    target: ['Person'],
  },
  {
    name: 'owns',
    label: 'owns',
    reverseLabel: 'owned by',
    source: PARTIES,
    target: ['Company', 'Vehicle', 'Phone', 'Firearm', 'Address'],
  },
  {
    name: 'employs',
    label: 'employs',
    reverseLabel: 'employed by',
    source: ['Organization', 'Company'],
    target: ['Person'],
  },
  {
    name: 'purchased',
    label: 'purchased',
    reverseLabel: 'purchased by',
    source: PARTIES,
    target: ['Firearm'],
  },
  {
    name: 'sold_in',
    label: 'sold in',
    reverseLabel: 'sale of',
    source: ['Firearm'],
    target: ['Sale'],
  },
  {
    name: 'recovered_in',
    label: 'recovered in',
    reverseLabel: 'recovery of',
    source: ['Firearm'],
    target: ['Recovery'],
  },
  {
    name: 'seized_in',
    label: 'seized in',
    reverseLabel: 'seizure of',
    source: ['Firearm', 'Vehicle', 'Person', 'Phone', 'Document', 'Organization', 'Company'],
    target: ['Seizure'],
  },
  {
    name: 'involved_in',
    label: 'involved in',
    reverseLabel: 'involves',
    source: [...PARTIES, 'Vehicle', 'Phone'],
    target: ['Smuggling', 'Seizure', 'Recovery', 'Call'],
  },
  {
    name: 'uses_phone',
    label: 'uses phone',
    reverseLabel: 'phone used by',
    source: PARTIES,
    target: ['Phone'],
  },
  {
    name: 'located_at',
    label: 'located at',
    reverseLabel: 'location of',
    source: [ANY_SCHEMA],
    target: ['Address'],
  },
  {
    name: 'attended',
    label: 'attended',
    reverseLabel: 'attended by',
    source: ['Person', 'Organization'],
    target: ['Meeting'],
  },
  {
    name: 'agreed_at',
    label: 'agreed at',
    reverseLabel: 'agreed',
    source: ['Commitment'],
    target: ['Meeting'],
  },
  {
    name: 'responsible_for',
    label: 'responsible for',
    reverseLabel: 'responsibility of',
    source: ['Person', 'Organization'],
    target: ['Commitment'],
  },
  {
    name: 'mentions',
    label: 'mentions',
    reverseLabel: 'mentioned in',
    source: ['Document'],
    target: [ANY_SCHEMA],
  },
];
