import { AppError } from '../errors.js';

/** Where a trace request stands. The last four are final: a trace ends once. */
export const TRACE_STATUSES = [
  'submitted',
  'in_progress',
  'completed',
  'no_record_found',
  'serial_obliterated',
  'not_traceable',
] as const;
export type TraceStatus = (typeof TRACE_STATUSES)[number];
export type FinalStatus = Exclude<TraceStatus, 'submitted' | 'in_progress'>;

/** The answers a tracer may close a request with by hand (completing it takes a sale). */
export const CLOSING_STATUSES = ['no_record_found', 'serial_obliterated', 'not_traceable'] as const;

export const isTraceStatus = (s: string): s is TraceStatus =>
  (TRACE_STATUSES as readonly string[]).includes(s);

export const isFinal = (s: TraceStatus): s is FinalStatus =>
  s !== 'submitted' && s !== 'in_progress';

/** Refuses a move a trace cannot make: back from a final answer, or to where it already is. */
export function checkTransition(from: TraceStatus, to: TraceStatus, id = ''): void {
  if (isFinal(from) || to === 'submitted' || from === to) {
    throw new AppError('conflict', { kind: 'trace', id, from, to });
  }
}

export const PRIORITIES = ['routine', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * How long the tracing agency has to answer: an urgent trace (a life at risk, a suspect held)
 * within 24 hours, a routine one within days.
 */
export const ANSWER_WITHIN_HOURS: Readonly<Record<Priority, number>> = {
  urgent: 24,
  routine: 7 * 24,
};

export function deadlineOf(priority: Priority, submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + ANSWER_WITHIN_HOURS[priority] * 3_600_000);
}

export const isOverdue = (status: TraceStatus, deadline: Date, now: Date) =>
  !isFinal(status) && now.getTime() > deadline.getTime();
