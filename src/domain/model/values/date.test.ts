import { describe, expect, it } from 'vitest';
import { normaliseDate, toDay } from './date.js';

function accepted(raw: string): string | undefined {
  const r = normaliseDate(raw);
  return r.ok ? r.value : undefined;
}

describe('normaliseDate', () => {
  it.each([
    ['2024', '2024'],
    ['2024-03', '2024-03'],
    ['2024-03-15', '2024-03-15'],
    [' 2024-03-15 ', '2024-03-15'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2024-03-15T10:30', '2024-03-15T10:30'],
    ['2024-03-15T10:30:05', '2024-03-15T10:30:05'],
    ['2024-03-15T10:30:05.123Z', '2024-03-15T10:30:05.123Z'],
    ['2024-03-15T23:59:59-06:00', '2024-03-15T23:59:59-06:00'],
    ['2024-03-15t10:30z', '2024-03-15T10:30Z'],
    ['1000-01-01', '1000-01-01'],
    ['2999-12-31', '2999-12-31'],
  ])('accepts %s', (raw, value) => {
    expect(accepted(raw)).toBe(value);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13',
    '2024-00',
    '2024-01-00',
    '0999',
    '3000-01-01',
    '24-03-15',
    '2024/03/15',
    '15/03/2024',
    '2024-3-5',
    '2024-03-15T24:00',
    '2024-03-15T10:60',
    '2024-03-15T10:30:60',
    '2024-03-15T10:30+15:00',
    '2024-03-15T10:30+0600',
    '2024-03-15 10:30',
    '2024-03-15T',
    'yesterday',
    '',
  ])('rejects %s', (raw) => {
    const r = normaliseDate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('invalid_date');
      expect(r.expected).toContain('YYYY-MM-DD');
    }
  });
});

describe('toDay', () => {
  it('pads partial dates to their first day', () => {
    expect(toDay('2024')).toBe('2024-01-01');
    expect(toDay('2024-07')).toBe('2024-07-01');
    expect(toDay('2024-07-09')).toBe('2024-07-09');
  });

  it('keeps the day of a date-time as written', () => {
    expect(toDay('2024-07-09T23:30-06:00')).toBe('2024-07-09');
  });
});
