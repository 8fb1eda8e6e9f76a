import { scopeOf } from '../../domain/cooperation/commitment.js';
import type { Trend } from '../../domain/cooperation/indicators.js';
import { isClosed, isOverdue } from '../../domain/cooperation/status.js';
import { topicOf } from '../../domain/cooperation/topics.js';
import type { LinkRow } from '../../storage/links.js';
import type { RecordRow, RecordVersionRow } from '../../storage/records.js';
import { presentProvenance, presentSharing, type SharingView } from '../records/present.js';

const first = (r: { properties: Record<string, string[]> }, name: string): string | null =>
  r.properties[name]?.[0] ?? null;
const all = (r: { properties: Record<string, string[]> }, name: string): string[] =>
  r.properties[name] ?? [];

/** Who contributed the record, under which rules, and when (as every record view gives it). */
const provenance = (r: RecordRow) => ({
  version: r.version,
  ...presentProvenance(r),
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

export interface MeetingSummary extends ReturnType<typeof provenance> {
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

export const presentMeetingSummary = (r: RecordRow): MeetingSummary => ({
  id: r.id,
  caption: r.caption,
  name: first(r, 'name'),
  date: first(r, 'date'),
  endDate: first(r, 'endDate'),
  place: first(r, 'place'),
  countries: all(r, 'country'),
  format: first(r, 'format'),
  // Topics written before the codes ("firearms trafficking") are shown by their code.
  topics: [...new Set(all(r, 'topics').map((t) => topicOf(t) ?? t))],
  ...provenance(r),
});

export interface ParticipantView extends SharingView {
  linkId: string;
  personId: string;
  name: string;
  /** Their title at the time of the meeting (the link's role). */
  title: string | null;
  /** Their agency at the time (the link's description). */
  agency: string | null;
  /** The delegation: the registered agency's country, else the person's nationality. */
  country: string | null;
}

export function presentParticipant(
  link: LinkRow,
  person: RecordRow,
  agencyCountry: (agency: string) => string | undefined,
): ParticipantView {
  const agency = link.properties.description?.[0] ?? null;
  const country =
    (agency ? agencyCountry(agency) : undefined) ??
    first(person, 'nationality') ??
    first(person, 'citizenship') ??
    first(person, 'country');
  return {
    linkId: link.id,
    personId: person.id,
    name: person.caption,
    title: link.properties.role?.[0] ?? null,
    agency,
    country,
    ...presentSharing(link),
  };
}

export interface MeetingDocumentView extends SharingView {
  linkId: string;
  documentId: string;
  title: string;
  /** readout, joint_statement, press_article or other (the link's role). */
  kind: string;
  language: string | null;
  date: string | null;
  url: string | null;
}

export const presentMeetingDocument = (link: LinkRow, doc: RecordRow): MeetingDocumentView => ({
  linkId: link.id,
  documentId: doc.id,
  title: doc.caption,
  kind: link.properties.role?.[0] ?? 'other',
  language: first(doc, 'language'),
  date: first(doc, 'date'),
  url: first(doc, 'sourceUrl'),
  ...presentSharing(doc),
});

export interface MeetingRef {
  id: string;
  caption: string;
  date: string | null;
}

export interface OwnerView {
  linkId: string;
  recordId: string;
  schema: string;
  name: string;
  role: string | null;
}

export const presentOwner = (link: LinkRow, owner: RecordRow): OwnerView => ({
  linkId: link.id,
  recordId: owner.id,
  schema: owner.schema,
  name: owner.caption,
  role: link.properties.role?.[0] ?? null,
});

export interface CommitmentSummary extends ReturnType<typeof provenance> {
  id: string;
  caption: string;
  name: string | null;
  text: string | null;
  topic: string | null;
  status: string;
  /** Derived from the due date and today; never stored. */
  overdue: boolean;
  closed: boolean;
  leadCountry: string | null;
  leadAgency: string | null;
  partnerCountries: string[];
  scope: 'national' | 'bilateral' | 'trilateral';
  dueDate: string | null;
  meeting: MeetingRef | null;
  owners: OwnerView[];
  indicator: { name: string; target: number } | null;
}

export interface CommitmentExtras {
  meeting: MeetingRef | null;
  owners: OwnerView[];
  indicator: { name: string; target: number } | null;
}

export function presentCommitmentSummary(
  r: RecordRow,
  extras: CommitmentExtras,
  today: string,
): CommitmentSummary {
  const status = first(r, 'status') ?? 'planned';
  const dueDate = first(r, 'dueDate');
  const partners = all(r, 'partnerCountries');
  const topic = first(r, 'topic');
  return {
    id: r.id,
    caption: r.caption,
    name: first(r, 'name'),
    text: first(r, 'text'),
    topic: topic && (topicOf(topic) ?? topic),
    status,
    overdue: isOverdue(status, dueDate, today),
    closed: isClosed(status),
    leadCountry: first(r, 'leadCountry'),
    leadAgency: first(r, 'leadAgency'),
    partnerCountries: partners,
    scope: scopeOf(partners),
    dueDate,
    ...extras,
    ...provenance(r),
  };
}

export interface EvidenceView {
  recordId: string;
  schema: string;
  caption: string;
}

/** One step of a commitment's history: a version of its record, as the viewer may see it. */
export interface HistoryEntry extends SharingView {
  version: number;
  change: string;
  status: string | null;
  /** The progress note this version brought (null when it did not change the note). */
  note: string | null;
  evidence: EvidenceView[];
  agency: string;
  changedBy: string;
  changedAt: string;
}

/** The versions (oldest first) as history: each with its status, new note and evidence. */
export function presentHistory(
  versions: readonly RecordVersionRow[],
  evidence: ReadonlyMap<number, EvidenceView[]>,
): HistoryEntry[] {
  let previousNote: string | null = null;
  return versions.map((v) => {
    const note = v.properties.notes?.join('\n') ?? null;
    const fresh = note !== previousNote ? note : null;
    previousNote = note;
    return {
      version: v.version,
      change: v.change,
      status: first(v, 'status'),
      note: fresh,
      evidence: evidence.get(v.version) ?? [],
      agency: v.agency,
      changedBy: v.changed_by,
      changedAt: v.changed_at.toISOString(),
      ...presentSharing(v),
    };
  });
}

export interface CommitmentView extends CommitmentSummary {
  history: HistoryEntry[];
  /** The bound indicator's values by month, compared with its target. */
  trend: Trend | null;
}

export interface MeetingView extends MeetingSummary {
  participants: ParticipantView[];
  /** Participants grouped by country, in the order of the meeting's parties. */
  delegations: { country: string | null; participants: ParticipantView[] }[];
  commitments: CommitmentSummary[];
  documents: MeetingDocumentView[];
}

export function delegationsOf(
  parties: readonly string[],
  participants: readonly ParticipantView[],
) {
  const order = [...parties];
  for (const p of participants) if (p.country && !order.includes(p.country)) order.push(p.country);
  const groups = order.map((country) => ({
    country: country as string | null,
    participants: participants.filter((p) => p.country === country),
  }));
  const unknown = participants.filter((p) => !p.country);
  if (unknown.length) groups.push({ country: null, participants: unknown });
  return groups.filter((g) => g.participants.length > 0);
}
