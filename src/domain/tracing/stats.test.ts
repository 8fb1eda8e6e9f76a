import { describe, expect, it } from 'vitest';
import { median, traceStatistics, type TraceFact } from './stats.js';
import type { TraceStatus } from './status.js';

const fact = (
  status: TraceStatus,
  type: string,
  recoveredOn: string,
  recoveryState: string,
  sold: [country: string, state: string, days: number | null] | null = null,
  recoveryCountry = 'MX',
): TraceFact => ({
  status,
  type,
  recoveredOn,
  recoveryCountry,
  recoveryState,
  saleCountry: sold?.[0] ?? null,
  dealerState: sold?.[1] ?? null,
  timeToCrimeDays: sold?.[2] ?? null,
});

/*
 * Ten requests from Mexico and two from elsewhere. Finished in Mexico: 1-7 and 10 (eight);
 * traced to a US sale: 1, 2, 3 and 10 (four); 4 was sold in Mexico; 8 and 9 are pending.
 */
const FACTS: TraceFact[] = [
  /* 1 */ fact('completed', 'rifle', '2020-03-01', 'TAMPS', ['US', 'TX', 100]),
  /* 2 */ fact('completed', 'rifle', '2021-05-01', 'JAL', ['US', 'AZ', 400]),
  /* 3 */ fact('completed', 'pistol', '2021-07-01', 'JAL', ['US', 'TX', 1000]),
  /* 4 */ fact('completed', 'pistol', '2022-01-10', 'SON', ['MX', 'SON', 50]),
  /* 5 */ fact('no_record_found', 'rifle', '2022-02-02', 'SON'),
  /* 6 */ fact('not_traceable', 'rifle', '2022-06-06', 'TAMPS'),
  /* 7 */ fact('serial_obliterated', 'pistol', '2020-08-08', 'JAL'),
  /* 8 */ fact('in_progress', 'rifle', '2022-09-09', 'SON'),
  /* 9 */ fact('submitted', 'pistol', '2021-01-01', 'TAMPS'),
  /* 10 */ fact('completed', 'rifle', '2022-03-03', 'TAMPS', ['US', 'CA', 2000]),
  /* 11 */ fact('completed', 'rifle', '2021-01-01', 'TX', ['US', 'TX', 10], 'US'),
  /* 12 */ fact('completed', 'pistol', '2020-01-01', 'ON', ['US', 'NY', 20], 'CA'),
];

const MX_US = { recoveryCountry: 'MX', sourceCountry: 'US', baseYear: 2020 };

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[5, 1, 9, 3, 7], 5],
    [[1, 2], 1.5],
    [[4, 1, 3, 2], 2.5],
    [[100, 400, 1000, 2000], 700],
    [[10, 10, 10, 10], 10],
    [[0, 0, 1], 0],
    [[-5, 5], 0],
    // Numbers, not strings: 100 sorts after 9.
    [[9, 100, 20], 20],
    [[1000, 200, 30, 4], 115],
  ])('%j -> %s', (values, m) => {
    expect(median(values)).toBe(m);
  });

  it('leaves its input as it was', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('traceStatistics', () => {
  it('computes the small fixture by hand', () => {
    expect(traceStatistics(FACTS, MX_US)).toEqual({
      recoveryCountry: 'MX',
      sourceCountry: 'US',
      requests: 10,
      pending: 2,
      overall: { key: 'all', traced: 8, toSource: 4, share: 0.5 },
      byYear: [
        { key: '2020', traced: 2, toSource: 1, share: 0.5 },
        { key: '2021', traced: 2, toSource: 2, share: 1 },
        { key: '2022', traced: 4, toSource: 1, share: 0.25 },
      ],
      byType: [
        { key: 'pistol', traced: 3, toSource: 1, share: 1 / 3 },
        { key: 'rifle', traced: 5, toSource: 3, share: 0.6 },
      ],
      byRecoveryState: [
        { key: 'JAL', traced: 3, toSource: 2, share: 2 / 3 },
        { key: 'SON', traced: 2, toSource: 0, share: 0 },
        { key: 'TAMPS', traced: 3, toSource: 2, share: 2 / 3 },
      ],
      bySourceState: [
        { key: 'TX', guns: 2, share: 0.5 },
        { key: 'AZ', guns: 1, share: 0.25 },
        { key: 'CA', guns: 1, share: 0.25 },
      ],
      medianTimeToCrimeDays: 700,
      // Rifle recoveries, answered or not: 2020 one (1), 2022 four (5, 6, 8, 10).
      rifles: { baseYear: 2020, lastYear: 2022, base: 1, last: 4, change: 3 },
      byStatus: [
        { key: 'completed', count: 5 },
        { key: 'in_progress', count: 1 },
        { key: 'no_record_found', count: 1 },
        { key: 'not_traceable', count: 1 },
        { key: 'serial_obliterated', count: 1 },
        { key: 'submitted', count: 1 },
      ],
    });
  });

  it.each<[string, { baseYear: number; lastYear?: number }, object]>([
    [
      'base 2020, last by default',
      { baseYear: 2020 },
      { lastYear: 2022, base: 1, last: 4, change: 3 },
    ],
    ['base 2020, last 2021', { baseYear: 2020, lastYear: 2021 }, { base: 1, last: 1, change: 0 }],
    ['base 2021, last 2022', { baseYear: 2021, lastYear: 2022 }, { base: 1, last: 4, change: 3 }],
    ['base year absent', { baseYear: 2019 }, { lastYear: 2022, base: 0, last: 4, change: null }],
    ['base year absent, last given', { baseYear: 2018, lastYear: 2021 }, { base: 0, change: null }],
    ['last year absent', { baseYear: 2020, lastYear: 2023 }, { base: 1, last: 0, change: -1 }],
    [
      'last year the base year',
      { baseYear: 2022, lastYear: 2022 },
      { base: 4, last: 4, change: null },
    ],
    [
      'last year before the base',
      { baseYear: 2022, lastYear: 2020 },
      { base: 4, last: 1, change: null },
    ],
    [
      'base after every recovery',
      { baseYear: 2030 },
      { lastYear: 2030, base: 0, last: 0, change: null },
    ],
  ])('rifle change, %s', (_, years, expected) => {
    const { rifles } = traceStatistics(FACTS, { ...MX_US, ...years });
    expect(rifles).toMatchObject(expected);
  });

  it.each<[string, string, number, number, number]>([
    // country, source, requests, traced, to source
    ['Mexico to the US', 'MX', 10, 8, 4],
    ['the US to the US', 'US', 1, 1, 1],
    ['Canada to the US', 'CA', 1, 1, 1],
    ['a country with no request', 'GT', 0, 0, 0],
  ])('counts only the chosen recovery country: %s', (_, country, requests, traced, toSource) => {
    const s = traceStatistics(FACTS, { ...MX_US, recoveryCountry: country });
    expect([s.requests, s.overall.traced, s.overall.toSource]).toEqual([
      requests,
      traced,
      toSource,
    ]);
    expect(s.byStatus.reduce((n, x) => n + x.count, 0)).toBe(requests);
  });

  it('counts a sale in the recovery country as traced, but not to the source', () => {
    const s = traceStatistics(FACTS, { ...MX_US, sourceCountry: 'MX' });
    expect(s.overall).toEqual({ key: 'all', traced: 8, toSource: 1, share: 0.125 });
    expect(s.bySourceState).toEqual([{ key: 'SON', guns: 1, share: 1 }]);
    expect(s.medianTimeToCrimeDays).toBe(50);
  });

  it('leaves pending traces out of every denominator', () => {
    const pending = [
      fact('submitted', 'rifle', '2020-01-02', 'JAL'),
      fact('in_progress', 'pistol', '2021-02-03', 'SON'),
      fact('in_progress', 'shotgun', '2023-04-05', 'CHIH'),
    ];
    const before = traceStatistics(FACTS, MX_US);
    const after = traceStatistics([...FACTS, ...pending], MX_US);
    expect(after.requests).toBe(before.requests + 3);
    expect(after.pending).toBe(before.pending + 3);
    expect(after.overall).toEqual(before.overall);
    expect(after.byYear).toEqual(before.byYear);
    expect(after.byType).toEqual(before.byType);
    expect(after.byRecoveryState).toEqual(before.byRecoveryState);
    expect(after.bySourceState).toEqual(before.bySourceState);
    expect(after.medianTimeToCrimeDays).toBe(before.medianTimeToCrimeDays);
  });

  it('leaves a completed trace without a time-to-crime out of the median only', () => {
    const extra = fact('completed', 'pistol', '2022-05-05', 'JAL', ['US', 'TX', null]);
    const s = traceStatistics([...FACTS, extra], MX_US);
    expect(s.overall).toEqual({ key: 'all', traced: 9, toSource: 5, share: 5 / 9 });
    expect(s.medianTimeToCrimeDays).toBe(700);
  });

  it('has no shares and no median with no answered trace', () => {
    const s = traceStatistics([fact('submitted', 'rifle', '2021-01-01', 'JAL')], MX_US);
    expect(s.overall).toEqual({ key: 'all', traced: 0, toSource: 0, share: null });
    expect([s.byYear, s.byType, s.byRecoveryState, s.bySourceState]).toEqual([[], [], [], []]);
    expect(s.medianTimeToCrimeDays).toBeNull();
    expect(s.pending).toBe(1);
  });

  it('gives the same figures whatever order the facts come in', () => {
    expect(traceStatistics([...FACTS].reverse(), MX_US)).toEqual(traceStatistics(FACTS, MX_US));
  });
});
