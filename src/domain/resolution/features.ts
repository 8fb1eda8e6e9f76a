import type { EntityKind } from './profile.js';

/**
 * The features two records are compared on, and the levels of agreement each can show, best
 * first. A feature that cannot be compared (a side lacks it) has no level and adds no evidence.
 */
export const FEATURE_LEVELS = {
  person: {
    given: ['exact', 'partial', 'alias', 'initial', 'fuzzy', 'different'],
    surname: ['both', 'primary', 'shared', 'fuzzy', 'different'],
    birthDate: ['exact', 'swapped', 'year', 'near', 'conflict'],
    curp: ['same', 'different'],
    document: ['same'],
    phone: ['same'],
    email: ['same'],
    gender: ['same', 'different'],
    nationality: ['same', 'different'],
    alias: ['shared'],
    acronym: ['same', 'different'],
  },
  organization: {
    name: ['exact', 'tokens', 'fuzzy', 'different'],
    registration: ['same', 'different'],
    jurisdiction: ['same', 'different'],
    phone: ['same'],
    email: ['same'],
  },
} as const satisfies Record<EntityKind, Record<string, readonly string[]>>;

export type PersonFeature = keyof (typeof FEATURE_LEVELS)['person'];
export type OrganizationFeature = keyof (typeof FEATURE_LEVELS)['organization'];

export const FEATURES: Readonly<Record<EntityKind, readonly string[]>> = {
  person: Object.keys(FEATURE_LEVELS.person),
  organization: Object.keys(FEATURE_LEVELS.organization),
};

export const levelsOf = (kind: EntityKind, feature: string): readonly string[] =>
  (FEATURE_LEVELS[kind] as Record<string, readonly string[]>)[feature] ?? [];

/** No level: the feature could not be compared. */
export const MISSING = -1;

/**
 * One compared pair: the level of each feature (in FEATURES order, MISSING when absent), the
 * values whose frequency adjusts a name match, and a hard reason the two cannot be the same.
 */
export interface Comparison {
  levels: Int8Array;
  /** Frequency keys of the matched name values ("s:garcia", "g:jose"), for the TF adjustment. */
  frequencyKeys: string[];
  /** Why these two can never be one entity, whatever the score: different valid CURPs, or
   * conflicting birth dates with nothing but the name in common. */
  conflict: 'curp' | 'birthDate' | null;
}
