import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankCandidates, scoreCandidate, type TraceQuery } from './candidates.js';
import { MAKERS } from './makers.js';
import { readSerial } from './serial.js';
import type { FirearmDescription, SaleCandidate } from './types.js';

const maker = (name: string) => MAKERS.find((m) => m.name === name)!;

const sale = (over: Partial<SaleCandidate> = {}): SaleCandidate => ({
  firearmId: 'f-1',
  saleId: 's-1',
  soldLinkId: 'l-1',
  purchaseLinkId: null,
  buyerId: 'p-1',
  maker: 'Glock',
  serialKey: 'ABC123',
  model: '19',
  type: 'pistol',
  caliber: '9mm',
  importer: 'Glock Inc.',
  saleDate: '2023-03-01',
  dealerName: 'Frontier Guns',
  dealerLicense: '5-74-000-01-0A-00001',
  dealerState: 'TX',
  country: 'US',
  multipleSale: false,
  ...over,
});

function query(serial: string, firearm: Partial<FirearmDescription> = {}, makerName = 'Glock') {
  const reading = readSerial(serial);
  if (reading.kind !== 'full' && reading.kind !== 'partial') throw new Error(serial);
  return {
    maker: maker(makerName),
    serial: reading,
    firearm: { make: makerName, ...firearm },
    recoveredOn: '2024-06-15',
  } satisfies TraceQuery;
}

const codes = (q: TraceQuery, c: SaleCandidate) =>
  scoreCandidate(q, c)?.reasons.map((r) => r.code) ?? null;

describe('scoreCandidate', () => {
  it.each<[string, string, Partial<FirearmDescription>, Partial<SaleCandidate>, number | null]>([
    // The serial.
    ['exact serial', 'ABC123', {}, {}, 10],
    ['exact after lookalikes and dashes', 'abc-l23', {}, {}, 10],
    ['serial read as O for 0', 'AB0123', {}, { serialKey: 'AB0123' }, 10],
    ['other serial', 'ABC124', {}, {}, null],
    ['longer serial', 'ABC1234', {}, {}, null],
    ['partial, 4 legible', 'ABC1*', {}, {}, 4],
    ['partial, 5 legible', 'ABC12*', {}, {}, 5],
    ['partial, 5 legible at the end', '*BC123', {}, {}, 5],
    ['partial with one unknown', 'ABC?23', {}, {}, 5],
    ['partial that does not fit', 'ABD1*', {}, {}, null],
    ['partial one unknown too many', 'ABC123?', {}, {}, null],
    // Type.
    ['type agrees', 'ABC123', { type: 'pistol' }, {}, 12],
    ['type differs', 'ABC123', { type: 'rifle' }, {}, 2],
    ['type unknown on the sale', 'ABC123', { type: 'pistol' }, { type: '' }, 10],
    ['partial, type differs', 'ABC1*', { type: 'revolver' }, {}, -4],
    // Model, compared squashed.
    ['model agrees', 'ABC123', { model: '19' }, {}, 12],
    ['model agrees squashed', 'ABC123', { model: 'AR-15' }, { model: 'ar15' }, 12],
    [
      'model agrees, accents and case',
      'ABC123',
      { model: 'Modèlo 19' },
      { model: 'MODELO-19' },
      12,
    ],
    ['model differs', 'ABC123', { model: '17' }, {}, 7],
    ['model missing on the request', 'ABC123', { model: '' }, {}, 10],
    ['model of punctuation only', 'ABC123', { model: '--' }, {}, 10],
    // Calibre, compared by its leading figure.
    ['caliber agrees', 'ABC123', { caliber: '9mm' }, {}, 12],
    ['caliber 9 mm / 9x19mm', 'ABC123', { caliber: '9 mm' }, { caliber: '9x19mm' }, 12],
    [
      'caliber 5.56x45mm / 5.56 NATO',
      'ABC123',
      { caliber: '5.56x45mm' },
      { caliber: '5.56 NATO' },
      12,
    ],
    ['caliber .38 Super / 38', 'ABC123', { caliber: '.38 Super' }, { caliber: '38' }, 12],
    ['caliber 7,62x39 / 7.62x39mm', 'ABC123', { caliber: '7,62x39' }, { caliber: '7.62x39mm' }, 12],
    ['caliber 12 gauge / 12GA', 'ABC123', { caliber: '12 gauge' }, { caliber: '12GA' }, 12],
    ['caliber .22 LR / 22', 'ABC123', { caliber: '.22 LR' }, { caliber: '22' }, 12],
    ['caliber words only', 'ABC123', { caliber: 'Magnum' }, { caliber: 'magnum' }, 12],
    ['caliber differs', 'ABC123', { caliber: '.45 ACP' }, {}, 6],
    ['caliber 5.56 / 7.62', 'ABC123', { caliber: '5.56x45mm' }, { caliber: '7.62x39mm' }, 6],
    ['caliber missing on the sale', 'ABC123', { caliber: '9mm' }, { caliber: '' }, 10],
    // Everything together.
    ['all agree', 'ABC123', { type: 'pistol', model: '19', caliber: '9mm' }, {}, 16],
    ['all differ', 'ABC123', { type: 'rifle', model: '17', caliber: '.45' }, {}, -5],
    ['partial, all agree', 'ABC1*', { type: 'pistol', model: '19', caliber: '9mm' }, {}, 10],
    // The recovery date.
    ['sold the day of the recovery', 'ABC123', {}, { saleDate: '2024-06-15' }, 10],
    ['sold the day after the recovery', 'ABC123', {}, { saleDate: '2024-06-16' }, null],
    ['sold years after the recovery', 'ABC123', {}, { saleDate: '2030-01-01' }, null],
    ['partial, sold after the recovery', 'ABC1*', {}, { saleDate: '2024-07-01' }, null],
  ])('%s', (_, serial, firearm, over, score) => {
    const r = scoreCandidate(query(serial, firearm), sale(over));
    expect(r?.score ?? null).toBe(score);
    if (r) expect(r.candidate).toEqual(sale(over));
  });

  it.each<[string, Partial<FirearmDescription>, Partial<SaleCandidate>, string[]]>([
    ['exact', {}, {}, ['serial_exact']],
    ['type agrees', { type: 'pistol' }, {}, ['serial_exact', 'type_agrees']],
    ['model differs', { model: '17' }, {}, ['serial_exact', 'model_differs']],
    [
      'all three',
      { type: 'rifle', model: '19', caliber: '.40 S&W' },
      {},
      ['serial_exact', 'type_differs', 'model_agrees', 'caliber_differs'],
    ],
    ['importer mark', { importer: 'GLOCK INC' }, {}, ['serial_exact', 'importer_agrees']],
  ])('reasons, in order: %s', (_, firearm, over, expected) => {
    expect(codes(query('ABC123', firearm), sale(over))).toEqual(expected);
  });

  it('says what the sale was when it differs, and how many characters a partial read', () => {
    const r = scoreCandidate(
      query('ABC12*', { type: 'rifle', model: '17', caliber: '.45' }),
      sale(),
    )!;
    expect(r.reasons).toEqual([
      { code: 'serial_partial', params: { legible: 5 } },
      { code: 'type_differs', params: { sold: 'pistol' } },
      { code: 'model_differs', params: { sold: '19' } },
      { code: 'caliber_differs', params: { sold: '9' } },
    ]);
  });

  it.each<[string, string, string | undefined, string, number]>([
    ['Glock', 'the maker’s importer', 'Glock Inc.', 'Glock Inc.', 11],
    ['Glock', 'written differently', 'GLOCK, INC.', 'Glock Inc.', 11],
    ['Glock', 'not an importer of the maker', 'Beretta USA', 'Glock Inc.', 10],
    ['Glock', 'no importer on the request', undefined, 'Glock Inc.', 10],
    ['Glock', 'blank importer on the request', '', 'Glock Inc.', 10],
    ['Glock', 'no importer on the sale', 'Glock Inc.', '', 10],
    ['FN Herstal', 'one of two importers', 'FNH USA', 'FNH USA', 11],
    ['Colt', 'the same mark on both', 'Colt', 'Colt', 11],
  ])('importer, %s: %s', (makerName, _, importer, sold, score) => {
    const q = query('ABC123', importer === undefined ? {} : { importer }, makerName);
    expect(scoreCandidate(q, sale({ importer: sold }))?.score).toBe(score);
  });

  /*
   * The importer marks are compared with each other: a Glock recovered with the Glock Inc. mark
   * does not "agree" with a sale recorded as imported by someone else.
   */
  it.each<[string, string, string]>([
    ['Glock', 'Glock Inc.', 'Beretta USA'],
    ['Beretta', 'Beretta USA', 'Taurus International'],
  ])(
    '%s with importer %j does not agree with a sale imported by %j',
    (makerName, importer, sold) => {
      const q = query('ABC123', { importer }, makerName);
      expect(codes(q, sale({ importer: sold }))).toEqual(['serial_exact']);
    },
  );
});

describe('rankCandidates', () => {
  it('keeps only the sales that fit, best first', () => {
    const sales = [
      sale({ firearmId: 'a', serialKey: 'ABC999' }),
      sale({ firearmId: 'b', model: '17' }),
      sale({ firearmId: 'c' }),
      sale({ firearmId: 'd', saleDate: '2025-01-01' }),
      sale({ firearmId: 'e', type: 'rifle' }),
    ];
    const ranked = rankCandidates(query('ABC123', { type: 'pistol', model: '19' }), sales);
    expect(ranked.map((r) => [r.candidate.firearmId, r.score])).toEqual([
      ['c', 14],
      ['b', 9],
      ['e', 4],
    ]);
  });

  it.each<[string, Partial<SaleCandidate>[], string[]]>([
    [
      'same score: the sale nearest before the recovery first',
      [
        { firearmId: 'a', saleDate: '2020-01-01' },
        { firearmId: 'b', saleDate: '2024-06-01' },
        { firearmId: 'c', saleDate: '2022-05-05' },
      ],
      ['b', 'c', 'a'],
    ],
    [
      'same score and date: by firearm id',
      [
        { firearmId: 'f-3', saleDate: '2023-01-01' },
        { firearmId: 'f-1', saleDate: '2023-01-01' },
        { firearmId: 'f-2', saleDate: '2023-01-01' },
      ],
      ['f-1', 'f-2', 'f-3'],
    ],
    [
      'score before date, date before id',
      [
        { firearmId: 'a', saleDate: '2024-06-10', model: '17' },
        { firearmId: 'z', saleDate: '2021-01-01' },
        { firearmId: 'b', saleDate: '2021-01-01' },
        { firearmId: 'y', saleDate: '2022-01-01' },
      ],
      ['y', 'b', 'z', 'a'],
    ],
  ])('%s', (_, overs, order) => {
    const ranked = rankCandidates(
      query('ABC123', { model: '19' }),
      overs.map((o) => sale(o)),
    );
    expect(ranked.map((r) => r.candidate.firearmId)).toEqual(order);
  });

  it('is empty when no sale fits', () => {
    expect(rankCandidates(query('ZZZ999'), [sale(), sale({ firearmId: 'f-2' })])).toEqual([]);
    expect(rankCandidates(query('ABC123'), [])).toEqual([]);
  });

  it('gives the same order whatever order the sales come in', () => {
    const sales = fc.uniqueArray(
      fc.record({
        firearmId: fc.stringMatching(/^f-[0-9a-f]{1,3}$/u),
        serialKey: fc.constantFrom('ABC123', 'ABC124', 'ABD123', 'XBC123'),
        saleDate: fc.constantFrom('2019-02-03', '2021-07-08', '2024-06-15', '2024-06-20'),
        model: fc.constantFrom('19', '17', ''),
        type: fc.constantFrom('pistol', 'rifle', ''),
        caliber: fc.constantFrom('9mm', '.45 ACP', ''),
      }),
      { selector: (s) => s.firearmId, maxLength: 12 },
    );
    fc.assert(
      fc.property(
        sales,
        fc.constantFrom('ABC123', 'ABC12*', '*BC123', 'AB??23'),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (overs, serial, noise) => {
          const q = query(serial, { type: 'pistol', model: '19', caliber: '9mm' });
          const input = overs.map((o) => sale(o));
          const shuffled = input
            .map((s) => ({ s, k: noise.next().value }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.s);
          const ids = (xs: readonly SaleCandidate[]) =>
            rankCandidates(q, xs).map((r) => r.candidate.firearmId);
          expect(ids(shuffled)).toEqual(ids(input));
          expect(ids([...input].reverse())).toEqual(ids(input));
        },
      ),
    );
  });
});
