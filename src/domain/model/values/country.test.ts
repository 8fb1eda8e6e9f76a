import { describe, expect, it } from 'vitest';
import { ALPHA2_CODES, ALPHA3_TO_ALPHA2 } from './country-codes.js';
import { normaliseCountry } from './country.js';

describe('normaliseCountry', () => {
  it.each([
    ['mx', 'MX'],
    ['MX', 'MX'],
    [' us ', 'US'],
    ['Ca', 'CA'],
    ['MEX', 'MX'],
    ['usa', 'US'],
    ['CAN', 'CA'],
    ['GBR', 'GB'],
    ['xk', 'XK'],
  ])('%s -> %s', (raw, value) => {
    expect(normaliseCountry(raw)).toEqual({ ok: true, value });
  });

  it.each(['ZZZ', 'ZZ', 'UK', 'EU', 'XX', 'M', 'MEXICO', '', '12'])('rejects %s', (raw) => {
    const r = normaliseCountry(raw);
    expect(r).toMatchObject({ ok: false, code: 'invalid_country' });
  });
});

describe('country code table', () => {
  it('holds the 249 officially assigned codes plus XK', () => {
    expect(ALPHA2_CODES.size).toBe(250);
    expect(ALPHA3_TO_ALPHA2.size).toBe(250);
  });

  it('maps every alpha-3 onto a listed alpha-2', () => {
    for (const [a3, a2] of ALPHA3_TO_ALPHA2) {
      expect(a3).toMatch(/^[A-Z]{3}$/);
      expect(ALPHA2_CODES.has(a2)).toBe(true);
    }
  });

  it('agrees with the region names ICU knows', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of ALPHA2_CODES) expect(names.of(code)).not.toBe(code);
  });
});
