import { AppError } from '../errors.js';
import {
  country,
  countries,
  day,
  isObject,
  list,
  recordId,
  requiredText,
  text,
  type Problem,
} from './input.js';
import { indicatorDef, INDICATOR_NAMES, type IndicatorName } from './indicators.js';
import { isClosed, statusOf, STATUSES, type CommitmentStatus } from './status.js';
import { topicOf, TOPICS, type Topic } from './topics.js';

export const MAX_OWNERS = 20;
export const MAX_EVIDENCE = 50;

export interface CommitmentInput {
  name?: unknown;
  text?: unknown;
  topic?: unknown;
  leadCountry?: unknown;
  leadAgency?: unknown;
  partnerCountries?: unknown;
  meetingId?: unknown;
  dueDate?: unknown;
  status?: unknown;
  owners?: unknown;
  indicator?: unknown;
}

/** What a commitment is checked against: the meeting it was agreed at, as the viewer sees it. */
export interface MeetingFacts {
  id: string;
  date: string | null;
  countries: string[];
}

export interface OwnerInput {
  recordId: string;
  /** What the owner does for it ("lead", "reports progress"). */
  role?: string;
}

export interface IndicatorBinding {
  name: IndicatorName;
  target: number;
}

export interface ParsedCommitment {
  name: string;
  text: string;
  topic: Topic;
  leadCountry: string;
  leadAgency: string;
  partnerCountries: string[];
  meetingId: string;
  dueDate: string;
  status: CommitmentStatus;
  owners: OwnerInput[];
  indicator: IndicatorBinding | null;
}

/** Bilateral when one partner joins the lead, trilateral with two, national with none. */
export function scopeOf(partners: readonly string[]): 'national' | 'bilateral' | 'trilateral' {
  if (partners.length === 0) return 'national';
  return partners.length === 1 ? 'bilateral' : 'trilateral';
}

const NAME_LENGTH = 120;

/** A short name from the text, cut at a word: the caption lists and tables show. */
export function nameFromText(t: string): string {
  const line = t.replace(/\s+/g, ' ').trim();
  if (line.length <= NAME_LENGTH) return line;
  const cut = line.slice(0, NAME_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > NAME_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function parseStatus(errors: Problem[], raw: unknown, field: string) {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const status = typeof raw === 'string' ? statusOf(raw) : undefined;
  if (!status) {
    errors.push({
      code: 'invalid_choice',
      field,
      value: String(raw).slice(0, 80),
      expected: STATUSES.join(', '),
      params: { values: STATUSES.join(', ') },
    });
  }
  return status;
}

function parseOwners(errors: Problem[], raw: unknown): OwnerInput[] {
  return list(errors, raw, 'owners', MAX_OWNERS).flatMap((o, i) => {
    const field = `owners[${i}]`;
    const obj = typeof o === 'string' ? { recordId: o } : o;
    if (!isObject(obj)) {
      errors.push({ code: 'invalid_value', field, expected: 'an owner: recordId and role' });
      return [];
    }
    const id = recordId(errors, obj.recordId, `${field}.recordId`);
    if (!id && obj.recordId === undefined)
      errors.push({
        code: 'required',
        field: `${field}.recordId`,
        expected: 'the id of the Person or Organization record responsible',
      });
    const role = text(errors, obj.role, `${field}.role`, 200);
    return id ? [{ recordId: id, ...(role ? { role } : {}) }] : [];
  });
}

function parseIndicator(errors: Problem[], raw: unknown): IndicatorBinding | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    errors.push({
      code: 'invalid_value',
      field: 'indicator',
      expected: 'an indicator: name and target',
    });
    return null;
  }
  const name = raw.name;
  const def = typeof name === 'string' ? indicatorDef(name) : undefined;
  if (!def) {
    errors.push({
      code: 'unknown_indicator',
      field: 'indicator.name',
      value: String(name ?? ''),
      expected: `one of ${INDICATOR_NAMES.join(', ')}`,
      params: { values: INDICATOR_NAMES.join(', ') },
    });
  }
  const target =
    typeof raw.target === 'string' && raw.target.trim() !== '' ? Number(raw.target) : raw.target;
  const max = def?.unit === 'share' ? 1 : Number.MAX_SAFE_INTEGER;
  if (typeof target !== 'number' || !Number.isFinite(target) || target < 0 || target > max) {
    errors.push({
      code: 'invalid_target',
      field: 'indicator.target',
      value: String(raw.target ?? ''),
      expected:
        def?.unit === 'share'
          ? 'a share from 0 to 1 (0.9 for 90%)'
          : `a number of at least 0${def ? ` (${def.unit} per month)` : ''}`,
      params: { unit: def?.unit ?? '' },
    });
    return null;
  }
  return def ? { name: def.name, target } : null;
}

/**
 * Checks a commitment: its text and topic, a lead country and agency (a commitment without a
 * lead is refused), partners, a due day not before the meeting it was agreed at, and, when that
 * meeting names its parties, lead and partners among them. `meeting` is the meeting as the
 * viewer sees it (null: no such meeting, or not shared with them). Returns every problem at once.
 */
export function parseCommitment(
  input: CommitmentInput,
  meeting: MeetingFacts | null,
): { ok: true; value: ParsedCommitment } | { ok: false; errors: Problem[] } {
  const errors: Problem[] = [];
  const body = requiredText(errors, input.text, 'text', 'what was agreed, in words', 10_000);
  const name = text(errors, input.name, 'name', 300);
  const topicRaw = input.topic;
  const topic = typeof topicRaw === 'string' ? topicOf(topicRaw) : undefined;
  if (!topic) {
    errors.push({
      code: topicRaw === undefined || topicRaw === '' ? 'required' : 'unknown_topic',
      field: 'topic',
      ...(topicRaw !== undefined ? { value: String(topicRaw).slice(0, 80) } : {}),
      expected: `one of ${TOPICS.join(', ')}`,
      params: { values: TOPICS.join(', ') },
    });
  }
  const lead = country(errors, input.leadCountry, 'leadCountry');
  if (!lead && !errors.some((e) => e.field === 'leadCountry')) {
    errors.push({
      code: 'lead_required',
      field: 'leadCountry',
      expected: 'the country that leads the commitment (US, MX, CA…)',
    });
  }
  const leadAgency = text(errors, input.leadAgency, 'leadAgency', 200);
  if (!leadAgency && !errors.some((e) => e.field === 'leadAgency')) {
    errors.push({
      code: 'lead_required',
      field: 'leadAgency',
      expected: 'the agency that leads the commitment (e.g. ATF, FGR, CBSA)',
    });
  }
  const partners = countries(errors, input.partnerCountries, 'partnerCountries').filter(
    (c) => c !== lead,
  );
  const meetingId = recordId(errors, input.meetingId, 'meetingId');
  if (!meetingId && !errors.some((e) => e.field === 'meetingId')) {
    errors.push({
      code: 'required',
      field: 'meetingId',
      expected: 'the id of the meeting where it was agreed',
    });
  } else if (meetingId && !meeting) {
    errors.push({
      code: 'unknown_meeting',
      field: 'meetingId',
      value: meetingId,
      expected: 'a Meeting record you can see',
    });
  }
  const dueDate = day(errors, input.dueDate, 'dueDate', 'the day it is due, YYYY-MM-DD');
  if (dueDate && meeting?.date && dueDate < meeting.date.slice(0, 10)) {
    errors.push({
      code: 'due_before_meeting',
      field: 'dueDate',
      value: dueDate,
      expected: `a day on or after the meeting where it was agreed (${meeting.date.slice(0, 10)})`,
      params: { date: meeting.date.slice(0, 10) },
    });
  }
  if (meeting && meeting.countries.length >= 2) {
    for (const [field, c] of [
      ['leadCountry', lead],
      ...partners.map((p) => ['partnerCountries', p] as const),
    ] as const) {
      if (c && !meeting.countries.includes(c)) {
        errors.push({
          code: 'not_a_party',
          field,
          value: c,
          expected: `a country that took part in the meeting (${meeting.countries.join(', ')})`,
          params: { countries: meeting.countries.join(', ') },
        });
      }
    }
  }
  const status = parseStatus(errors, input.status, 'status') ?? 'planned';
  const owners = parseOwners(errors, input.owners);
  const indicator = parseIndicator(errors, input.indicator);
  if (errors.length || !body || !topic || !lead || !leadAgency || !meetingId || !dueDate) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      name: name ?? nameFromText(body),
      text: body,
      topic,
      leadCountry: lead,
      leadAgency,
      partnerCountries: partners,
      meetingId,
      dueDate,
      status,
      owners,
      indicator,
    },
  };
}

/** The Commitment record's properties. */
export function commitmentProperties(c: ParsedCommitment): Record<string, string[]> {
  return {
    name: [c.name],
    text: [c.text],
    topic: [c.topic],
    leadCountry: [c.leadCountry],
    leadAgency: [c.leadAgency],
    ...(c.partnerCountries.length ? { partnerCountries: c.partnerCountries } : {}),
    dueDate: [c.dueDate],
    status: [c.status],
  };
}

export interface ProgressInput {
  status?: unknown;
  note?: unknown;
  evidence?: unknown;
}

export interface ParsedProgress {
  status: CommitmentStatus;
  note: string;
  evidence: string[];
}

/** Why a closed commitment takes no update, as a problem with its status. */
export const closedProblem = (status: string): Problem => ({
  code: 'commitment_closed',
  field: 'status',
  value: status,
  expected:
    'an open commitment (planned, on track or at risk): a done or dropped one takes no updates',
});

/**
 * A closed commitment (done or dropped) takes no further update: refused as a conflict with
 * its state, before the update itself is looked at.
 */
export function assertOpen(status: string, id: string): void {
  if (isClosed(status))
    throw new AppError('conflict', { kind: 'commitment', id }, [closedProblem(status)]);
}

/** The status a Commitment record holds, as the schema spells it (planned when it has none). */
export const recordStatus = (properties: Record<string, string[]>): CommitmentStatus =>
  statusOf(properties.status?.[0] ?? 'planned') ?? 'planned';

/**
 * A closed Commitment record takes no change of its properties, whichever way it comes: a
 * progress update, a plain record update or an import. Other records pass.
 */
export function assertRecordOpen(
  record: { schema: string; properties: Record<string, string[]> },
  id: string,
): void {
  if (record.schema === 'Commitment') assertOpen(recordStatus(record.properties), id);
}

/** The problem a change to this record's properties has, if it is a closed commitment. */
export const closedRecordProblem = (record: {
  schema: string;
  properties: Record<string, string[]>;
}): Problem | undefined => {
  if (record.schema !== 'Commitment') return undefined;
  const status = recordStatus(record.properties);
  return isClosed(status) ? closedProblem(status) : undefined;
};

/** A progress update: a note (required), the new status (by default the current one), evidence. */
export function parseProgress(
  current: CommitmentStatus,
  input: ProgressInput,
): { ok: true; value: ParsedProgress } | { ok: false; errors: Problem[] } {
  const errors: Problem[] = [];
  const status = parseStatus(errors, input.status, 'status') ?? current;
  const note = requiredText(
    errors,
    input.note,
    'note',
    'a progress note: what was done, what is pending',
    10_000,
  );
  const evidence: string[] = [];
  list(errors, input.evidence, 'evidence', MAX_EVIDENCE).forEach((e, i) => {
    const id = recordId(errors, e, `evidence[${i}]`);
    if (id && !evidence.includes(id)) evidence.push(id);
  });
  if (errors.length || !note) return { ok: false, errors };
  return { ok: true, value: { status, note, evidence } };
}
