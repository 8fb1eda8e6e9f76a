import { describe, expect, it } from 'vitest';
import { businessDayIndex, dayOf, weekday } from './calendar.js';
import {
  BORDER_STATES,
  indicatorsOf,
  SHORT_TTC_DAYS,
  TTC_WATCH_DAYS,
  type Indicator,
  type TraceFacts,
} from './indicators.js';
import type { SaleCandidate } from './types.js';

const sale = (over: Partial<SaleCandidate> = {}): SaleCandidate => ({
  firearmId: 'f-0',
  saleId: 's-0',
  soldLinkId: 'l-1',
  purchaseLinkId: null,
  buyerId: 'p-1',
  maker: 'Glock',
  serialKey: 'ABC123',
  model: '19',
  type: 'pistol',
  caliber: '9mm',
  importer: 'Glock Inc.',
  saleDate: '2024-01-01',
  dealerName: 'Frontier Guns',
  dealerLicense: '5-74-000-01-0A-00001',
  dealerState: 'TX',
  country: 'US',
  multipleSale: false,
  ...over,
});

/** A trace that shows nothing: an old sale, recovered where it was sold, its buyer's only gun. */
const facts = (over: Partial<TraceFacts> = {}): TraceFacts => ({
  sale: sale(),
  timeToCrimeDays: 4000,
  recoveryCountry: 'US',
  buyerSales: [],
  purchaserRecovered: 1,
  dealer: { traces: 0, shortTtc: 0 },
  allDealers: { traces: 0, shortTtc: 0 },
  ...over,
});

const only = (code: string, f: TraceFacts): Indicator[] =>
  indicatorsOf(f).filter((i) => i.code === code);

describe('businessDayIndex', () => {
  it.each<[string, string, number]>([
    ['2024-01-01', '2024-01-05', 4], // Monday to Friday
    ['2024-01-01', '2024-01-08', 5], // Monday to Monday
    ['2024-01-04', '2024-01-10', 4], // Thursday to Wednesday, across a weekend
    ['2024-01-04', '2024-01-11', 5], // Thursday to Thursday
    ['2024-01-05', '2024-01-06', 0], // Friday to Saturday
    ['2024-01-05', '2024-01-07', 0], // Friday to Sunday
    ['2024-01-06', '2024-01-08', 1], // Saturday to Monday
    ['2024-01-07', '2024-01-08', 1], // Sunday to Monday
    ['2023-12-29', '2024-01-02', 2], // across a year end
    ['2024-02-28', '2024-03-04', 3], // across a leap day
    ['1970-01-05', '1970-01-09', 4], // the week the count is anchored on
    ['1969-12-29', '1970-01-05', 5], // before the epoch
  ])('%s to %s: %i business days', (from, to, n) => {
    expect(businessDayIndex(dayOf(to)) - businessDayIndex(dayOf(from))).toBe(n);
  });

  it('steps by one on every weekday and not at all on weekends', () => {
    for (let d = dayOf('2023-01-01'); d < dayOf('2025-01-01'); d++) {
      const step = businessDayIndex(d + 1) - businessDayIndex(d);
      const next = weekday(d + 1);
      expect(step, `day ${d}`).toBe(next === 0 || next === 6 ? 0 : 1);
    }
  });
});

describe('indicatorsOf', () => {
  it('shows nothing for an old sale recovered where it was sold', () => {
    expect(indicatorsOf(facts())).toEqual([]);
  });

  it.each<[number, string | null]>([
    [0, 'ttc_under_1y'],
    [1, 'ttc_under_1y'],
    [200, 'ttc_under_1y'],
    [364, 'ttc_under_1y'],
    [365, 'ttc_under_3y'],
    [366, 'ttc_under_3y'],
    [800, 'ttc_under_3y'],
    [1094, 'ttc_under_3y'],
    [1095, null],
    [1096, null],
    [3650, null],
  ])('time-to-crime %i days -> %s', (days, code) => {
    const ttc = indicatorsOf(facts({ timeToCrimeDays: days })).filter((i) =>
      i.code.startsWith('ttc_'),
    );
    expect(ttc).toEqual(code ? [{ code, params: { days } }] : []);
  });

  it('puts the bands at one and three years', () => {
    expect([SHORT_TTC_DAYS, TTC_WATCH_DAYS]).toEqual([365, 1095]);
  });

  type Other = [type: string, date: string];
  it.each<[string, string, string, string, Other[], number | null]>([
    // Handguns, five consecutive business days.
    ['Monday and Friday', 'pistol', 'TX', '2024-01-01', [['pistol', '2024-01-05']], 2],
    ['Monday and the next Monday', 'pistol', 'TX', '2024-01-01', [['pistol', '2024-01-08']], null],
    ['the same day', 'pistol', 'FL', '2024-01-01', [['pistol', '2024-01-01']], 2],
    ['Thursday and Wednesday', 'pistol', 'TX', '2024-01-04', [['pistol', '2024-01-10']], 2],
    ['Thursday and Thursday', 'pistol', 'TX', '2024-01-04', [['pistol', '2024-01-11']], null],
    ['Friday and Saturday', 'pistol', 'TX', '2024-01-05', [['revolver', '2024-01-06']], 2],
    ['Saturday and Thursday', 'pistol', 'TX', '2024-01-06', [['pistol', '2024-01-11']], 2],
    ['Saturday and Friday', 'pistol', 'TX', '2024-01-06', [['pistol', '2024-01-12']], null],
    ['an earlier sale, Tuesday', 'pistol', 'TX', '2024-01-01', [['pistol', '2023-12-26']], 2],
    ['an earlier sale, Monday', 'pistol', 'TX', '2024-01-01', [['pistol', '2023-12-25']], null],
    ['across a year end', 'revolver', 'OH', '2024-01-02', [['pistol', '2023-12-27']], 2],
    ['a pistol and a revolver', 'pistol', 'OH', '2024-01-01', [['revolver', '2024-01-02']], 2],
    ['a revolver and a pistol', 'revolver', 'OH', '2024-01-01', [['pistol', '2024-01-02']], 2],
    [
      'three handguns',
      'pistol',
      'TX',
      '2024-01-03',
      [
        ['pistol', '2024-01-01'],
        ['revolver', '2024-01-05'],
      ],
      3,
    ],
    [
      'one in the window, one out',
      'pistol',
      'TX',
      '2024-01-01',
      [
        ['pistol', '2024-01-02'],
        ['pistol', '2024-01-15'],
      ],
      2,
    ],
    // Handguns count only with handguns.
    ['a pistol and a rifle', 'pistol', 'TX', '2024-01-01', [['rifle', '2024-01-02']], null],
    ['a pistol and a shotgun', 'pistol', 'TX', '2024-01-01', [['shotgun', '2024-01-02']], null],
    ['a rifle and a pistol', 'rifle', 'TX', '2024-01-01', [['pistol', '2024-01-02']], null],
    // Rifles only in the border states.
    ['two rifles in Texas', 'rifle', 'TX', '2024-01-01', [['rifle', '2024-01-05']], 2],
    ['two rifles in Arizona', 'rifle', 'AZ', '2024-01-01', [['rifle', '2024-01-03']], 2],
    ['two rifles in California', 'rifle', 'CA', '2024-01-01', [['rifle', '2024-01-03']], 2],
    ['two rifles in New Mexico', 'rifle', 'NM', '2024-01-01', [['rifle', '2024-01-03']], 2],
    ['two rifles in Nevada', 'rifle', 'NV', '2024-01-01', [['rifle', '2024-01-03']], null],
    ['two rifles in Florida', 'rifle', 'FL', '2024-01-01', [['rifle', '2024-01-03']], null],
    [
      'two rifles in Texas, a week apart',
      'rifle',
      'TX',
      '2024-01-01',
      [['rifle', '2024-01-08']],
      null,
    ],
    // Never shotguns or other guns.
    ['two shotguns in Texas', 'shotgun', 'TX', '2024-01-01', [['shotgun', '2024-01-02']], null],
    ['two other guns', 'other', 'TX', '2024-01-01', [['other', '2024-01-02']], null],
    ['no other sale', 'pistol', 'TX', '2024-01-01', [], null],
  ])('multiple sale, %s', (_, type, state, date, others, guns) => {
    const f = facts({
      sale: sale({ type, dealerState: state, saleDate: date }),
      buyerSales: others.map(([t, d], i) =>
        sale({ firearmId: `f-${i + 1}`, type: t, saleDate: d }),
      ),
    });
    expect(only('multiple_sale', f)).toEqual(
      guns ? [{ code: 'multiple_sale', params: { guns, reported: 'no' } }] : [],
    );
  });

  it('has the four border states', () => {
    expect([...BORDER_STATES].sort()).toEqual(['AZ', 'CA', 'NM', 'TX']);
  });

  it('does not count the traced gun again when it is among the buyer’s sales', () => {
    const f = facts({ buyerSales: [sale(), sale({ saleDate: '2024-01-02' })] });
    expect(only('multiple_sale', f)).toEqual([]);
  });

  it.each<[string, Partial<SaleCandidate>, Other[], number]>([
    ['reported, no other sale known', {}, [], 1],
    ['reported, one other handgun', {}, [['pistol', '2024-01-02']], 2],
    ['reported, a shotgun', { type: 'shotgun' }, [], 1],
    ['reported, outside the window', {}, [['pistol', '2024-03-01']], 1],
  ])('multiple sale flagged by the dealer, %s', (_, over, others, guns) => {
    const f = facts({
      sale: sale({ multipleSale: true, ...over }),
      buyerSales: others.map(([t, d], i) =>
        sale({ firearmId: `f-${i + 1}`, type: t, saleDate: d }),
      ),
    });
    expect(only('multiple_sale', f)).toEqual([
      { code: 'multiple_sale', params: { guns, reported: 'yes' } },
    ]);
  });

  /*
   * The border-state rifle rule covers semi-automatic rifles larger than .22 (DOMAIN.md), so
   * two .22 rimfire rifles make no report.
   */
  it('does not report two .22 rifles in Texas', () => {
    const rimfire = { type: 'rifle', model: '10/22', caliber: '.22 LR' };
    const f = facts({
      sale: sale(rimfire),
      buyerSales: [sale({ ...rimfire, firearmId: 'f-1', saleDate: '2024-01-02' })],
    });
    expect(only('multiple_sale', f)).toEqual([]);
  });

  it.each<[number, boolean]>([
    [0, false],
    [1, false],
    [2, true],
    [3, true],
    [12, true],
  ])('purchaser with %i guns recovered -> %s', (guns, flagged) => {
    expect(only('purchaser_several_recovered', facts({ purchaserRecovered: guns }))).toEqual(
      flagged ? [{ code: 'purchaser_several_recovered', params: { guns } }] : [],
    );
  });

  it.each<[string, string, string, boolean]>([
    ['sold in the US, recovered in Mexico', 'MX', 'US', true],
    ['sold in the US, recovered in Canada', 'CA', 'US', true],
    ['sold in Mexico, recovered in the US', 'US', 'MX', true],
    ['recovered where sold', 'US', 'US', false],
    ['no recovery country', '', 'US', false],
    ['no sale country', 'MX', '', false],
  ])('%s', (_, recovered, sold, flagged) => {
    const f = facts({ recoveryCountry: recovered, sale: sale({ country: sold }) });
    expect(only('recovered_abroad', f)).toEqual(
      flagged ? [{ code: 'recovered_abroad', params: { sold, recovered } }] : [],
    );
  });

  it.each<[number, number, number, number, { share: number; overall: number } | null]>([
    // Twice the overall share, on at least five traces.
    [5, 2, 100, 20, { share: 40, overall: 20 }],
    [10, 3, 1000, 150, { share: 30, overall: 15 }],
    [5, 5, 100, 10, { share: 100, overall: 10 }],
    [7, 3, 90, 11, { share: 43, overall: 12 }],
    [5, 1, 100, 0, { share: 20, overall: 0 }],
    // Just under twice.
    [5, 2, 100, 21, null],
    [10, 3, 1000, 151, null],
    // As high as everyone else's.
    [6, 3, 6, 3, null],
    // Too few traces, however high the share.
    [4, 4, 100, 10, null],
    [1, 1, 1000, 1, null],
    // No short time-to-crime at this dealer.
    [5, 0, 100, 0, null],
    [50, 0, 100, 10, null],
    // No traces at all.
    [5, 2, 0, 0, null],
  ])(
    'dealer %i traces, %i short; all %i, %i short -> %j',
    (traces, shortTtc, all, allShort, flagged) => {
      const f = facts({
        dealer: { traces, shortTtc },
        allDealers: { traces: all, shortTtc: allShort },
      });
      expect(only('dealer_short_ttc_share', f)).toEqual(
        flagged
          ? [
              {
                code: 'dealer_short_ttc_share',
                params: { license: '5-74-000-01-0A-00001', traces, ...flagged },
              },
            ]
          : [],
      );
    },
  );

  it('lists every indicator a trace shows, in a fixed order', () => {
    const f = facts({
      sale: sale({ multipleSale: true }),
      timeToCrimeDays: 12,
      recoveryCountry: 'MX',
      buyerSales: [sale({ firearmId: 'f-1', type: 'revolver', saleDate: '2024-01-03' })],
      purchaserRecovered: 2,
      dealer: { traces: 10, shortTtc: 6 },
      allDealers: { traces: 200, shortTtc: 40 },
    });
    expect(indicatorsOf(f).map((i) => i.code)).toEqual([
      'ttc_under_1y',
      'multiple_sale',
      'purchaser_several_recovered',
      'recovered_abroad',
      'dealer_short_ttc_share',
    ]);
  });
});
