// The shapes of the cooperation answers (src/http/schemas/cooperation.ts is the reference) and
// of the readout review (the contract of POST /api/v1/readouts/propose and /readouts).
import { COMMITMENT_STATUSES, MEETING_FORMATS } from '../../../src/domain/model/schema-defs.js';
import type { Provenance, Sharing } from '../api/types';

export { COMMITMENT_STATUSES as STATUSES, MEETING_FORMATS };
export type Status = (typeof COMMITMENT_STATUSES)[number];

/** The topic codes (src/domain/cooperation/topics.ts). */
export const TOPICS = [
  'fentanyl_precursors',
  'firearms',
  'migration_smuggling',
  'money_laundering',
  'information_sharing',
] as const;

export const PARTY_COUNTRIES = ['US', 'MX', 'CA'] as const;

export const INDICATORS = [
  'fentanyl_poe_kg',
  'traces_answered_30d',
  'precursor_pacific_seizures',
] as const;

export const DOCUMENT_KINDS = ['readout', 'joint_statement', 'press_article', 'other'] as const;

interface Versioned extends Provenance {
  version: number;
  createdBy: string;
  createdAt: string;
}

export interface MeetingSummary extends Versioned {
  id: string;
  caption: string;
  name: string | null;
  date: string | null;
  endDate: string | null;
  place: string | null;
  countries: string[];
  format: string | null;
  topics: string[];
}

export interface Participant extends Sharing {
  linkId: string;
  personId: string;
  name: string;
  title: string | null;
  agency: string | null;
  country: string | null;
}

export interface MeetingDocument extends Sharing {
  linkId: string;
  documentId: string;
  title: string;
  kind: string;
  language: string | null;
  date: string | null;
  url: string | null;
}

export interface CommitmentSummary extends Versioned {
  id: string;
  caption: string;
  name: string | null;
  text: string | null;
  topic: string | null;
  status: string;
  overdue: boolean;
  closed: boolean;
  leadCountry: string | null;
  leadAgency: string | null;
  partnerCountries: string[];
  scope: string;
  dueDate: string | null;
  meeting: { id: string; caption: string; date: string | null } | null;
  owners: { linkId: string; recordId: string; schema: string; name: string; role: string | null }[];
  indicator: { name: string; target: number } | null;
}

export interface MeetingView extends MeetingSummary {
  participants: Participant[];
  delegations: { country: string | null; participants: Participant[] }[];
  commitments: CommitmentSummary[];
  documents: MeetingDocument[];
}

export interface TrendMonth {
  month: string;
  value: number | null;
  basis: number;
  met: boolean | null;
}

export interface Trend {
  indicator: string;
  unit: string;
  direction: string;
  target: number | null;
  months: TrendMonth[];
  latest: TrendMonth | null;
}

export interface HistoryEntry extends Sharing {
  version: number;
  change: string;
  status: string | null;
  note: string | null;
  evidence: { recordId: string; schema: string; caption: string }[];
  agency: string;
  changedBy: string;
  changedAt: string;
}

export interface CommitmentView extends CommitmentSummary {
  history: HistoryEntry[];
  trend: Trend | null;
}

export interface IndicatorInfo {
  name: string;
  unit: string;
  direction: string;
  source: string;
}

export interface CommitmentInput {
  meetingId: string;
  text: string;
  topic: string;
  leadCountry: string;
  leadAgency: string;
  partnerCountries: string[];
  dueDate: string;
  indicator?: { name: string; target: number };
  marking: string;
  relCountries?: string[];
  recipientAgencies?: string[];
}

export interface ProgressInput {
  status?: string;
  note: string;
  evidence?: string[];
  expectedVersion?: number;
}

// Readout ingestion (the lead's contract).

export type ReadoutFormat = 'text' | 'html' | 'pdf';

export interface ProposedParticipant {
  name: string;
  title: string | null;
  agency: string | null;
  agencyName: string | null;
  country: string | null;
  match: { personId: string; name: string; score: number; reasons: string[] } | null;
  candidates: { personId: string; name: string; score: number }[];
}

export interface ProposedCommitment {
  text: string;
  sentence: string;
  /** The words that made it a commitment ("agreed to"). */
  cue?: string;
  topic: string | null;
  leadCountry: string | null;
  leadAgency: string | null;
  partnerCountries: string[];
  dueDate: string | null;
}

export interface Proposal {
  language: 'en' | 'es' | 'fr';
  kind: 'readout' | 'joint_statement' | 'press_article' | 'other';
  title: string;
  meeting: {
    name: string | null;
    date: string | null;
    endDate: string | null;
    place: string | null;
    countries: string[];
    format: 'bilateral' | 'trilateral' | null;
    topics: string[];
  };
  participants: ProposedParticipant[];
  organizations: { name: string; agency: string | null; country: string | null }[];
  places: string[];
  dates: string[];
  commitments: ProposedCommitment[];
}

export interface ReadoutSource {
  format: ReadoutFormat;
  content: string;
  filename?: string;
}

export interface ReadoutAccepted {
  meeting: { id: string };
  document: { id: string };
  participants: { id: string; name: string; created: boolean }[];
  commitments: { id: string }[];
}
