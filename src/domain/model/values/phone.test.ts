import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone.js';

describe('normalisePhone', () => {
  it.each([
    ['+52 55 1234 5678', '+525512345678'],
    ['0052 55 1234 5678', '+525512345678'],
    ['+1 (619) 555-0142', '+16195550142'],
    ['619.555.0142', '6195550142'],
    ['55-1234-5678', '5512345678'],
    ['1234567', '1234567'],
  ])('%s -> %s', (raw, value) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, value });
  });

  it.each([
    '123456',
    '+1234567890123456',
    'call me',
    '+52 55 1234 5678 ext 2',
    '',
    '++52123456789',
  ])('rejects %s', (raw) => {
    expect(normalisePhone(raw)).toMatchObject({ ok: false, code: 'invalid_phone' });
  });
});
