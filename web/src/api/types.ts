// The shapes of the /api/v1 answers this app reads (docs/api.md; the OpenAPI document is the
// full reference).

export type Role = 'analyst' | 'supervisor' | 'liaison' | 'admin';

export interface Me {
  userId: string;
  name: string;
  agency: string;
  country: string;
  role: Role;
}

export interface SessionInfo {
  user: Me;
  csrfToken: string;
  idleTimeoutSeconds: number;
}

export interface Sharing {
  marking: string;
  relCountries: string[];
  relAgencies: string[];
  recipientAgencies: string[];
  recipientUsers: string[];
}

export interface Provenance extends Sharing {
  agency: string;
  sourceRef: string | null;
  retracted: boolean;
  changedBy: string;
  changedAt: string;
}

export interface RecordView extends Provenance {
  id: string;
  schema: string;
  version: number;
  caption: string;
  properties: Record<string, string[]>;
  eventDate: string | null;
  countries: string[];
  createdBy: string;
  createdAt: string;
}

export interface RecordVersion extends Provenance {
  version: number;
  change: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
}

export interface LinkView extends Provenance {
  id: string;
  type: string;
  sourceId: string;
  targetId: string;
  version: number;
  properties: Record<string, string[]>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FacetResult {
  total: number;
  facets: Record<string, { value: string; count: number }[]>;
}

export interface Agency {
  code: string;
  name: string;
  country: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  userId: string | null;
  agency: string | null;
  action: string;
  outcome: string;
  recordIds: string[];
  purpose: string | null;
  resultCount: number | null;
}

/** An RFC 9457 answer, already in the language the app asked for. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  reference?: string;
  /** What was wrong with each field of a 422 (stable codes, e.g. not_member). */
  errors?: { code: string; field?: string; value?: string; expected?: string }[];
}

// Entities (docs/entity-resolution.md): the records of one person or organization, as the
// viewer sees them.

export type EntityKind = 'person' | 'organization';
export type Verdict = 'same' | 'different' | 'unsure';

export interface Judgement {
  a: string;
  b: string;
  verdict: string;
}

export interface MatchPair {
  a: string;
  b: string;
  probability: number;
  /** Evidence before the prior, in bits. */
  weight: number;
}

export interface EntityView {
  /** Its oldest record the viewer may see. */
  id: string;
  kind: EntityKind;
  caption: string;
  records: RecordView[];
  pairs: MatchPair[];
  decisions: Judgement[];
  truncated: boolean;
}

export interface EntityHit {
  id: string;
  kind: EntityKind;
  caption: string;
  /** How many records the entity has. */
  records: number;
  score: number;
  matchedRecord: string;
}

export interface ReviewSide {
  id: string;
  caption: string;
  agency: string;
  schema: string;
}

export interface ReviewPair {
  a: ReviewSide;
  b: ReviewSide;
  probability: number;
  weight: number;
}

export interface FeatureContribution {
  feature: string;
  level: string;
  m: number;
  u: number;
  /** log2(m / u), in bits. */
  weight: number;
  frequencyAdjustment: number;
  value?: string;
  frequency?: number;
}

export interface MatchExplanation {
  a: string;
  b: string;
  kind: EntityKind;
  features: FeatureContribution[];
  weight: number;
  priorWeight: number;
  probability: number;
  matchProbability: number;
  matchWeight: number;
  conflict: 'curp' | 'birthDate' | null;
  decision: string | null;
  sameEntity: boolean;
}
