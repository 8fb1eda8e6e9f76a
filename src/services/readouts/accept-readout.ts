import { isObject, type Problem } from '../../domain/cooperation/input.js';
import { AppError } from '../../domain/errors.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import type { Tx } from '../../storage/session.js';
import { afterRecordChange } from '../after-change.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { writeCommitment } from '../cooperation/create-commitment.js';
import { writeMeeting } from '../cooperation/create-meeting.js';
import { documentText, type ReadoutSource } from './document-text.js';

export interface AcceptReadoutInput extends ReadoutSource, SharingInput {
  /** The proposal as the reviewer left it: corrected, with what they did not keep left out. */
  proposal: unknown;
}

export interface AcceptedReadout {
  meeting: { id: string };
  document: { id: string };
  participants: { id: string; name: string; created: boolean }[];
  commitments: { id: string }[];
}

const MAX_COMMITMENTS = 100;

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asObject = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});
const asText = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

/** Names a refusal's fields as the proposal has them: `meeting.date`, `commitments[2].dueDate`. */
function within(prefix: string, err: unknown, rename: (field: string) => string = (f) => f): never {
  if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
  throw new AppError(
    err.code,
    err.params,
    err.details.map((d: Problem) => ({ ...d, field: `${prefix}${rename(d.field ?? '')}` })),
  );
}

/** Meeting fields stay under `meeting.`; participants and the document keep their own names. */
const meetingField = (field: string) =>
  field.startsWith('participants')
    ? field
    : field.startsWith('documents')
      ? 'content'
      : `meeting.${field}`;

function participantInput(raw: unknown) {
  const p = asObject(raw);
  const match = asObject(p.match);
  const title = asText(p.title);
  const agency = asText(p.agency) ?? asText(p.agencyName);
  const personId = asText(match.personId);
  return personId
    ? { personId, title, agency }
    : { name: typeof p.name === 'string' ? p.name : undefined, title, agency };
}

async function writeReadout(
  tx: Tx,
  call: Call,
  input: AcceptReadoutInput,
  text: string,
): Promise<{ result: AcceptedReadout; ids: string[]; created: { id: string; schema: string }[] }> {
  const viewer = call.viewer!;
  if (!isObject(input.proposal))
    throw new AppError('validation_failed', {}, [
      { code: 'required', field: 'proposal', expected: 'the proposal, as reviewed' },
    ]);
  const proposal = input.proposal;
  const meeting = asObject(proposal.meeting);
  const participants = asList(proposal.participants).map(participantInput);
  const sharing: SharingInput = {
    marking: input.marking,
    relCountries: input.relCountries,
    relAgencies: input.relAgencies,
    recipientAgencies: input.recipientAgencies,
    recipientUsers: input.recipientUsers,
  };
  const language = asText(proposal.language);
  const written = await writeMeeting(tx, viewer, {
    ...sharing,
    name: meeting.name ?? undefined,
    date: meeting.date,
    endDate: meeting.endDate ?? undefined,
    place: meeting.place ?? undefined,
    countries: meeting.countries,
    format: meeting.format ?? undefined,
    topics: meeting.topics,
    participants,
    documents: [
      {
        kind: asText(proposal.kind) ?? 'readout',
        title: asText(proposal.title) ?? asText(meeting.name) ?? input.filename ?? 'Readout',
        language,
        date: meeting.date ?? undefined,
        text,
      },
    ],
  }).catch((err: unknown) => within('', err, meetingField));

  const commitments = asList(proposal.commitments);
  if (commitments.length > MAX_COMMITMENTS)
    throw new AppError('validation_failed', {}, [
      <Problem>{
        code: 'too_many',
        field: 'commitments',
        expected: `at most ${MAX_COMMITMENTS} commitments`,
        params: { max: String(MAX_COMMITMENTS) },
      },
    ]);
  // Every commitment is checked before the refusal, so the reviewer sees all that is missing.
  const problems: Problem[] = [];
  const saved: { id: string }[] = [];
  const ids = [...written.ids];
  for (const [i, raw] of commitments.entries()) {
    // A field the reviewer left empty (null in the proposal) is a missing one.
    const c = Object.fromEntries(
      Object.entries(asObject(raw)).map(([k, v]) => [k, v ?? undefined]),
    );
    try {
      const w = await writeCommitment(tx, viewer, {
        ...sharing,
        text: c.text,
        topic: c.topic,
        leadCountry: c.leadCountry,
        leadAgency: c.leadAgency,
        partnerCountries: c.partnerCountries,
        dueDate: c.dueDate,
        status: c.status ?? 'planned',
        meetingId: written.id,
      });
      saved.push({ id: w.id });
      ids.push(...w.ids);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
      problems.push(
        ...err.details.map((d) => ({ ...d, field: `commitments[${i}].${d.field ?? ''}` })),
      );
    }
  }
  if (problems.length) throw new AppError('validation_failed', {}, problems);

  const newPeople = written.records.filter((r) => r.schema === 'Person');
  const names = asList(proposal.participants).map((p) => asText(asObject(p).name) ?? '');
  let next = 0;
  const people = participants.map((p, i) =>
    'personId' in p && p.personId
      ? { id: p.personId, name: names[i]!, created: false }
      : { id: newPeople[next++]!.id, name: names[i]!, created: true },
  );
  const document = written.records.find((r) => r.schema === 'Document')!;
  return {
    result: {
      meeting: { id: written.id },
      document: { id: document.id },
      participants: people,
      commitments: saved,
    },
    ids,
    created: [...written.records, ...saved.map((s) => ({ id: s.id, schema: 'Commitment' }))],
  };
}

/**
 * Saves a reviewed readout in one transaction: the meeting with its participants (the known
 * persons the reviewer kept, new Person records for the others), the readout itself as the
 * meeting's document with its text, and the commitments kept, each agreed at the meeting and
 * planned. Everything is written under the sharing rules given, or nothing is.
 */
export async function acceptReadout(
  call: Call,
  input: AcceptReadoutInput,
): Promise<AcceptedReadout> {
  const { text } = await documentText(input);
  let created: { id: string; schema: string }[] = [];
  const result = await audited(
    call,
    'readout.accept',
    { format: input.format ?? null, filename: input.filename ?? null },
    async (tx) => {
      const out = await writeReadout(tx, call, input, text);
      created = out.created;
      return { result: out.result, ids: out.ids };
    },
    { permission: 'records:write' },
  );
  for (const r of created) await afterRecordChange(call.db, r);
  return result;
}
