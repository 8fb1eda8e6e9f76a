import { describe, expect, it } from 'vitest';
import { deriveCaption, MAX_CAPTION_LENGTH } from './caption.js';
import { getSchema } from './schemas.js';

function caption(schema: string, properties: Record<string, string[]>): string {
  return deriveCaption(getSchema(schema)!, properties);
}

describe('deriveCaption', () => {
  it('prefers the name of a person, then first and last name', () => {
    expect(caption('Person', { name: ['Genaro Ramírez Lozano'], firstName: ['G'] })).toBe(
      'Genaro Ramírez Lozano',
    );
    expect(caption('Person', { firstName: ['María Guadalupe'], lastName: ['Ortiz Peña'] })).toBe(
      'María Guadalupe Ortiz Peña',
    );
    expect(caption('Person', { lastName: ['Tremblay'] })).toBe('Tremblay');
  });

  it('joins make, model and serial for firearms', () => {
    expect(caption('Firearm', { make: ['Colt'], model: ['M4'], serialNumber: ['LW123'] })).toBe(
      'Colt M4 LW123',
    );
    expect(caption('Firearm', { serialNumber: ['LW123'] })).toBe('LW123');
  });

  it('joins street and city with a comma for addresses', () => {
    expect(caption('Address', { street: ['Av. Revolución 1234'], city: ['Tijuana'] })).toBe(
      'Av. Revolución 1234, Tijuana',
    );
    expect(caption('Address', { full: ['Av. Revolución 1234, Zona Centro, Tijuana, B.C.'] })).toBe(
      'Av. Revolución 1234, Zona Centro, Tijuana, B.C.',
    );
  });

  it('describes a seizure by what was seized', () => {
    expect(caption('Seizure', { quantity: ['3000 pills'], drug: ['fentanyl pills'] })).toBe(
      '3000 pills fentanyl pills',
    );
  });

  it('falls back to the schema label', () => {
    expect(caption('Seizure', {})).toBe('Seizure');
    expect(caption('Call', {})).toBe('Call');
  });

  it('shortens long captions to one line', () => {
    const text = `${'palabra '.repeat(100)}\nfin`;
    const c = caption('Commitment', { text: [text] });
    expect([...c].length).toBe(MAX_CAPTION_LENGTH);
    expect(c.endsWith('…')).toBe(true);
    expect(c).not.toContain('\n');
  });
});
