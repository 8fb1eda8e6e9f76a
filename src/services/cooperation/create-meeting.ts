import { AppError } from '../../domain/errors.js';
import type { Problem } from '../../domain/cooperation/input.js';
import {
  meetingProperties,
  parseMeeting,
  type MeetingInput,
} from '../../domain/cooperation/meeting.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { fromDatabaseError } from '../../storage/errors.js';
import { listAgencies } from '../../storage/identity.js';
import { appendLinkVersions, type NewLinkVersion } from '../../storage/links.js';
import { appendRecordVersions, findRecords, type NewRecordVersion } from '../../storage/records.js';
import { afterRecordChange } from '../after-change.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import type { Tx } from '../../storage/session.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { validateLinkInput } from '../links/validate-link.js';
import { resolveSharing } from '../sharing.js';
import type { MeetingView } from './present.js';
import { readMeeting } from './read-meetings.js';
import { asFields, linkProperties, newLinkVersion, newRecordVersion } from './write.js';

export interface CreateMeetingInput extends MeetingInput, SharingInput {
  sourceRef?: string;
}

/** What writing a meeting wrote: the Meeting record's id, every record and link it added. */
export interface WrittenMeeting {
  id: string;
  records: { id: string; schema: string }[];
  ids: string[];
}

/**
 * Writes a meeting in the caller's transaction: the Meeting record, a Person record for each
 * new participant, a Document record for each new document, and the links that tie them to it
 * (attended, with the title and agency of the time; mentions, with what the document is),
 * under the sharing rules given. Throws, writing nothing the transaction keeps, when anything
 * is refused.
 */
export async function writeMeeting(
  tx: Tx,
  viewer: Viewer,
  input: CreateMeetingInput,
): Promise<WrittenMeeting> {
  const parsed = parseMeeting(input);
  if (!parsed.ok) throw new AppError('validation_failed', {}, parsed.errors);
  const m = parsed.value;
  const sharing = sharingToColumns(await resolveSharing(tx, input));

  // Existing people and documents must be records of the right kind the contributor sees.
  const referenced = new Map(
    (
      await findRecords(tx, [
        ...m.participants.flatMap((p) => (p.personId ? [p.personId] : [])),
        ...m.documents.flatMap((d) => ('documentId' in d ? [d.documentId] : [])),
      ])
    ).map((r) => [r.id, r]),
  );
  const errors: Problem[] = [];
  const check = (id: string, schema: string, field: string) => {
    const r = referenced.get(id);
    if (!r || r.schema !== schema || r.retracted)
      errors.push({
        code: r ? 'wrong_schema' : 'unknown_record',
        field,
        value: id,
        expected: `a ${schema} record you can see`,
        params: { schema },
      });
  };
  m.participants.forEach((p, i) => {
    if (p.personId) check(p.personId, 'Person', `participants[${i}].personId`);
  });
  m.documents.forEach((d, i) => {
    if ('documentId' in d) check(d.documentId, 'Document', `documents[${i}].documentId`);
  });
  if (errors.length) throw new AppError('validation_failed', {}, errors);

  const agencies = new Set((await listAgencies(tx)).map((a) => a.code));
  const agencyOf = (a: string | undefined) =>
    a && agencies.has(a.toUpperCase()) ? a.toUpperCase() : a;
  const meeting = asFields({ country: 'countries' }, () =>
    newRecordVersion(
      viewer,
      'Meeting',
      meetingProperties(m),
      sharing,
      input.sourceRef?.trim() || null,
    ),
  );
  const records: NewRecordVersion[] = [meeting];
  const links: NewLinkVersion[] = [];
  const link = (
    type: string,
    source: NewRecordVersion | string,
    schema: string,
    props: Record<string, string | undefined>,
  ) => {
    const sourceId = typeof source === 'string' ? source : source.record_id;
    const properties = validateLinkInput(type, schema, 'Meeting', linkProperties(props));
    links.push(newLinkVersion(viewer, type, sourceId, meeting.record_id, properties, sharing));
  };
  for (const [i, p] of m.participants.entries()) {
    const agency = agencyOf(p.agency);
    let person: NewRecordVersion | string | undefined = p.personId;
    if (!person) {
      const at = `participants[${i}]`;
      person = asFields({ name: `${at}.name`, position: `${at}.title` }, () =>
        newRecordVersion(
          viewer,
          'Person',
          linkProperties({ name: p.name, position: p.title }),
          sharing,
        ),
      );
      records.push(person);
    }
    link('attended', person, 'Person', { role: p.title, description: agency });
  }
  for (const [i, d] of m.documents.entries()) {
    let doc: NewRecordVersion | string;
    if ('documentId' in d) doc = d.documentId;
    else {
      const at = `documents[${i}]`;
      doc = asFields({ title: `${at}.title`, sourceUrl: `${at}.url`, bodyText: `${at}.text` }, () =>
        newRecordVersion(
          viewer,
          'Document',
          linkProperties({
            title: d.title,
            language: d.language,
            date: d.date,
            sourceUrl: d.url,
            bodyText: d.text,
          }),
          sharing,
        ),
      );
      records.push(doc);
    }
    link('mentions', doc, 'Document', { role: d.kind });
  }
  try {
    await appendRecordVersions(tx, records);
    await appendLinkVersions(tx, links);
  } catch (err) {
    throw fromDatabaseError(err, 'meeting', input.sourceRef ?? meeting.record_id);
  }
  return {
    id: meeting.record_id,
    records: records.map((r) => ({ id: r.record_id, schema: r.schema })),
    ids: [...records.map((r) => r.record_id), ...links.map((l) => l.link_id)],
  };
}

/**
 * Records a meeting (see writeMeeting) in one audited transaction: everything is written, or
 * nothing.
 */
export async function createMeeting(
  call: Call,
  input: CreateMeetingInput,
  now = new Date(),
): Promise<MeetingView> {
  let created: WrittenMeeting['records'] = [];
  const view = await audited(
    call,
    'meeting.create',
    { date: input.date, countries: input.countries },
    async (tx) => {
      const written = await writeMeeting(tx, call.viewer!, input);
      created = written.records;
      return { result: await readMeeting(tx, written.id, now), ids: written.ids };
    },
    { permission: 'records:write' },
  );
  // New participants are matched with the people already known, as any new Person is.
  for (const r of created) await afterRecordChange(call.db, r);
  return view;
}
