import { COMMITMENT_STATUSES } from '../model/schema-defs.js';
import { toDay } from '../model/values/date.js';
import { normaliseEnum } from '../model/values/enum.js';

/** Where a commitment stands, as the Commitment schema spells it ("on track", "at risk"). */
export const STATUSES = COMMITMENT_STATUSES;
export type CommitmentStatus = (typeof STATUSES)[number];

/** A done or dropped commitment is closed: it takes no further progress updates. */
export const CLOSED_STATUSES: readonly CommitmentStatus[] = ['done', 'dropped'];

export const isClosed = (status: string): boolean =>
  (CLOSED_STATUSES as readonly string[]).includes(status);

/** Reads a status however it is written: "on_track", "On track", "on-track" → "on track". */
export function statusOf(raw: string): CommitmentStatus | undefined {
  const r = normaliseEnum(raw, STATUSES);
  return r.ok ? (r.value as CommitmentStatus) : undefined;
}

/** The calendar day (UTC) of an instant: what "today" is for due dates. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * Overdue is derived, never stored: an open commitment whose due day has passed. It is not
 * overdue on its due day itself, and a closed one never is, however late it closed. A due date
 * of a month or a year counts from its first day, as the record's event date (and the list
 * filter) does.
 */
export const isOverdue = (status: string, dueDate: string | null, today: string): boolean =>
  !isClosed(status) && dueDate !== null && toDay(dueDate) < today;
