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
}
