import {
  readReadout,
  type ReadoutReading,
  type ProposedParticipant,
} from '../../domain/cooperation/readout/propose.js';
import { listAgencies } from '../../storage/identity.js';
import type { Tx } from '../../storage/session.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { entitiesNamed } from '../resolution/search-entities.js';
import { documentText, type ReadoutSource } from './document-text.js';

export interface PersonMatch {
  personId: string;
  name: string;
  /** How strongly the names agree, 0–1. */
  score: number;
  /** The features that agreed ("given: alias", "surname: both"). */
  reasons: string[];
}

export interface ProposalParticipant extends ProposedParticipant {
  /** The known person this participant is taken to be; null: a new Person record. */
  match: PersonMatch | null;
  candidates: Omit<PersonMatch, 'reasons'>[];
}

export interface ReadoutProposal extends Omit<ReadoutReading, 'participants'> {
  participants: ProposalParticipant[];
}

/** A name agreeing this strongly is taken as the same person until the reviewer says otherwise. */
export const MATCH_SCORE = 0.9;
const CANDIDATES = 5;

/**
 * The known people a participant may be, with the entity resolver's name comparison (titles,
 * nicknames, acronyms, missing accents), among the persons the viewer may see.
 */
async function matchParticipant(tx: Tx, p: ProposedParticipant): Promise<ProposalParticipant> {
  const hits = await entitiesNamed(tx, p.name, 'person', CANDIDATES);
  const best = hits[0];
  return {
    ...p,
    match:
      best && best.score >= MATCH_SCORE
        ? { personId: best.id, name: best.caption, score: best.score, reasons: best.reasons }
        : null,
    candidates: hits.map((h) => ({ personId: h.id, name: h.caption, score: h.score })),
  };
}

/**
 * What a readout proposes: the meeting, its participants matched against the persons the
 * viewer may see, the organizations, places and dates, and the candidate commitments. Nothing
 * is saved; the reading is audited like a search.
 */
export async function proposeReadout(call: Call, source: ReadoutSource): Promise<ReadoutProposal> {
  const { text, format } = await documentText(source);
  return audited(
    call,
    'readout.propose',
    { format, filename: source.filename ?? null, characters: text.length },
    async (tx) => {
      const agencies = await listAgencies(tx);
      const reading = readReadout(text, agencies);
      const participants: ProposalParticipant[] = [];
      for (const p of reading.participants) participants.push(await matchParticipant(tx, p));
      const ids = participants.flatMap((p) => p.candidates.map((c) => c.personId));
      return { result: { ...reading, participants }, ids: [...new Set(ids)] };
    },
    { readOnly: true },
  );
}
