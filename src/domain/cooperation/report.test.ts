import { describe, expect, it } from 'vitest';
import { trendOf, indicatorDef } from './indicators.js';
import {
  buildProgressReport,
  daysBetween,
  mostRestrictive,
  type ReportCommitment,
} from './report.js';

const NOW = new Date('2025-07-10T15:00:00Z');

const commitment = (id: string, o: Partial<ReportCommitment> = {}): ReportCommitment => ({
  id,
  caption: `Commitment ${id}`,
  status: 'planned',
  overdue: false,
  dueDate: '2025-12-31',
  leadCountry: 'MX',
  leadAgency: 'FGR',
  latestNote: null,
  trend: null,
  marking: 'TLP:GREEN',
  relCountries: [],
  relAgencies: [],
  recipientAgencies: [],
  recipientUsers: [],
  ...o,
});

describe('daysBetween', () => {
  it('counts whole calendar days', () => {
    expect(daysBetween('2025-06-30', '2025-07-10')).toBe(10);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-07-10', '2025-07-10')).toBe(0);
  });
});

describe('mostRestrictive', () => {
  it('takes the highest TLP, an unreadable marking as RED, and CLEAR for nothing', () => {
    expect(mostRestrictive(['TLP:GREEN', 'TLP:AMBER', 'TLP:CLEAR'])).toBe('AMBER');
    expect(mostRestrictive(['TLP:AMBER+STRICT', 'TLP:AMBER'])).toBe('AMBER+STRICT');
    expect(mostRestrictive(['TLP:GREEN', 'SECRET'])).toBe('RED');
    expect(mostRestrictive([])).toBe('CLEAR');
  });
});

describe('buildProgressReport', () => {
  const fentanyl = indicatorDef('fentanyl_poe_kg')!;
  const items = [
    commitment('a', { status: 'on track', dueDate: '2025-09-30' }),
    commitment('b', { status: 'at risk', overdue: true, dueDate: '2025-06-30' }),
    commitment('c', { status: 'planned', overdue: true, dueDate: '2025-03-31' }),
    commitment('d', { status: 'done', dueDate: '2025-05-31', marking: 'TLP:AMBER' }),
    commitment('e', {
      status: 'at risk',
      dueDate: '2025-08-15',
      trend: trendOf(fentanyl, [{ month: '2025-07', value: 12, basis: 2 }], 100),
    }),
  ];
  const report = buildProgressReport({
    commitments: items,
    now: NOW,
    filters: { topic: ['fentanyl_precursors'] },
  });

  it('counts every status in the schema order, zeros included', () => {
    expect(report.total).toBe(5);
    expect(report.counts).toEqual([
      { status: 'planned', count: 1 },
      { status: 'on track', count: 1 },
      { status: 'at risk', count: 2 },
      { status: 'done', count: 1 },
      { status: 'dropped', count: 0 },
    ]);
  });

  it('lists overdue commitments longest overdue first, with their days', () => {
    expect(report.overdue.map((e) => [e.id, e.daysOverdue])).toEqual([
      ['c', 101],
      ['b', 10],
    ]);
    expect(report.byStatus.flatMap((g) => g.entries).find((e) => e.id === 'a')!.daysOverdue).toBe(
      0,
    );
  });

  it('lists at-risk commitments soonest due first, and groups by status', () => {
    expect(report.atRisk.map((e) => e.id)).toEqual(['b', 'e']);
    expect(report.byStatus.map((g) => [g.status, g.entries.map((e) => e.id)])).toEqual([
      ['planned', ['c']],
      ['on track', ['a']],
      ['at risk', ['b', 'e']],
      ['done', ['d']],
    ]);
    expect(report.atRisk[1]!.trend?.latest).toMatchObject({ value: 12, met: false });
  });

  it('carries the most restrictive marking, the meeting’s included, as its banner', () => {
    expect(report.marking).toBe('AMBER');
    const scoped = buildProgressReport({
      commitments: [commitment('x')],
      now: NOW,
      meeting: {
        id: 'm',
        caption: 'Comité',
        date: '2025-03-05',
        marking: 'TLP:AMBER+STRICT',
        relCountries: [],
        relAgencies: [],
        recipientAgencies: ['FGR'],
        recipientUsers: [],
      },
    });
    expect(scoped.marking).toBe('AMBER+STRICT');
    expect(scoped.scope.meeting?.caption).toBe('Comité');
    expect(buildProgressReport({ commitments: [], now: NOW }).marking).toBe('CLEAR');
  });

  it('keeps statuses outside the schema in a group of their own', () => {
    const odd = buildProgressReport({
      commitments: [commitment('z', { status: 'suspended' })],
      now: NOW,
    });
    expect(odd.counts.at(-1)).toEqual({ status: 'suspended', count: 1 });
    expect(odd.byStatus).toEqual([{ status: 'suspended', entries: [expect.anything()] }]);
    expect(odd.today).toBe('2025-07-10');
  });
});
