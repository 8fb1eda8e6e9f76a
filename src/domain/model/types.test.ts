import { describe, expect, it } from 'vitest';
import { normaliseValue, PROPERTY_TYPES, type TypeName } from './types.js';

describe('normaliseValue', () => {
  it('dispatches on the property type', () => {
    expect(normaliseValue({ name: 'country', type: 'country' }, 'mx')).toEqual({
      ok: true,
      value: 'MX',
    });
    expect(normaliseValue({ name: 'quantity', type: 'quantity' }, '2,5 kg')).toEqual({
      ok: true,
      value: '2.5 kg',
    });
  });

  it('uses the options of enum properties', () => {
    const def = { name: 'gender', type: 'enum', enum: ['male', 'female', 'other'] } as const;
    expect(normaliseValue(def, 'Female')).toEqual({ ok: true, value: 'female' });
    expect(normaliseValue(def, 'f')).toMatchObject({ ok: false, code: 'invalid_choice' });
  });

  it('checks numeric bounds', () => {
    const def = { name: 'latitude', type: 'number', min: -90, max: 90 } as const;
    expect(normaliseValue(def, '19.4326')).toEqual({ ok: true, value: '19.4326' });
    expect(normaliseValue(def, '-90')).toEqual({ ok: true, value: '-90' });
    expect(normaliseValue(def, '91')).toMatchObject({
      ok: false,
      code: 'out_of_range',
      expected: 'a number from -90 to 90',
    });
  });

  it('has a validator and a description for every type', () => {
    for (const [name, type] of Object.entries(PROPERTY_TYPES)) {
      expect(type.name).toBe(name as TypeName);
      expect(type.description.length).toBeGreaterThan(0);
      const r = type.normalise('\u0000');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toMatch(/^[a-z_]+$/);
        expect(r.expected.length).toBeGreaterThan(0);
      }
    }
  });
});
