import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, never>;
type ReadOnly<T> = ColumnType<T, never, never>;

export interface AgencyTable {
  code: string;
  name: string;
  country: string;
  created_at: Timestamp;
  /** 'requester' submits firearm traces; 'tracer' holds the sales and answers them. */
  trace_role: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AppUserTable {
  id: string;
  agency: string;
  name: string;
  email: string | null;
  role: string;
  created_at: Timestamp;
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  token_hash: Uint8Array;
  label: string | null;
  created_at: Timestamp;
  expires_at: ColumnType<Date | null, Date | null | undefined, never>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Columns shared by a marked head and its versions. */
interface Marked {
  agency: string;
  created_by: string;
  changed_by: string;
  source_ref: string | null;
  properties: ColumnType<Record<string, string[]>, string, never>;
  marking: string;
  rel_to: string[];
  recipients: string[];
  retracted: boolean;
  owner_key: ReadOnly<string>;
  audience: ReadOnly<string[]>;
}

export interface RecordVersionTable extends Marked {
  record_id: string;
  version: number;
  schema: string;
  changed_at: Timestamp;
  change: string;
  caption: string;
  event_date: string | null;
  countries: string[];
  terms: ColumnType<string[], string[], never>;
}

export interface RecordTable extends Marked {
  id: string;
  version: number;
  schema: string;
  created_at: Timestamp;
  changed_at: Timestamp;
  caption: string;
  event_date: string | null;
  countries: string[];
}

export interface RecordTermTable {
  term: string;
  record_id: string;
}

export interface LinkVersionTable extends Marked {
  link_id: string;
  version: number;
  link_type: string;
  source_id: string;
  target_id: string;
  changed_at: Timestamp;
  change: string;
}

export interface LinkTable extends Marked {
  id: string;
  version: number;
  link_type: string;
  source_id: string;
  target_id: string;
  created_at: Timestamp;
  changed_at: Timestamp;
}

export interface AuditEntryTable {
  seq: Generated<number>;
  at: Timestamp;
  user_id: string | null;
  agency: string | null;
  action: string;
  outcome: string;
  record_ids: string[];
  query: ColumnType<unknown, string | null, never>;
  purpose: string | null;
  result_count: number | null;
  prev_hash: Generated<Uint8Array>;
  hash: Generated<Uint8Array>;
}

export interface WebSessionTable {
  id: string;
  secret_hash: Uint8Array;
  token_id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: ColumnType<Date | null, never, Date>;
}

export interface ImportJobTable {
  id: string;
  agency: string;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  file_name: string;
  size_bytes: ColumnType<string, number, never>;
  options: ColumnType<unknown, string, never>;
  status: Generated<string>;
  started_at: ColumnType<Date | null, never, Date>;
  finished_at: ColumnType<Date | null, never, Date>;
  summary: ColumnType<unknown, string | null, string | null>;
  problem: ColumnType<unknown, string | null, string | null>;
  rejects: ColumnType<unknown[], string | undefined, string>;
}

export interface MatchModelTable {
  id: Generated<number>;
  kind: string;
  created_at: ColumnType<Date, never, never>;
  model: ColumnType<unknown, string, never>;
}

export interface MatchKeyTable {
  key: string;
  record_id: string;
}

export interface MatchEdgeTable {
  a: string;
  b: string;
  weight: number;
  probability: number;
}

export interface EntityMemberTable {
  record_id: string;
  entity_id: string;
  kind: string;
}

export interface MatchDecisionTable {
  id: string;
  a: string;
  b: string;
  verdict: string;
  note: string | null;
  agency: string;
  decided_by: string;
  decided_at: ColumnType<Date, never, never>;
}

export interface Tables {
  'puente.agency': AgencyTable;
  'puente.app_user': AppUserTable;
  'puente.api_token': ApiTokenTable;
  'puente.web_session': WebSessionTable;
  'puente.record': RecordTable;
  'puente.record_version': RecordVersionTable;
  'puente.record_term': RecordTermTable;
  'puente.link': LinkTable;
  'puente.link_version': LinkVersionTable;
  'puente.import_job': ImportJobTable;
  'puente.audit_entry': AuditEntryTable;
  'puente.match_model': MatchModelTable;
  'puente.match_key': MatchKeyTable;
  'puente.match_edge': MatchEdgeTable;
  'puente.entity_member': EntityMemberTable;
  'puente.match_decision': MatchDecisionTable;
}
