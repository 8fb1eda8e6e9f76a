import { describe, expect, it } from 'vitest';
import {
  fentanylAtPorts,
  indicatorDef,
  INDICATORS,
  massInKg,
  precursorsAtPacificPorts,
  tracesAnsweredWithin,
  trendOf,
  type SeizureFact,
  type TraceFact,
} from './indicators.js';
import { addMonths, dayAfter, isMonth, monthsBetween } from './months.js';
import { pacificPortOf } from './ports.js';

const seizure = (day: string, props: Partial<SeizureFact>): SeizureFact => ({
  day,
  drug: [],
  portOfEntry: [],
  place: [],
  address: [],
  quantity: [],
  ...props,
});

describe('months', () => {
  it.each<[string, number, string]>([
    ['2025-01', 1, '2025-02'],
    ['2025-12', 1, '2026-01'],
    ['2025-01', -1, '2024-12'],
    ['2025-03', -12, '2024-03'],
    ['2024-02', 23, '2026-01'],
  ])('%s + %i -> %s', (m, n, out) => {
    expect(addMonths(m, n)).toBe(out);
  });

  it('lists months inclusively and knows the day after a month', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(monthsBetween('2025-02', '2025-01')).toEqual([]);
    expect(dayAfter('2024-12')).toBe('2025-01-01');
    expect(isMonth('2025-13')).toBe(false);
    expect(isMonth('2025-07')).toBe(true);
  });
});

describe('massInKg', () => {
  it.each<[string, number | null]>([
    ['2.5 kg', 2.5],
    ['800 g', 0.8],
    ['10 lb', 4.5359237],
    ['1 t', 1000],
    ['250 mg', 0.00025],
    ['6000 pills', null],
    ['3 l', null],
    ['kg', null],
  ])('%s -> %s', (q, kg) => {
    const got = massInKg(q);
    if (kg === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(kg, 9);
  });
});

describe('fentanyl seized at ports of entry', () => {
  const months = ['2025-01', '2025-02', '2025-03'];
  const facts = [
    seizure('2025-01-04', {
      drug: ['fentanyl powder'],
      portOfEntry: ['Nogales'],
      quantity: ['2.5 kg'],
    }),
    seizure('2025-01-20', {
      drug: ['fentanyl pills'],
      portOfEntry: ['San Ysidro'],
      quantity: ['800 g', '6000 pills'],
    }),
    // Pills alone weigh nothing here, but the seizure counts.
    seizure('2025-02-11', {
      drug: ['fentanyl pills'],
      portOfEntry: ['Calexico'],
      quantity: ['48000 pills'],
    }),
    // Not at a port of entry, not fentanyl, or outside the months: left out.
    seizure('2025-02-12', { drug: ['fentanyl powder'], place: ['Culiacán'], quantity: ['40 kg'] }),
    seizure('2025-02-13', {
      drug: ['methamphetamine'],
      portOfEntry: ['Otay Mesa'],
      quantity: ['90 kg'],
    }),
    seizure('2024-12-31', {
      drug: ['fentanyl powder'],
      portOfEntry: ['Nogales'],
      quantity: ['5 kg'],
    }),
  ];

  it('sums kilograms by month, with the seizures each rests on', () => {
    expect(fentanylAtPorts(facts, months)).toEqual([
      { month: '2025-01', value: 3.3, basis: 2 },
      { month: '2025-02', value: 0, basis: 1 },
      { month: '2025-03', value: 0, basis: 0 },
    ]);
  });
});

describe('precursor seizures at Pacific ports', () => {
  it.each<[string, string | undefined]>([
    ['Manzanillo', 'Manzanillo'],
    ['Puerto de Manzanillo, Colima', 'Manzanillo'],
    ['LAZARO CARDENAS', 'Lázaro Cárdenas'],
    ['Port of Vancouver', 'Vancouver'],
    ['Veracruz', undefined],
    ['Altamira', undefined],
    ['Manzanillos', undefined],
  ])('pacificPortOf(%j) -> %j', (place, port) => {
    expect(pacificPortOf(place)).toBe(port);
  });

  it('counts precursor seizures naming a Pacific port by month', () => {
    const facts = [
      seizure('2025-01-03', { drug: ['precursor chemical'], portOfEntry: ['Manzanillo'] }),
      seizure('2025-01-09', {
        drug: ['precursor chemical'],
        place: ['Lázaro Cárdenas, Michoacán'],
      }),
      seizure('2025-01-10', { drug: ['precursor chemical'], place: ['Veracruz'] }),
      seizure('2025-02-02', { drug: ['fentanyl powder'], portOfEntry: ['Manzanillo'] }),
      seizure('2025-02-03', {
        drug: ['precursor chemical'],
        address: ['Terminal TIMSA, Manzanillo'],
      }),
    ];
    expect(precursorsAtPacificPorts(facts, ['2025-01', '2025-02'])).toEqual([
      { month: '2025-01', value: 2, basis: 2 },
      { month: '2025-02', value: 1, basis: 1 },
    ]);
  });
});

describe('trace requests answered within 30 days', () => {
  const now = new Date('2025-03-20T00:00:00Z');
  const trace = (submittedAt: string, answeredAt: string | null): TraceFact => ({
    submittedAt,
    answeredAt,
  });

  it('counts each request once it is decided, by month of submission', () => {
    const facts = [
      trace('2025-01-02T10:00:00Z', '2025-01-05T10:00:00Z'), // 3 days
      trace('2025-01-02T10:00:00Z', '2025-02-01T10:00:00Z'), // exactly 30 days: in time
      trace('2025-01-02T10:00:00Z', '2025-02-01T10:00:01Z'), // a second late
      trace('2025-01-10T10:00:00Z', null), // open for more than 30 days: late
      trace('2025-03-01T10:00:00Z', null), // open, 19 days: not decided yet
      trace('2025-03-02T10:00:00Z', '2025-03-03T10:00:00Z'),
    ];
    expect(tracesAnsweredWithin(facts, ['2025-01', '2025-02', '2025-03'], now)).toEqual([
      { month: '2025-01', value: 0.5, basis: 4 },
      { month: '2025-02', value: null, basis: 0 },
      { month: '2025-03', value: 1, basis: 1 },
    ]);
  });
});

describe('trendOf', () => {
  const values = [
    { month: '2025-01', value: 0.5, basis: 4 },
    { month: '2025-02', value: 0.95, basis: 20 },
    { month: '2025-03', value: null, basis: 0 },
  ];

  it('compares each month with the target and gives the latest with a value', () => {
    const trend = trendOf(indicatorDef('traces_answered_30d')!, values, 0.9);
    expect(trend.months.map((m) => m.met)).toEqual([false, true, null]);
    expect(trend.latest).toMatchObject({ month: '2025-02', value: 0.95, met: true });
    expect(trend).toMatchObject({ unit: 'share', direction: 'at_least', target: 0.9 });
  });

  it('has no verdict without a target', () => {
    const trend = trendOf(indicatorDef('traces_answered_30d')!, values, null);
    expect(trend.months.map((m) => m.met)).toEqual([null, null, null]);
  });

  it('defines at least three indicators, each found by its name', () => {
    expect(INDICATORS.length).toBeGreaterThanOrEqual(3);
    for (const d of INDICATORS) expect(indicatorDef(d.name)).toBe(d);
    expect(indicatorDef('arrests')).toBeUndefined();
  });
});
