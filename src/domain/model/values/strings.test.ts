import { describe, expect, it } from 'vitest';
import {
  normaliseIdentifier,
  normaliseName,
  normalisePlainString,
  normaliseText,
} from './strings.js';

describe('string types', () => {
  it('trims and NFC-normalises', () => {
    expect(normalisePlainString('  Jose\u0301  ')).toEqual({ ok: true, value: 'José' });
  });

  it('collapses spaces inside names but keeps line breaks in strings', () => {
    expect(normaliseName(' María   Guadalupe\tOrtiz ')).toEqual({
      ok: true,
      value: 'María Guadalupe Ortiz',
    });
    expect(normalisePlainString('Av. Juárez 10\nCol. Centro')).toEqual({
      ok: true,
      value: 'Av. Juárez 10\nCol. Centro',
    });
  });

  it('rejects empty values', () => {
    expect(normaliseName('   ')).toMatchObject({ ok: false, code: 'empty_value' });
  });

  it('enforces length limits in characters', () => {
    expect(normalisePlainString('é'.repeat(500)).ok).toBe(true);
    expect(normalisePlainString('x'.repeat(501))).toMatchObject({ ok: false, code: 'too_long' });
    expect(normaliseText('x'.repeat(100_000)).ok).toBe(true);
    expect(normaliseText('x'.repeat(100_001))).toMatchObject({ ok: false, code: 'too_long' });
    expect(normaliseIdentifier('x'.repeat(101))).toMatchObject({ ok: false, code: 'too_long' });
  });

  it('rejects control characters', () => {
    expect(normaliseName('a\u0000b')).toMatchObject({ ok: false, code: 'invalid_characters' });
    expect(normaliseText('a\u0007b')).toMatchObject({ ok: false, code: 'invalid_characters' });
    expect(normaliseText('line\nline').ok).toBe(true);
    expect(normaliseName('a\uD800b')).toMatchObject({ ok: false, code: 'invalid_characters' });
  });

  it('collapses identifier spacing and refuses invisible characters', () => {
    expect(normaliseIdentifier('  ABC-123   45 ')).toEqual({ ok: true, value: 'ABC-123 45' });
    expect(normaliseIdentifier('ABC\u200B123')).toMatchObject({
      ok: false,
      code: 'invalid_characters',
    });
    expect(normaliseIdentifier('ABC\n123')).toEqual({ ok: true, value: 'ABC 123' });
  });
});
