import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  ANSWER_WITHIN_HOURS,
  checkTransition,
  deadlineOf,
  isFinal,
  isOverdue,
  isTraceStatus,
  TRACE_STATUSES,
  type Priority,
  type TraceStatus,
} from './status.js';

const FINAL: TraceStatus[] = [
  'completed',
  'no_record_found',
  'serial_obliterated',
  'not_traceable',
];

/** The only moves a trace can make: forward once, from submitted or in progress. */
const ALLOWED = new Set<string>([
  'submitted>in_progress',
  ...FINAL.map((s) => `submitted>${s}`),
  ...FINAL.map((s) => `in_progress>${s}`),
]);

const PAIRS = TRACE_STATUSES.flatMap((from) =>
  TRACE_STATUSES.map((to): [TraceStatus, TraceStatus, boolean] => [
    from,
    to,
    ALLOWED.has(`${from}>${to}`),
  ]),
);

describe('trace statuses', () => {
  it.each<[string, boolean]>([
    ...TRACE_STATUSES.map((s): [string, boolean] => [s, true]),
    ['', false],
    ['done', false],
    ['COMPLETED', false],
    ['in progress', false],
  ])('isTraceStatus(%j) -> %s', (s, expected) => {
    expect(isTraceStatus(s)).toBe(expected);
  });

  it.each(TRACE_STATUSES.map((s): [TraceStatus, boolean] => [s, FINAL.includes(s)]))(
    'isFinal(%s) -> %s',
    (s, expected) => {
      expect(isFinal(s)).toBe(expected);
    },
  );
});

describe('checkTransition', () => {
  it('covers every pair of statuses', () => {
    expect(PAIRS).toHaveLength(36);
    expect(PAIRS.filter(([, , ok]) => ok)).toHaveLength(9);
  });

  it.each(PAIRS)('%s -> %s allowed: %s', (from, to, ok) => {
    if (ok) {
      expect(() => checkTransition(from, to)).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      checkTransition(from, to);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: 'conflict',
      status: 409,
      params: { kind: 'trace', from, to },
    });
  });
});

describe('deadlineOf', () => {
  it.each<[Priority, string, string]>([
    ['urgent', '2024-03-01T10:00:00.000Z', '2024-03-02T10:00:00.000Z'],
    ['urgent', '2024-02-28T23:30:00.000Z', '2024-02-29T23:30:00.000Z'],
    ['urgent', '2023-12-31T12:00:00.000Z', '2024-01-01T12:00:00.000Z'],
    ['routine', '2024-03-01T10:00:00.000Z', '2024-03-08T10:00:00.000Z'],
    ['routine', '2024-02-25T08:15:30.500Z', '2024-03-03T08:15:30.500Z'],
    // Hours, not calendar days: the US clock change on 2024-03-10 does not move it.
    ['routine', '2024-03-07T17:00:00.000Z', '2024-03-14T17:00:00.000Z'],
    ['urgent', '2024-11-02T06:00:00.000Z', '2024-11-03T06:00:00.000Z'],
  ])('%s submitted %s -> due %s', (priority, submitted, due) => {
    expect(deadlineOf(priority, new Date(submitted)).toISOString()).toBe(due);
  });

  it('gives 24 hours to an urgent trace and 7 days to a routine one', () => {
    expect(ANSWER_WITHIN_HOURS).toEqual({ urgent: 24, routine: 168 });
  });

  it('does not change the date it was given', () => {
    const at = new Date('2024-03-01T10:00:00.000Z');
    deadlineOf('routine', at);
    expect(at.toISOString()).toBe('2024-03-01T10:00:00.000Z');
  });
});

describe('isOverdue', () => {
  const deadline = new Date('2024-03-02T10:00:00.000Z');
  const at = (iso: string) => new Date(iso);

  it.each<[TraceStatus, string, boolean]>([
    ['submitted', '2024-03-01T10:00:00.000Z', false],
    ['submitted', '2024-03-02T09:59:59.999Z', false],
    ['submitted', '2024-03-02T10:00:00.000Z', false],
    ['submitted', '2024-03-02T10:00:00.001Z', true],
    ['submitted', '2024-04-01T00:00:00.000Z', true],
    ['in_progress', '2024-03-02T10:00:00.000Z', false],
    ['in_progress', '2024-03-02T10:00:00.001Z', true],
    ['in_progress', '2025-01-01T00:00:00.000Z', true],
    // An answered trace is never overdue, however late the answer came.
    ['completed', '2025-01-01T00:00:00.000Z', false],
    ['no_record_found', '2025-01-01T00:00:00.000Z', false],
    ['serial_obliterated', '2025-01-01T00:00:00.000Z', false],
    ['not_traceable', '2025-01-01T00:00:00.000Z', false],
    ['completed', '2024-03-01T00:00:00.000Z', false],
  ])('%s at %s -> %s', (status, now, overdue) => {
    expect(isOverdue(status, deadline, at(now))).toBe(overdue);
  });

  it.each<[Priority, number, boolean]>([
    ['urgent', 23, false],
    ['urgent', 24, false],
    ['urgent', 25, true],
    ['routine', 25, false],
    ['routine', 167, false],
    ['routine', 168, false],
    ['routine', 169, true],
  ])('%s trace, %i hours after submission -> overdue %s', (priority, hours, overdue) => {
    const submitted = new Date('2024-03-01T10:00:00.000Z');
    const now = new Date(submitted.getTime() + hours * 3_600_000);
    expect(isOverdue('submitted', deadlineOf(priority, submitted), now)).toBe(overdue);
  });
});
