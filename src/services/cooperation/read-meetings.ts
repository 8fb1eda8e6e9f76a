import { AppError, notFound } from '../../domain/errors.js';
import { MEETING_FORMATS } from '../../domain/model/schema-defs.js';
import type { Problem } from '../../domain/cooperation/input.js';
import { dayOf } from '../../domain/cooperation/status.js';
import { topicOf, topicSpellings, TOPICS } from '../../domain/cooperation/topics.js';
import { normaliseCountry } from '../../domain/model/values/country.js';
import { normaliseDate } from '../../domain/model/values/date.js';
import { linksOfType, listMeetingRows } from '../../storage/cooperation.js';
import { listAgencies } from '../../storage/identity.js';
import { findRecord, findRecords, type RecordRow } from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../paging.js';
import {
  delegationsOf,
  presentMeetingDocument,
  presentMeetingSummary,
  presentParticipant,
  type MeetingSummary,
  type MeetingView,
} from './present.js';
import { summariesOf } from './read-commitments.js';

/** A meeting with its delegations, the commitments agreed at it and its documents. */
export async function readMeeting(tx: Tx, id: string, now: Date): Promise<MeetingView> {
  const row = await findRecord(tx, id);
  if (!row || row.schema !== 'Meeting') throw notFound('meeting', id);
  const [attended, agreed, mentioned] = [
    await linksOfType(tx, 'attended', 'into', [id]),
    await linksOfType(tx, 'agreed_at', 'into', [id]),
    await linksOfType(tx, 'mentions', 'into', [id]),
  ];
  const ends = new Map(
    (
      await findRecords(tx, [
        ...new Set([...attended, ...agreed, ...mentioned].map((l) => l.source_id)),
      ])
    ).map((r) => [r.id, r]),
  );
  const countryOf = new Map((await listAgencies(tx)).map((a) => [a.code, a.country]));
  const live = (ids: string[], schema?: string): RecordRow[] =>
    ids.flatMap((i) => {
      const r = ends.get(i);
      return r && !r.retracted && (!schema || r.schema === schema) ? [r] : [];
    });
  const participants = attended.flatMap((l) => {
    const person = live([l.source_id])[0];
    return person
      ? [presentParticipant(l, person, (a) => countryOf.get(a.trim().toUpperCase()))]
      : [];
  });
  const documents = mentioned.flatMap((l) => {
    const doc = live([l.source_id], 'Document')[0];
    return doc ? [presentMeetingDocument(l, doc)] : [];
  });
  const commitmentRows = live(
    agreed.map((l) => l.source_id),
    'Commitment',
  ).sort((a, b) => (a.event_date ?? '9999').localeCompare(b.event_date ?? '9999'));
  const summary = presentMeetingSummary(row);
  return {
    ...summary,
    participants,
    delegations: delegationsOf(summary.countries, participants),
    commitments: await summariesOf(tx, commitmentRows, dayOf(now)),
    documents,
  };
}

export async function getMeeting(call: Call, id: string, now = new Date()): Promise<MeetingView> {
  return audited(
    call,
    'meeting.get',
    { id },
    async (tx) => {
      const view = await readMeeting(tx, id, now);
      const ids = [
        id,
        ...view.participants.map((p) => p.personId),
        ...view.commitments.map((c) => c.id),
        ...view.documents.map((d) => d.documentId),
      ];
      return { result: view, ids };
    },
    { readOnly: true },
  );
}

export interface ListMeetingsInput {
  /** Held on or after / on or before these days. */
  from?: string;
  to?: string;
  country?: string[];
  topic?: string[];
  format?: string;
  cursor?: string;
  limit?: number;
}

/** The meetings the viewer may see, latest first. */
export async function listMeetings(
  call: Call,
  input: ListMeetingsInput = {},
): Promise<Page<MeetingSummary>> {
  return audited(
    call,
    'meeting.list',
    { ...input, cursor: undefined },
    async (tx) => {
      const errors: Problem[] = [];
      const day = (field: 'from' | 'to') => {
        const raw = input[field];
        if (raw !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !normaliseDate(raw).ok))
          errors.push({ code: 'invalid_date', field, value: raw, expected: 'a day as YYYY-MM-DD' });
        return raw;
      };
      const [from, to] = [day('from'), day('to')];
      const countries = (input.country ?? []).flatMap((raw) => {
        const c = normaliseCountry(raw);
        if (!c.ok)
          errors.push({
            code: 'invalid_country',
            field: 'country',
            value: raw,
            expected: c.expected,
          });
        return c.ok ? [c.value] : [];
      });
      const spellings = (input.topic ?? []).flatMap((raw) => {
        const t = topicOf(raw);
        if (!t)
          errors.push({
            code: 'unknown_topic',
            field: 'topic',
            value: raw,
            expected: `one of ${TOPICS.join(', ')}`,
            params: { values: TOPICS.join(', ') },
          });
        return t ? topicSpellings(t).map((s) => s.toLowerCase()) : [];
      });
      const format = input.format?.trim().toLowerCase();
      if (format && !(MEETING_FORMATS as readonly string[]).includes(format))
        errors.push({
          code: 'invalid_choice',
          field: 'format',
          value: input.format,
          expected: MEETING_FORMATS.join(', '),
          params: { values: MEETING_FORMATS.join(', ') },
        });
      if (errors.length) throw new AppError('validation_failed', {}, errors);
      const limit = pageLimit(input.limit);
      const rows = await listMeetingRows(tx, {
        from,
        to,
        countries,
        topicSpellings: spellings,
        format,
        after: decodeCursor(input.cursor),
        limit: limit + 1,
      });
      const page = toPage(rows, limit, presentMeetingSummary);
      return { result: page, ids: page.items.map((m) => m.id) };
    },
    { readOnly: true },
  );
}
