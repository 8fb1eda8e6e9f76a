import { toDay } from '../model/values/date.js';
import { stricter } from '../network/marking.js';
import { parseMarking, type Tlp } from '../policy/sharing.js';
import type { Trend } from './indicators.js';
import { statusOf, STATUSES } from './status.js';
import type { CommitmentFilters } from './filters.js';

/*
 * The progress report a secretariat prepares before the next committee meeting: what stands
 * where, what is late, what is at risk, and how the measured commitments are doing. Built from
 * commitments the viewer may see (read by the services under the sharing rules); no HTTP, no SQL.
 */

/** Sharing rules as the views give them ("TLP:AMBER", releasability, recipients). */
export interface ReportSharing {
  marking: string;
  relCountries: string[];
  relAgencies: string[];
  recipientAgencies: string[];
  recipientUsers: string[];
}

/** What the report needs of a commitment (a CommitmentSummary has it all, and more). */
export interface ReportCommitment extends ReportSharing {
  id: string;
  caption: string;
  status: string;
  overdue: boolean;
  dueDate: string | null;
  leadCountry: string | null;
  leadAgency: string | null;
  /** The current progress note and the day it was written. */
  latestNote: { text: string; at: string } | null;
  /** The bound indicator over the report's months, compared with its target. */
  trend: Trend | null;
}

/** The filters the report was asked for, as given (they are shown, not applied, here). */
export type ReportFilters = CommitmentFilters;

export interface ReportMeeting extends ReportSharing {
  id: string;
  caption: string;
  date: string | null;
}

export type ReportEntry<C extends ReportCommitment> = C & {
  /** Whole days past the due day (0 when not overdue). */
  daysOverdue: number;
};

export interface ProgressReport<C extends ReportCommitment> {
  /** When it was generated (ISO instant) and the day overdue is counted from. */
  generatedAt: string;
  today: string;
  scope: { meeting: ReportMeeting | null; filters: ReportFilters };
  /** The most restrictive marking of anything in the report: its banner. */
  marking: Tlp;
  total: number;
  /** Every status, in the schema's order, with how many commitments have it. */
  counts: { status: string; count: number }[];
  /** Open and past due, the longest overdue first. */
  overdue: ReportEntry<C>[];
  /** At risk, soonest due first. */
  atRisk: ReportEntry<C>[];
  /** The commitments by status (non-empty groups, in the schema's order), soonest due first. */
  byStatus: { status: string; entries: ReportEntry<C>[] }[];
  /** More commitments matched than a report holds: only the first were read. */
  truncated: boolean;
}

export interface ReportInput<C extends ReportCommitment> {
  commitments: readonly C[];
  now: Date;
  meeting?: ReportMeeting | null;
  filters?: ReportFilters;
  truncated?: boolean;
}

const DAY_MS = 86_400_000;

/** Whole days from one calendar day to a later one (UTC, so no daylight-saving surprises). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The most restrictive TLP of some markings; an unreadable one counts as RED. */
export function mostRestrictive(markings: Iterable<string>, none: Tlp = 'CLEAR'): Tlp {
  let best: Tlp = none;
  for (const m of markings) best = stricter(parseMarking(m) ?? 'RED', best);
  return best;
}

const byDue = (a: ReportCommitment, b: ReportCommitment) =>
  (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id);

/** The status a commitment is grouped under: the schema's spelling, else as stored. */
const statusKey = (s: string) => statusOf(s) ?? s;

export function buildProgressReport<C extends ReportCommitment>(
  input: ReportInput<C>,
): ProgressReport<C> {
  const today = input.now.toISOString().slice(0, 10);
  const entries: ReportEntry<C>[] = [...input.commitments].sort(byDue).map((c) => ({
    ...c,
    daysOverdue: c.overdue && c.dueDate ? Math.max(0, daysBetween(toDay(c.dueDate), today)) : 0,
  }));
  const statuses: string[] = [...STATUSES];
  for (const e of entries) {
    const s = statusKey(e.status);
    if (!statuses.includes(s)) statuses.push(s);
  }
  const meeting = input.meeting ?? null;
  return {
    generatedAt: input.now.toISOString(),
    today,
    scope: { meeting, filters: input.filters ?? {} },
    marking: mostRestrictive([
      ...entries.map((e) => e.marking),
      ...(meeting ? [meeting.marking] : []),
    ]),
    total: entries.length,
    counts: statuses
      .map((status) => ({
        status,
        count: entries.filter((e) => statusKey(e.status) === status).length,
      }))
      .filter((c) => c.count > 0 || (STATUSES as readonly string[]).includes(c.status)),
    overdue: entries
      .filter((e) => e.overdue)
      .sort((a, b) => b.daysOverdue - a.daysOverdue || byDue(a, b)),
    atRisk: entries.filter((e) => statusKey(e.status) === 'at risk'),
    byStatus: statuses
      .map((status) => ({
        status,
        entries: entries.filter((e) => statusKey(e.status) === status),
      }))
      .filter((g) => g.entries.length > 0),
    truncated: input.truncated ?? false,
  };
}
