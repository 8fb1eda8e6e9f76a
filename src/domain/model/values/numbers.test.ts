import { describe, expect, it } from 'vitest';
import { normaliseInteger, normaliseNumber } from './numbers.js';

describe('normaliseNumber', () => {
  it.each([
    ['12.5', '12.5'],
    ['12.50', '12.5'],
    ['012', '12'],
    ['-99.1332', '-99.1332'],
    ['+3', '3'],
    ['-0', '0'],
    ['0.000', '0'],
    ['2,5', '2.5'],
    ['19.432', '19.432'],
    ['0,125', '0.125'],
    [' 7 ', '7'],
  ])('%s -> %s', (raw, value) => {
    expect(normaliseNumber(raw)).toEqual({ ok: true, value });
  });

  it('refuses a lone comma before three digits as ambiguous', () => {
    expect(normaliseNumber('1,500')).toMatchObject({ ok: false, code: 'ambiguous_number' });
  });

  it.each(['', 'abc', '1e3', '1.2.3', '12.', '.5', '1,000,000', 'NaN', 'Infinity', '--1'])(
    'rejects %s',
    (raw) => {
      expect(normaliseNumber(raw)).toMatchObject({ ok: false, code: 'invalid_number' });
    },
  );
});

describe('normaliseInteger', () => {
  it.each([
    ['42', '42'],
    ['0', '0'],
    ['007', '7'],
    ['3,000', '3000'],
    ['1.500', '1500'],
    ['1 000 000', '1000000'],
    ['1,000,000', '1000000'],
  ])('%s -> %s', (raw, value) => {
    expect(normaliseInteger(raw)).toEqual({ ok: true, value });
  });

  it.each(['-1', '2.5', '1,5', 'ten', '', '1234567890123456'])('rejects %s', (raw) => {
    expect(normaliseInteger(raw)).toMatchObject({ ok: false, code: 'invalid_integer' });
  });
});
