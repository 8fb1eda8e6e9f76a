import { describe, expect, it } from 'vitest';
import { topicOf, topicSpellings, TOPICS } from './topics.js';
import { dayOf, isClosed, isOverdue, statusOf, STATUSES } from './status.js';

describe('commitment statuses', () => {
  it.each<[string, string | undefined]>([
    ['planned', 'planned'],
    ['on track', 'on track'],
    ['on_track', 'on track'],
    ['On-Track', 'on track'],
    ['AT RISK', 'at risk'],
    ['at_risk', 'at risk'],
    ['done', 'done'],
    ['dropped', 'dropped'],
    ['closed', undefined],
    ['', undefined],
    ['ontrack', undefined],
  ])('statusOf(%j) -> %j', (raw, expected) => {
    expect(statusOf(raw)).toBe(expected);
  });

  it.each(STATUSES.map((s): [string, boolean] => [s, s === 'done' || s === 'dropped']))(
    'isClosed(%s) -> %s',
    (s, closed) => {
      expect(isClosed(s)).toBe(closed);
    },
  );
});

describe('isOverdue', () => {
  it.each<[string, string | null, string, boolean]>([
    // Open commitments: overdue the day after their due day, not on it.
    ['planned', '2025-06-30', '2025-06-29', false],
    ['planned', '2025-06-30', '2025-06-30', false],
    ['planned', '2025-06-30', '2025-07-01', true],
    ['on track', '2025-06-30', '2026-01-01', true],
    ['at risk', '2025-06-30', '2025-07-01', true],
    ['at risk', '2024-02-29', '2024-03-01', true],
    ['at risk', '2024-12-31', '2025-01-01', true],
    // Closed ones never are, however late they closed.
    ['done', '2025-06-30', '2026-01-01', false],
    ['dropped', '2025-06-30', '2026-01-01', false],
    // No due date: never overdue.
    ['planned', null, '2030-01-01', false],
    // A month or a year counts from its first day, as the record's event date does.
    ['planned', '2025-06', '2025-06-01', false],
    ['planned', '2025-06', '2025-06-02', true],
    ['planned', '2025', '2025-01-02', true],
  ])('%s due %s, today %s -> %s', (status, due, today, overdue) => {
    expect(isOverdue(status, due, today)).toBe(overdue);
  });

  it('takes today as the UTC day of now', () => {
    expect(dayOf(new Date('2025-06-30T23:59:59.999Z'))).toBe('2025-06-30');
    expect(dayOf(new Date('2025-07-01T00:00:00.000Z'))).toBe('2025-07-01');
  });
});

describe('topics', () => {
  it.each<[string, string | undefined]>([
    ['firearms', 'firearms'],
    ['Firearms trafficking', 'firearms'],
    ['Tráfico de armas', 'firearms'],
    ['fentanyl precursors', 'fentanyl_precursors'],
    ['precursor chemicals', 'fentanyl_precursors'],
    ['Fentanilo y precursores', 'fentanyl_precursors'],
    ['Migration and human smuggling', 'migration_smuggling'],
    ['money laundering', 'money_laundering'],
    ['Blanchiment d’argent', 'money_laundering'],
    ['information_sharing', 'information_sharing'],
    ['Intercambio de información', 'information_sharing'],
    ['cybercrime', undefined],
    ['', undefined],
  ])('topicOf(%j) -> %j', (raw, topic) => {
    expect(topicOf(raw)).toBe(topic);
  });

  it('knows every code by itself and lists it first among its spellings', () => {
    for (const t of TOPICS) {
      expect(topicOf(t)).toBe(t);
      expect(topicSpellings(t)[0]).toBe(t);
      for (const s of topicSpellings(t)) expect(topicOf(s)).toBe(t);
    }
  });
});
