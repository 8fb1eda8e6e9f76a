import { describe, expect, it } from 'vitest';
import { deriveIndexFields, TEXT_TERMS_LIMIT } from './index-fields.js';
import { validateProperties } from './validate.js';

function fieldsOf(schema: string, input: Record<string, unknown>) {
  const r = validateProperties(schema, input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return deriveIndexFields(schema, r.properties);
}

describe('deriveIndexFields', () => {
  it('derives caption, countries and terms for a person', () => {
    const f = fieldsOf('Person', {
      name: ['María Guadalupe Ortiz Peña'],
      alias: ['La Güera'],
      nationality: ['mx'],
      citizenship: ['us', 'MX'],
      curp: ['OIPG850712MBCRXD09'],
      birthDate: ['1985-07-12'],
      gender: ['female'],
    });
    expect(f.caption).toBe('María Guadalupe Ortiz Peña');
    expect(f.eventDate).toBeNull();
    expect(f.countries).toEqual(['MX', 'US']);
    expect(f.terms).toEqual(
      expect.arrayContaining([
        'maria',
        'guadalupe',
        'ortiz',
        'pena',
        'guera',
        'oipg850712mbcrxd09',
      ]),
    );
    expect(f.terms).not.toContain('1985');
    expect(f.terms).not.toContain('mx');
  });

  it('pads partial event dates and truncates date-times to the day', () => {
    expect(fieldsOf('Seizure', { date: '2024' }).eventDate).toBe('2024-01-01');
    expect(fieldsOf('Seizure', { date: '2024-03' }).eventDate).toBe('2024-03-01');
    expect(fieldsOf('Call', { date: '2024-03-09T23:10-07:00' }).eventDate).toBe('2024-03-09');
    expect(fieldsOf('Commitment', { dueDate: '2025-06-30' }).eventDate).toBe('2025-06-30');
    expect(fieldsOf('Seizure', {}).eventDate).toBeNull();
  });

  it('indexes identifiers with and without separators, and phone numbers', () => {
    const f = fieldsOf('Seizure', {
      caseNumber: 'FGR/BC/TIJ-123 45',
      conveyance: 'Tractor trailer, plate AB-12-345',
      country: 'MEX',
    });
    expect(f.countries).toEqual(['MX']);
    expect(f.terms).toEqual(expect.arrayContaining(['fgr', 'tij', 'fgrbctij12345', 'ab12345']));
    const phone = fieldsOf('Phone', { number: '+52 664 123 4567' });
    expect(phone.terms).toContain('526641234567');
    expect(phone.caption).toBe('+526641234567');
  });

  it('includes enum values but not quantities or urls', () => {
    const f = fieldsOf('Seizure', {
      drug: 'fentanyl pills',
      quantity: '3000 pills',
      sourceUrl: 'https://example.org/report',
    });
    expect(f.terms).toEqual(['fentanyl', 'pills']);
  });

  it('caps each long text to its beginning without cutting a word', () => {
    const filler = 'lorem '.repeat(Math.ceil(TEXT_TERMS_LIMIT / 6));
    const head = filler.slice(0, TEXT_TERMS_LIMIT - 3);
    const f = fieldsOf('Document', { bodyText: `${head}abcdef tail-marker` });
    expect(f.terms).toContain('lorem');
    expect(f.terms).not.toContain('abc');
    expect(f.terms).not.toContain('abcdef');
    expect(f.terms).not.toContain('marker');
  });

  it('collects every country-typed property', () => {
    const f = fieldsOf('Commitment', {
      name: 'Precursor import controls',
      leadCountry: 'ca',
      partnerCountries: ['MEX', 'usa'],
    });
    expect(f.countries).toEqual(['CA', 'MX', 'US']);
  });

  it('throws for an unknown schema', () => {
    expect(() => deriveIndexFields('Nope', {})).toThrow(/unknown schema/);
  });
});
