import { MEETING_FORMATS } from '../model/schema-defs.js';
import {
  countries,
  day,
  isObject,
  list,
  recordId,
  requiredText,
  text,
  type Problem,
} from './input.js';
import { topicOf, TOPICS, type Topic } from './topics.js';

export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/** A bilateral meeting has two parties, a trilateral one three. */
export const PARTIES: Readonly<Record<MeetingFormat, number>> = { bilateral: 2, trilateral: 3 };

/** What a document is to the meeting; kept as the role of its `mentions` link. */
export const DOCUMENT_KINDS = ['readout', 'joint_statement', 'press_article', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The languages meeting documents are kept in. */
export const DOCUMENT_LANGUAGES = ['en', 'es', 'fr'] as const;

export const MAX_PARTICIPANTS = 200;
export const MAX_DOCUMENTS = 50;

/** A person who attended: an existing Person record, or a new one by name. */
export interface ParticipantInput {
  personId?: string;
  name?: string;
  /** Their title at the time ("Deputy Attorney General"). */
  title?: string;
  /** Their agency or ministry at the time: a registered agency code or a name. */
  agency?: string;
}

/** A document of the meeting: an existing Document record, or a new one. */
export type DocumentInput =
  | { documentId: string; kind: DocumentKind }
  | {
      kind: DocumentKind;
      title: string;
      language: string;
      date?: string;
      url?: string;
      text?: string;
    };

export interface MeetingInput {
  name?: unknown;
  date?: unknown;
  endDate?: unknown;
  place?: unknown;
  countries?: unknown;
  format?: unknown;
  topics?: unknown;
  participants?: unknown;
  documents?: unknown;
}

export interface ParsedMeeting {
  name?: string;
  date: string;
  endDate?: string;
  place?: string;
  countries: string[];
  format: MeetingFormat;
  topics: Topic[];
  participants: ParticipantInput[];
  documents: DocumentInput[];
}

function parseTopics(errors: Problem[], raw: unknown, field: string): Topic[] {
  const out: Topic[] = [];
  list(errors, raw, field, TOPICS.length * 2).forEach((item, i) => {
    const topic = typeof item === 'string' ? topicOf(item) : undefined;
    if (!topic) {
      errors.push({
        code: 'unknown_topic',
        field: `${field}[${i}]`,
        value: String(item).slice(0, 80),
        expected: `one of ${TOPICS.join(', ')}`,
        params: { values: TOPICS.join(', ') },
      });
    } else if (!out.includes(topic)) out.push(topic);
  });
  return out;
}

function parseFormat(
  errors: Problem[],
  raw: unknown,
  parties: string[],
): MeetingFormat | undefined {
  const given = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
  if (given !== undefined && given !== null && given !== '') {
    if (!(MEETING_FORMATS as readonly unknown[]).includes(given)) {
      errors.push({
        code: 'invalid_choice',
        field: 'format',
        value: String(raw),
        expected: MEETING_FORMATS.join(', '),
        params: { values: MEETING_FORMATS.join(', ') },
      });
      return undefined;
    }
  }
  const format = given as MeetingFormat | undefined;
  if (parties.length === 0) return format;
  if (format && PARTIES[format] !== parties.length) {
    errors.push({
      code: 'parties_mismatch',
      field: 'countries',
      value: parties.join(', '),
      expected: `${PARTIES[format]} countries for a ${format} meeting`,
      params: { count: String(PARTIES[format]), format },
    });
    return undefined;
  }
  const derived = MEETING_FORMATS.find((f) => PARTIES[f] === parties.length);
  if (!derived) {
    errors.push({
      code: 'parties_count',
      field: 'countries',
      value: parties.join(', '),
      expected: 'the 2 countries of a bilateral meeting or the 3 of a trilateral one',
    });
  }
  return format ?? derived;
}

function parseParticipants(errors: Problem[], raw: unknown): ParticipantInput[] {
  return list(errors, raw, 'participants', MAX_PARTICIPANTS).flatMap((p, i) => {
    const field = `participants[${i}]`;
    if (!isObject(p)) {
      errors.push({
        code: 'invalid_value',
        field,
        expected: 'a participant: personId or name, with title and agency',
      });
      return [];
    }
    const personId = recordId(errors, p.personId, `${field}.personId`);
    const name = text(errors, p.name, `${field}.name`, 200);
    if (!personId === !name) {
      errors.push({
        code: 'person_or_name',
        field,
        expected: 'either the id of a Person record (personId) or the name of a new person',
      });
      return [];
    }
    const title = text(errors, p.title, `${field}.title`, 200);
    const agency = text(errors, p.agency, `${field}.agency`, 200);
    return [
      {
        ...(personId ? { personId } : { name }),
        ...(title ? { title } : {}),
        ...(agency ? { agency } : {}),
      },
    ];
  });
}

function parseDocuments(errors: Problem[], raw: unknown): DocumentInput[] {
  return list(errors, raw, 'documents', MAX_DOCUMENTS).flatMap((d, i): DocumentInput[] => {
    const field = `documents[${i}]`;
    if (!isObject(d)) {
      errors.push({
        code: 'invalid_value',
        field,
        expected: 'a document: documentId, or kind, title and language',
      });
      return [];
    }
    const kindRaw = d.kind ?? 'other';
    const kind = (DOCUMENT_KINDS as readonly unknown[]).includes(kindRaw)
      ? (kindRaw as DocumentKind)
      : undefined;
    if (!kind) {
      errors.push({
        code: 'invalid_choice',
        field: `${field}.kind`,
        value: String(kindRaw),
        expected: DOCUMENT_KINDS.join(', '),
        params: { values: DOCUMENT_KINDS.join(', ') },
      });
    }
    const documentId = recordId(errors, d.documentId, `${field}.documentId`);
    if (documentId) return kind ? [{ documentId, kind }] : [];
    const title = requiredText(errors, d.title, `${field}.title`, 'the title of the document');
    const lang = typeof d.language === 'string' ? d.language.trim().toLowerCase() : d.language;
    const language = (DOCUMENT_LANGUAGES as readonly unknown[]).includes(lang)
      ? (lang as string)
      : undefined;
    if (!language) {
      errors.push({
        code: 'unsupported_language',
        field: `${field}.language`,
        value: String(d.language ?? ''),
        expected: `the document's language: ${DOCUMENT_LANGUAGES.join(', ')}`,
        params: { values: DOCUMENT_LANGUAGES.join(', ') },
      });
    }
    const date = day(errors, d.date, `${field}.date`, false);
    const url = text(errors, d.url, `${field}.url`, 2000);
    const body = text(errors, d.text, `${field}.text`, 100_000);
    if (!kind || !title || !language) return [];
    return [
      {
        kind,
        title,
        language,
        ...(date ? { date } : {}),
        ...(url ? { url } : {}),
        ...(body ? { text: body } : {}),
      },
    ];
  });
}

/**
 * Checks a meeting as the secretariat enters it: a real date (and an end date not before it),
 * the parties (2 for a bilateral meeting, 3 for a trilateral one; the format is derived from
 * them when not given), known topics, participants and documents. Returns every problem at
 * once, each naming its field.
 */
export function parseMeeting(
  input: MeetingInput,
): { ok: true; value: ParsedMeeting } | { ok: false; errors: Problem[] } {
  const errors: Problem[] = [];
  const name = text(errors, input.name, 'name', 300);
  const date = day(errors, input.date, 'date', 'the day the meeting began, YYYY-MM-DD');
  const endDate = day(errors, input.endDate, 'endDate', false);
  if (date && endDate && endDate < date) {
    errors.push({
      code: 'end_before_start',
      field: 'endDate',
      value: endDate,
      expected: `a day on or after the meeting's first day (${date})`,
      params: { date },
    });
  }
  const place = text(errors, input.place, 'place', 300);
  const parties = countries(errors, input.countries, 'countries');
  if (parties.length === 0 && !errors.some((e) => e.field?.startsWith('countries'))) {
    errors.push({
      code: 'required',
      field: 'countries',
      expected: 'the countries taking part (2 for a bilateral meeting, 3 for a trilateral one)',
    });
  }
  const format = parseFormat(errors, input.format, parties);
  const topics = parseTopics(errors, input.topics, 'topics');
  const participants = parseParticipants(errors, input.participants);
  const documents = parseDocuments(errors, input.documents);
  if (errors.length || !date || !format) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...(name ? { name } : {}),
      date,
      ...(endDate ? { endDate } : {}),
      ...(place ? { place } : {}),
      countries: parties,
      format,
      topics,
      participants,
      documents,
    },
  };
}

/** The Meeting record's properties. */
export function meetingProperties(m: ParsedMeeting): Record<string, string[]> {
  const props: Record<string, string[]> = {
    date: [m.date],
    country: m.countries,
    format: [m.format],
  };
  if (m.name) props.name = [m.name];
  if (m.endDate) props.endDate = [m.endDate];
  if (m.place) props.place = [m.place];
  if (m.topics.length) props.topics = m.topics;
  return props;
}
