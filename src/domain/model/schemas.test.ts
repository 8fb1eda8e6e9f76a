import { describe, expect, it } from 'vitest';
import type { SchemaDef } from './schema-defs.js';
import { getSchema, isA, resolveSchemas, SCHEMA_NAMES, SCHEMAS } from './schemas.js';

describe('schema registry', () => {
  it('lists only concrete schemas in SCHEMA_NAMES', () => {
    expect(SCHEMA_NAMES).not.toContain('Thing');
    expect(SCHEMA_NAMES).not.toContain('LegalEntity');
    expect([...SCHEMA_NAMES].sort()).toEqual(
      [
        'Address',
        'Call',
        'Commitment',
        'Company',
        'Document',
        'Firearm',
        'Meeting',
        'Organization',
        'Person',
        'Phone',
        'Recovery',
        'Sale',
        'Seizure',
        'Smuggling',
        'Vehicle',
      ].sort(),
    );
  });

  it('resolves inherited properties', () => {
    const company = getSchema('Company')!;
    expect(company.ancestors).toEqual(['Company', 'Organization', 'LegalEntity', 'Thing']);
    expect(company.properties.name?.type).toBe('name');
    expect(company.properties.taxNumber?.type).toBe('identifier');
    expect(company.properties.capital?.type).toBe('string');
    expect(isA('Company', 'LegalEntity')).toBe(true);
    expect(isA('Firearm', 'LegalEntity')).toBe(false);
    expect(isA('Nope', 'Thing')).toBe(false);
  });

  it('uses FtM-style names and types for a Person', () => {
    const person = getSchema('Person')!;
    expect(person.properties.birthDate?.type).toBe('date');
    expect(person.properties.nationality?.type).toBe('country');
    expect(person.properties.curp?.type).toBe('identifier');
    expect(person.properties.gender?.enum).toEqual(['male', 'female', 'other']);
    expect(person.caption.slice(0, 2)).toEqual(['name', { join: ['firstName', 'lastName'] }]);
  });

  it('gives events an event date', () => {
    for (const name of [
      'Sale',
      'Recovery',
      'Seizure',
      'Smuggling',
      'Call',
      'Document',
      'Meeting',
    ]) {
      expect(getSchema(name)!.eventDate).toBe('date');
    }
    expect(getSchema('Commitment')!.eventDate).toBe('dueDate');
    expect(getSchema('Person')!.eventDate).toBeNull();
  });

  it('does not resolve property names through the prototype chain', () => {
    expect(getSchema('Person')!.properties['constructor']).toBeUndefined();
    expect(getSchema('Person')!.properties['__proto__']).toBeUndefined();
  });

  it('declares enum options for every enum property', () => {
    for (const schema of SCHEMAS.values()) {
      for (const def of Object.values(schema.properties)) {
        if (def.type === 'enum') expect(def.enum?.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('resolveSchemas', () => {
  const base: SchemaDef = {
    name: 'Base',
    label: 'Base',
    abstract: true,
    properties: [{ name: 'name', type: 'name' }],
    caption: ['name'],
  };

  it('refuses a redefinition with another type', () => {
    expect(() =>
      resolveSchemas([
        base,
        {
          name: 'Sub',
          label: 'Sub',
          extends: 'Base',
          properties: [{ name: 'name', type: 'date' }],
        },
      ]),
    ).toThrow(/redefines/);
  });

  it('refuses unknown parents, cycles and bad captions', () => {
    expect(() =>
      resolveSchemas([{ name: 'A', label: 'A', extends: 'Missing', properties: [] }]),
    ).toThrow(/unknown schema Missing/);
    expect(() =>
      resolveSchemas([
        { name: 'A', label: 'A', extends: 'B', properties: [] },
        { name: 'B', label: 'B', extends: 'A', properties: [] },
      ]),
    ).toThrow(/cycle/);
    expect(() =>
      resolveSchemas([{ name: 'A', label: 'A', properties: [], caption: ['nope'] }]),
    ).toThrow(/caption/);
    expect(() =>
      resolveSchemas([
        { name: 'A', label: 'A', properties: [{ name: 'x', type: 'string' }], eventDate: 'x' },
      ]),
    ).toThrow(/eventDate/);
    expect(() =>
      resolveSchemas([{ name: 'A', label: 'A', properties: [{ name: 'x', type: 'enum' }] }]),
    ).toThrow(/options/);
  });

  it('inherits caption and event date', () => {
    const schemas = resolveSchemas([
      base,
      { name: 'Sub', label: 'Sub', extends: 'Base', properties: [] },
    ]);
    expect(schemas.get('Sub')!.caption).toEqual(['name']);
    expect(schemas.get('Sub')!.abstract).toBe(false);
  });
});
