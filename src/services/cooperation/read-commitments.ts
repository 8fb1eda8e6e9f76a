import { AppError, notFound } from '../../domain/errors.js';
import type { CommitmentFilters } from '../../domain/cooperation/filters.js';
import { isUuid } from '../../domain/ids.js';
import { indicatorDef } from '../../domain/cooperation/indicators.js';
import type { Problem } from '../../domain/cooperation/input.js';
import { dayOf, statusOf, STATUSES } from '../../domain/cooperation/status.js';
import { topicOf, topicSpellings, TOPICS } from '../../domain/cooperation/topics.js';
import { normaliseCountry } from '../../domain/model/values/country.js';
import { normaliseDate } from '../../domain/model/values/date.js';
import {
  findIndicatorBindings,
  linksOfType,
  listCommitmentRows,
  listEvidence,
  type CommitmentQuery,
} from '../../storage/cooperation.js';
import {
  findRecord,
  findRecords,
  listRecordVersions,
  type RecordRow,
} from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../paging.js';
import { defaultWindow, monthsOf, trendFor, type WindowInput } from './measure.js';
import {
  presentCommitmentSummary,
  presentHistory,
  presentOwner,
  type CommitmentExtras,
  type CommitmentSummary,
  type CommitmentView,
  type EvidenceView,
} from './present.js';

export interface CommitmentFilterInput extends CommitmentFilters {
  /** Only those agreed at this meeting. */
  meetingId?: string;
}

/** Checks list filters and turns them into the query; every problem is reported at once. */
export function toCommitmentQuery(
  input: CommitmentFilterInput,
  today: string,
): Omit<CommitmentQuery, 'limit' | 'after'> {
  const errors: Problem[] = [];
  const statuses = (input.status ?? []).flatMap((raw) => {
    const s = statusOf(raw);
    if (!s)
      errors.push({
        code: 'invalid_choice',
        field: 'status',
        value: raw,
        expected: STATUSES.join(', '),
        params: { values: STATUSES.join(', ') },
      });
    return s ? [s] : [];
  });
  const leadCountries = (input.leadCountry ?? []).flatMap((raw) => {
    const c = normaliseCountry(raw);
    if (!c.ok)
      errors.push({
        code: 'invalid_country',
        field: 'leadCountry',
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
  const day = (field: 'dueBefore' | 'dueAfter') => {
    const raw = input[field];
    if (raw === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !normaliseDate(raw).ok) {
      errors.push({ code: 'invalid_date', field, value: raw, expected: 'a day as YYYY-MM-DD' });
      return undefined;
    }
    return raw;
  };
  const dueBefore = day('dueBefore');
  const dueAfter = day('dueAfter');
  if (input.meetingId !== undefined && !isUuid(input.meetingId)) {
    errors.push({
      code: 'invalid_id',
      field: 'meetingId',
      value: input.meetingId,
      expected: 'a record id (UUID)',
    });
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return {
    statuses,
    leadCountries,
    leadAgencies: (input.leadAgency ?? []).map((a) => a.trim()).filter(Boolean),
    topicSpellings: spellings,
    dueBefore,
    dueAfter,
    atRisk: input.atRisk === true,
    overdueOn: input.overdue ? today : undefined,
    meetingId: input.meetingId?.toLowerCase(),
  };
}

/** The meeting, owners and indicator of each commitment, as far as the viewer sees them. */
export async function commitmentExtras(
  tx: Tx,
  rows: readonly RecordRow[],
): Promise<Map<string, CommitmentExtras>> {
  const ids = rows.map((r) => r.id);
  const agreed = await linksOfType(tx, 'agreed_at', 'from', ids);
  const owned = await linksOfType(tx, 'responsible_for', 'into', ids);
  const ends = new Map(
    (
      await findRecords(tx, [
        ...new Set([...agreed.map((l) => l.target_id), ...owned.map((l) => l.source_id)]),
      ])
    ).map((r) => [r.id, r]),
  );
  const bindings = new Map((await findIndicatorBindings(tx, ids)).map((b) => [b.commitment_id, b]));
  return new Map(
    rows.map((r) => {
      const meetingLink = agreed.find(
        (l) => l.source_id === r.id && !ends.get(l.target_id)?.retracted,
      );
      const meeting = meetingLink ? ends.get(meetingLink.target_id) : undefined;
      const binding = bindings.get(r.id);
      return [
        r.id,
        {
          meeting: meeting
            ? {
                id: meeting.id,
                caption: meeting.caption,
                date: meeting.properties.date?.[0] ?? null,
              }
            : null,
          owners: owned
            .filter((l) => l.target_id === r.id && ends.has(l.source_id))
            .map((l) => presentOwner(l, ends.get(l.source_id)!)),
          indicator: binding ? { name: binding.indicator, target: binding.target } : null,
        },
      ];
    }),
  );
}

export async function summariesOf(
  tx: Tx,
  rows: readonly RecordRow[],
  today: string,
): Promise<CommitmentSummary[]> {
  const extras = await commitmentExtras(tx, rows);
  return rows.map((r) => presentCommitmentSummary(r, extras.get(r.id)!, today));
}

/** One commitment with its history and its indicator's trend; invisible is unknown. */
export async function readCommitment(
  tx: Tx,
  id: string,
  now: Date,
  window: WindowInput = {},
): Promise<CommitmentView> {
  const row = await findRecord(tx, id);
  if (!row || row.schema !== 'Commitment') throw notFound('commitment', id);
  const [summary] = await summariesOf(tx, [row], dayOf(now));
  const evidence = new Map<number, EvidenceView[]>();
  for (const e of await listEvidence(tx, id)) {
    const list = evidence.get(e.version) ?? [];
    list.push({ recordId: e.record_id, schema: e.schema, caption: e.caption });
    evidence.set(e.version, list);
  }
  const history = presentHistory(await listRecordVersions(tx, id), evidence);
  const binding = summary!.indicator;
  const def = binding ? indicatorDef(binding.name) : undefined;
  const since = summary!.meeting?.date ?? row.created_at.toISOString();
  const trend = def
    ? await trendFor(tx, def, monthsOf(window, defaultWindow(since, now)), binding!.target, now)
    : null;
  return { ...summary!, history, trend };
}

export interface GetCommitmentOptions extends WindowInput {
  now?: Date;
}

export async function getCommitment(
  call: Call,
  id: string,
  opts: GetCommitmentOptions = {},
): Promise<CommitmentView> {
  const { now = new Date(), ...window } = opts;
  return audited(
    call,
    'commitment.get',
    { id, ...window },
    async (tx) => {
      const view = await readCommitment(tx, id, now, window);
      return { result: view, ids: [id] };
    },
    { readOnly: true },
  );
}

export interface ListCommitmentsInput extends CommitmentFilterInput {
  cursor?: string;
  limit?: number;
}

/** The commitments the viewer may see, soonest due first, one page at a time. */
export async function listCommitments(
  call: Call,
  input: ListCommitmentsInput = {},
  now = new Date(),
): Promise<Page<CommitmentSummary>> {
  return audited(
    call,
    'commitment.list',
    { ...input, cursor: undefined },
    async (tx) => {
      const limit = pageLimit(input.limit);
      const query = toCommitmentQuery(input, dayOf(now));
      const rows = await listCommitmentRows(tx, {
        ...query,
        after: decodeCursor(input.cursor),
        limit: limit + 1,
      });
      const page = toPage(rows, limit, (r) => r);
      const items = await summariesOf(tx, page.items, dayOf(now));
      return { result: { items, nextCursor: page.nextCursor }, ids: items.map((c) => c.id) };
    },
    { readOnly: true },
  );
}
