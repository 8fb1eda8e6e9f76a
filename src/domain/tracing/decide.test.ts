import { describe, expect, it } from 'vitest';
import { rankCandidates } from './candidates.js';
import { decideTrace, MAX_UNREAD } from './decide.js';
import { MAKERS } from './makers.js';
import { readSerial, type SerialReading } from './serial.js';
import type { FirearmDescription, RankedCandidate, Reason, SaleCandidate } from './types.js';

const maker = (name: string) => MAKERS.find((m) => m.name === name)!;

const sale = (firearmId: string, over: Partial<SaleCandidate> = {}): SaleCandidate => ({
  firearmId,
  saleId: `s-${firearmId}`,
  soldLinkId: 'l-1',
  purchaseLinkId: null,
  buyerId: null,
  maker: 'Colt',
  serialKey: 'ABC123',
  model: 'AR-15',
  type: 'rifle',
  caliber: '5.56x45mm',
  importer: '',
  saleDate: '2023-03-01',
  dealerName: 'Border Arms',
  dealerLicense: '5-74-000-01-0A-00002',
  dealerState: 'AZ',
  country: 'US',
  multipleSale: false,
  ...over,
});

const ranked = (id: string, score: number, ...codes: string[]): RankedCandidate => ({
  candidate: sale(id),
  score,
  reasons: codes.map((code): Reason => ({ code })),
});

const FULL: SerialReading = { kind: 'full', key: 'ABC123' };
const PARTIAL: SerialReading = { kind: 'partial', pattern: 'ABC1%', known: 4 };
const OBLITERATED: SerialReading = { kind: 'obliterated' };

const firearm = (over: Partial<FirearmDescription> = {}): FirearmDescription => ({
  make: 'Colt',
  ...over,
});

describe('decideTrace', () => {
  it.each<[string, string, SerialReading, Partial<FirearmDescription>, RankedCandidate[]]>([
    ['no candidates', 'Colt', OBLITERATED, {}, []],
    ['even with candidates', 'Colt', OBLITERATED, {}, [ranked('a', 20, 'serial_exact')]],
    ['before the foreign maker check', 'Glock', OBLITERATED, {}, []],
  ])('obliterated serial, %s -> serial_obliterated', (_, name, reading, f, list) => {
    expect(decideTrace(maker(name), reading, firearm(f), list)).toEqual({
      status: 'serial_obliterated',
      reason: { code: 'serial_obliterated' },
      chosen: null,
    });
  });

  it.each<[string, string, SerialReading, Partial<FirearmDescription>]>([
    ['foreign maker, no importer', 'Glock', FULL, {}],
    ['foreign maker, blank importer', 'Glock', FULL, { importer: '   ' }],
    ['foreign maker, partial serial', 'Norinco', PARTIAL, {}],
    ['US maker, made abroad', 'Colt', FULL, { countryOfManufacture: 'MX' }],
    ['Romanian rifle', 'Century Arms', FULL, {}],
    ['Brazilian rifle', 'IMBEL', FULL, { importer: '' }],
  ])('%s, no sale -> not_traceable', (_, name, reading, f) => {
    expect(decideTrace(maker(name), reading, firearm(f), [])).toEqual({
      status: 'not_traceable',
      reason: { code: 'foreign_without_importer', params: { maker: name } },
      chosen: null,
    });
  });

  it.each<[string, string, SerialReading, Partial<FirearmDescription>, string]>([
    ['US maker, full serial', 'Colt', FULL, {}, 'no_sale_record'],
    ['US maker, partial serial', 'Ruger', PARTIAL, {}, 'no_sale_fits_partial'],
    ['foreign maker with importer', 'Glock', FULL, { importer: 'Glock Inc.' }, 'no_sale_record'],
    [
      'foreign maker with importer, partial',
      'Glock',
      PARTIAL,
      { importer: 'Glock Inc.' },
      'no_sale_fits_partial',
    ],
    [
      'foreign maker, made in the US',
      'Glock',
      FULL,
      { countryOfManufacture: 'US' },
      'no_sale_record',
    ],
    [
      'US maker, country given as US',
      'Colt',
      PARTIAL,
      { countryOfManufacture: 'US' },
      'no_sale_fits_partial',
    ],
  ])('%s, no sale -> no_record_found (%s)', (_, name, reading, f, code) => {
    expect(decideTrace(maker(name), reading, firearm(f), [])).toEqual({
      status: 'no_record_found',
      reason: { code },
      chosen: null,
    });
  });

  it.each<[string, SerialReading, RankedCandidate[]]>([
    ['one full-serial sale', FULL, [ranked('a', 10, 'serial_exact')]],
    ['full, ahead by 1', FULL, [ranked('a', 12, 'type_agrees'), ranked('b', 11)]],
    ['full, far ahead', FULL, [ranked('a', 16), ranked('b', 2, 'type_differs')]],
    ['one partial sale', PARTIAL, [ranked('a', 4, 'serial_partial')]],
    ['partial, ahead by 3', PARTIAL, [ranked('a', 8), ranked('b', 5)]],
    ['partial, ahead by 6', PARTIAL, [ranked('a', 10), ranked('b', 4), ranked('c', 4)]],
    // Only the best is checked for contradictions.
    ['the runner-up contradicts', FULL, [ranked('a', 12), ranked('b', 2, 'model_differs')]],
  ])('clear winner, %s -> completed', (_, reading, list) => {
    expect(decideTrace(maker('Colt'), reading, firearm(), list)).toEqual({
      status: 'completed',
      reason: { code: 'sale_found' },
      chosen: list[0],
    });
  });

  it('completes a foreign gun without an importer mark when a sale fits', () => {
    const list = [ranked('a', 10, 'serial_exact')];
    expect(decideTrace(maker('Glock'), FULL, firearm(), list).status).toBe('completed');
  });

  it.each<[string, SerialReading, RankedCandidate[]]>([
    ['full, tied', FULL, [ranked('a', 10), ranked('b', 10)]],
    ['full, three tied', FULL, [ranked('a', 12), ranked('b', 12), ranked('c', 12)]],
    ['partial, ahead by 2', PARTIAL, [ranked('a', 7), ranked('b', 5)]],
    ['partial, ahead by 1', PARTIAL, [ranked('a', 5), ranked('b', 4), ranked('c', 1)]],
    ['partial, tied', PARTIAL, [ranked('a', 4), ranked('b', 4)]],
    // The best sale contradicts the request, even alone or far ahead.
    ['alone, type differs', FULL, [ranked('a', 2, 'serial_exact', 'type_differs')]],
    ['alone, model differs', FULL, [ranked('a', 7, 'model_differs')]],
    ['alone, caliber differs', PARTIAL, [ranked('a', 1, 'caliber_differs')]],
    ['far ahead, caliber differs', FULL, [ranked('a', 14, 'caliber_differs'), ranked('b', 2)]],
    ['agrees on type, model differs', FULL, [ranked('a', 9, 'type_agrees', 'model_differs')]],
  ])('%s -> in_progress', (_, reading, list) => {
    expect(decideTrace(maker('Colt'), reading, firearm(), list)).toEqual({
      status: 'in_progress',
      reason: { code: 'candidates_to_review', params: { candidates: list.length } },
      chosen: null,
    });
  });

  it.each<[string, string, string]>([
    ['ABC123', 'completed', 'sale_found'],
    // PARTIAL reads 4 characters: MAX_UNREAD of the sale's serial may be unread, not one more.
    ['ABC1234', 'completed', 'sale_found'],
    ['ABC12345', 'in_progress', 'partial_too_vague'],
    ['ABC123456789', 'in_progress', 'partial_too_vague'],
  ])('a partial serial alone on sale %s -> %s', (serialKey, status, code) => {
    const only: RankedCandidate = { ...ranked('a', 10), candidate: sale('a', { serialKey }) };
    const d = decideTrace(maker('Colt'), PARTIAL, firearm(), [only]);
    expect(d.status).toBe(status);
    expect(d.reason.code).toBe(code);
    expect(d.chosen).toBe(status === 'completed' ? only : null);
    if (code === 'partial_too_vague')
      expect(d.reason.params).toEqual({ legible: 4, length: serialKey.length });
  });

  it('names no sale on a vague partial serial even when it is far ahead of the others', () => {
    const best: RankedCandidate = {
      ...ranked('a', 12),
      candidate: sale('a', { serialKey: `ABC1${'9'.repeat(MAX_UNREAD + 1)}` }),
    };
    expect(decideTrace(maker('Colt'), PARTIAL, firearm(), [best, ranked('b', 2)]).status).toBe(
      'in_progress',
    );
  });

  it.each<[string, Partial<FirearmDescription>, SaleCandidate[], string, string | null]>([
    ['the one sale of the serial', { type: 'rifle' }, [sale('a')], 'completed', 'a'],
    [
      'a rifle recovered, a pistol sold',
      { type: 'rifle' },
      [sale('a', { type: 'pistol' })],
      'in_progress',
      null,
    ],
    [
      'the model tells two sales apart',
      { model: 'AR15' },
      [sale('a', { model: 'M4' }), sale('b')],
      'completed',
      'b',
    ],
    ['two sales of the same serial', {}, [sale('a'), sale('b')], 'in_progress', null],
    [
      'sold only after the recovery',
      {},
      [sale('a', { saleDate: '2025-01-01' })],
      'no_record_found',
      null,
    ],
  ])('with rankCandidates: %s -> %s', (_, f, sales, status, chosen) => {
    const reading = readSerial('ABC-123');
    if (reading.kind !== 'full') throw new Error('expected a full reading');
    const q = {
      maker: maker('Colt'),
      serial: reading,
      firearm: firearm(f),
      recoveredOn: '2024-06-15',
    };
    const d = decideTrace(q.maker, reading, q.firearm, rankCandidates(q, sales));
    expect(d.status).toBe(status);
    expect(d.chosen?.candidate.firearmId ?? null).toBe(chosen);
  });
});
