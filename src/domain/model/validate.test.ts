import { describe, expect, it } from 'vitest';
import { MAX_VALUES_PER_PROPERTY, validateProperties } from './validate.js';

describe('validateProperties', () => {
  it('normalises, de-duplicates, drops empty lists and sorts keys', () => {
    const r = validateProperties('Person', {
      nationality: ['mx', 'MEX', 'us'],
      name: ['  María Guadalupe  Ortiz Peña ', 'María Guadalupe Ortiz Peña'],
      birthDate: '1985-07-12',
      alias: [],
      weakAlias: ['', '  '],
      gender: ['Female'],
    });
    expect(r).toEqual({
      ok: true,
      properties: {
        birthDate: ['1985-07-12'],
        gender: ['female'],
        name: ['María Guadalupe Ortiz Peña'],
        nationality: ['MX', 'US'],
      },
    });
    if (r.ok)
      expect(Object.keys(r.properties)).toEqual(['birthDate', 'gender', 'name', 'nationality']);
  });

  it('accepts 2024-02-29 and rejects 2024-02-30', () => {
    expect(validateProperties('Seizure', { date: ['2024-02-29'] }).ok).toBe(true);
    const r = validateProperties('Seizure', { date: ['2024-02-30'] });
    expect(r).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          code: 'invalid_date',
          property: 'date',
          value: '2024-02-30',
          index: 0,
        }),
      ],
    });
  });

  it('normalises seizure quantities and drugs', () => {
    expect(
      validateProperties('Seizure', {
        drug: 'Fentanyl Pills',
        quantity: ['3,000 pastillas'],
        country: 'us',
        portOfEntry: 'San Ysidro',
      }),
    ).toEqual({
      ok: true,
      properties: {
        country: ['US'],
        drug: ['fentanyl pills'],
        portOfEntry: ['San Ysidro'],
        quantity: ['3000 pills'],
      },
    });
  });

  it('reports an unknown schema', () => {
    const r = validateProperties('Spaceship', {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        expect.objectContaining({ code: 'unknown_schema', value: 'Spaceship' }),
      ]);
      expect(r.errors[0]!.expected).toContain('Person');
    }
  });

  it('refuses abstract schemas', () => {
    for (const name of ['Thing', 'LegalEntity']) {
      const r = validateProperties(name, { name: ['x'] });
      expect(r).toMatchObject({ ok: false, errors: [{ code: 'abstract_schema', value: name }] });
    }
  });

  it('reports unknown properties with a hint', () => {
    const r = validateProperties('Person', { birthdate: ['1980'], shoeSize: ['44'] });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          code: 'unknown_property',
          property: 'birthdate',
          expected: 'a property of Person; did you mean birthDate?',
        },
        { code: 'unknown_property', property: 'shoeSize', expected: 'a property of Person' },
      ],
    });
  });

  it('does not treat prototype names as properties', () => {
    const input = JSON.parse('{"__proto__": ["x"], "constructor": ["y"]}');
    const r = validateProperties('Person', input);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.code)).toEqual(['unknown_property', 'unknown_property']);
  });

  it('returns every error, with the index of each bad value', () => {
    const r = validateProperties('Address', {
      country: ['mx', 'ZZZ'],
      latitude: ['19.43', '200'],
      longitude: 'west',
      city: [42],
      street: { a: 1 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        expect.objectContaining({ code: 'not_a_string', property: 'city', index: 0 }),
        expect.objectContaining({
          code: 'invalid_country',
          property: 'country',
          value: 'ZZZ',
          index: 1,
        }),
        expect.objectContaining({
          code: 'out_of_range',
          property: 'latitude',
          value: '200',
          index: 1,
        }),
        expect.objectContaining({
          code: 'invalid_number',
          property: 'longitude',
          value: 'west',
          index: 0,
        }),
        expect.objectContaining({ code: 'not_a_list', property: 'street' }),
      ]);
    }
  });

  it('refuses input that is not an object', () => {
    for (const input of [null, undefined, 'x', 3, ['name']]) {
      expect(validateProperties('Person', input)).toMatchObject({
        ok: false,
        errors: [{ code: 'not_an_object' }],
      });
    }
  });

  it('limits the number of values per property', () => {
    const many = Array.from({ length: MAX_VALUES_PER_PROPERTY + 1 }, (_, i) => `alias ${i}`);
    expect(validateProperties('Person', { alias: many.slice(0, -1) }).ok).toBe(true);
    expect(validateProperties('Person', { alias: many })).toMatchObject({
      ok: false,
      errors: [{ code: 'too_many_values', property: 'alias' }],
    });
  });

  it('shortens very long offending values in errors', () => {
    const r = validateProperties('Person', { birthDate: ['x'.repeat(1000)] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.value!.length).toBeLessThanOrEqual(201);
  });

  it('accepts an empty property map', () => {
    expect(validateProperties('Firearm', {})).toEqual({ ok: true, properties: {} });
  });

  it('validates a firearm, a call and a commitment', () => {
    expect(
      validateProperties('Firearm', {
        make: 'Colt',
        type: 'Rifle',
        serialNumber: ' LW  123456 ',
        countryOfManufacture: 'usa',
        obliterated: 'Partial',
      }),
    ).toEqual({
      ok: true,
      properties: {
        countryOfManufacture: ['US'],
        make: ['Colt'],
        obliterated: ['partial'],
        serialNumber: ['LW 123456'],
        type: ['rifle'],
      },
    });
    expect(
      validateProperties('Call', {
        date: '2024-05-01T22:15:00-07:00',
        duration: '125',
        callerNumber: '+52 664 123 4567',
        receiverNumber: '(619) 555-0142',
      }),
    ).toMatchObject({ ok: true, properties: { callerNumber: ['+526641234567'] } });
    expect(
      validateProperties('Commitment', {
        status: 'On Track',
        leadCountry: 'mx',
        partnerCountries: ['us', 'ca'],
      }),
    ).toMatchObject({
      ok: true,
      properties: { status: ['on track'], partnerCountries: ['US', 'CA'] },
    });
  });
});
