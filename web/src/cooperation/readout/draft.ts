import type { FieldProblem } from '../requests';
import type { Proposal, ProposedCommitment, ProposedParticipant } from '../types';

// The proposal as the reviewer edits it, and back: kept participants and commitments only, each
// participant's person chosen (the match, a candidate, or a new person).

export const NEW_PERSON = 'new';

export interface DraftParticipant {
  keep: boolean;
  name: string;
  title: string;
  agency: string;
  country: string;
  /** A personId (the match or a candidate), or NEW_PERSON. */
  person: string;
  original: ProposedParticipant;
}

export interface DraftCommitment {
  keep: boolean;
  text: string;
  topic: string;
  leadCountry: string;
  leadAgency: string;
  partnerCountries: string[];
  dueDate: string;
  original: ProposedCommitment;
}

export interface Draft {
  kind: Proposal['kind'];
  title: string;
  meeting: {
    name: string;
    date: string;
    endDate: string;
    place: string;
    countries: string[];
    format: string;
    topics: string[];
  };
  participants: DraftParticipant[];
  commitments: DraftCommitment[];
}

export function draftOf(p: Proposal): Draft {
  return {
    kind: p.kind,
    title: p.title,
    meeting: {
      name: p.meeting.name ?? '',
      date: p.meeting.date ?? '',
      endDate: p.meeting.endDate ?? '',
      place: p.meeting.place ?? '',
      countries: p.meeting.countries,
      format: p.meeting.format ?? '',
      topics: p.meeting.topics,
    },
    participants: p.participants.map((x) => ({
      keep: true,
      name: x.name,
      title: x.title ?? '',
      agency: x.agency ?? x.agencyName ?? '',
      country: x.country ?? '',
      person: x.match?.personId ?? NEW_PERSON,
      original: x,
    })),
    commitments: p.commitments.map((c) => ({
      keep: true,
      text: c.text,
      topic: c.topic ?? '',
      leadCountry: c.leadCountry ?? '',
      leadAgency: c.leadAgency ?? '',
      partnerCountries: c.partnerCountries,
      dueDate: c.dueDate ?? '',
      original: c,
    })),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function participantOf(d: DraftParticipant): ProposedParticipant {
  const o = d.original;
  let match: ProposedParticipant['match'] = null;
  if (d.person !== NEW_PERSON) {
    if (o.match?.personId === d.person) match = o.match;
    else {
      const c = o.candidates.find((x) => x.personId === d.person);
      if (c) match = { personId: c.personId, name: c.name, score: c.score, reasons: [] };
    }
  }
  const agency = orNull(d.agency);
  return {
    ...o,
    name: d.name.trim(),
    title: orNull(d.title),
    // A registered code stays a code; anything else the reviewer typed is the agency's name.
    agency:
      agency === o.agency ? o.agency : agency && /^[A-Z0-9]{2,10}$/.test(agency) ? agency : null,
    agencyName: agency === o.agency ? o.agencyName : agency,
    country: orNull(d.country),
    match,
  };
}

/**
 * The reviewed proposal, and where each sent participant and commitment is in the draft (the
 * server names them by their place in what was sent).
 */
export function reviewedProposal(
  base: Proposal,
  d: Draft,
): { proposal: Proposal; participantAt: number[]; commitmentAt: number[] } {
  const participantAt = d.participants.flatMap((p, i) => (p.keep ? [i] : []));
  const commitmentAt = d.commitments.flatMap((c, i) => (c.keep ? [i] : []));
  return {
    participantAt,
    commitmentAt,
    proposal: {
      ...base,
      kind: d.kind,
      title: d.title.trim(),
      meeting: {
        name: orNull(d.meeting.name),
        date: orNull(d.meeting.date),
        endDate: orNull(d.meeting.endDate),
        place: orNull(d.meeting.place),
        countries: d.meeting.countries,
        format: (orNull(d.meeting.format) as Proposal['meeting']['format']) ?? null,
        topics: d.meeting.topics,
      },
      participants: participantAt.map((i) => participantOf(d.participants[i]!)),
      commitments: commitmentAt.map((i) => {
        const c = d.commitments[i]!;
        return {
          ...c.original,
          text: c.text.trim(),
          topic: orNull(c.topic),
          leadCountry: orNull(c.leadCountry),
          leadAgency: orNull(c.leadAgency),
          partnerCountries: c.partnerCountries,
          dueDate: orNull(c.dueDate),
        };
      }),
    },
  };
}

/** A problem's field as a path into the draft: proposal.commitments[0] of what was sent → its draft place. */
export function toDraftField(
  p: FieldProblem,
  at: { participantAt: number[]; commitmentAt: number[] },
): FieldProblem {
  if (!p.field) return p;
  const field = p.field
    .replace(/^proposal\./, '')
    .replace(
      /^participants\[(\d+)\]/,
      (_, n: string) => `participants[${at.participantAt[+n] ?? n}]`,
    )
    .replace(/^commitments\[(\d+)\]/, (_, n: string) => `commitments[${at.commitmentAt[+n] ?? n}]`);
  return { ...p, field };
}

/** The id of the control of a draft path: meeting.date → <prefix>-meeting-date. */
export const controlId = (prefix: string, path: string) =>
  `${prefix}-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
