import { describe, expect, it } from 'vitest';
import { LINK_TYPE_DEFS } from './link-types.js';
import { allowsSchema, LINK_TYPE_NAMES, LINK_TYPES, validateLink } from './links.js';
import { SCHEMA_NAMES } from './schemas.js';

describe('LINK_TYPES', () => {
  it('holds the declared kinds', () => {
    expect(LINK_TYPE_NAMES).toEqual(LINK_TYPE_DEFS.map((d) => d.name));
    for (const name of [
      'member_of',
      'associate_of',
      'owns',
      'employs',
      'purchased',
      'sold_in',
      'recovered_in',
      'seized_in',
      'involved_in',
      'uses_phone',
      'located_at',
      'attended',
      'agreed_at',
      'responsible_for',
      'mentions',
    ]) {
      expect(LINK_TYPES.has(name)).toBe(true);
    }
  });

  it('accepts any concrete schema where the table says so', () => {
    const located = LINK_TYPES.get('located_at')!;
    const mentions = LINK_TYPES.get('mentions')!;
    for (const schema of SCHEMA_NAMES) {
      expect(allowsSchema(located.source, schema)).toBe(true);
      expect(allowsSchema(mentions.target, schema)).toBe(true);
    }
    expect(allowsSchema(mentions.target, 'Thing')).toBe(false);
    expect(allowsSchema(mentions.target, 'Unicorn')).toBe(false);
  });
});

describe('validateLink', () => {
  it('accepts a valid link and normalises its properties', () => {
    expect(
      validateLink('member_of', 'Person', 'Organization', {
        role: ' treasurer ',
        startDate: '2019',
        count: '1',
      }),
    ).toEqual({ ok: true, properties: { count: ['1'], role: ['treasurer'], startDate: ['2019'] } });
    expect(validateLink('member_of', 'Person', 'Company', {})).toEqual({
      ok: true,
      properties: {},
    });
    expect(validateLink('sold_in', 'Firearm', 'Sale', undefined)).toEqual({
      ok: true,
      properties: {},
    });
  });

  it('checks the source schema', () => {
    const r = validateLink('member_of', 'Firearm', 'Organization', {});
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          code: 'link_source_schema',
          value: 'Firearm',
          expected: 'a source of one of: Person',
        },
      ],
    });
  });

  it('checks the target schema', () => {
    expect(validateLink('sold_in', 'Firearm', 'Recovery', {})).toMatchObject({
      ok: false,
      errors: [{ code: 'link_target_schema', value: 'Recovery' }],
    });
    expect(validateLink('agreed_at', 'Commitment', 'Seizure', {})).toMatchObject({
      ok: false,
      errors: [{ code: 'link_target_schema' }],
    });
  });

  it('refuses abstract and unknown schemas at either end', () => {
    expect(validateLink('located_at', 'Thing', 'Address', {})).toMatchObject({
      ok: false,
      errors: [{ code: 'link_source_schema', value: 'Thing' }],
    });
    expect(validateLink('mentions', 'Document', 'Ghost', {})).toMatchObject({
      ok: false,
      errors: [{ code: 'link_target_schema', value: 'Ghost' }],
    });
  });

  it('reports an unknown link type', () => {
    const r = validateLink('married_to', 'Person', 'Person', {});
    expect(r).toMatchObject({
      ok: false,
      errors: [{ code: 'unknown_link_type', value: 'married_to' }],
    });
  });

  it('reports every problem together', () => {
    const r = validateLink('employs', 'Person', 'Company', {
      startDate: '2024-02-30',
      count: '-2',
      colour: ['red'],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.code)).toEqual([
        'link_source_schema',
        'link_target_schema',
        'unknown_property',
        'invalid_integer',
        'invalid_date',
      ]);
    }
  });

  it('lets many kinds of thing be seized and involved', () => {
    for (const source of [
      'Firearm',
      'Vehicle',
      'Person',
      'Phone',
      'Document',
      'Organization',
      'Company',
    ]) {
      expect(validateLink('seized_in', source, 'Seizure', {}).ok).toBe(true);
    }
    for (const target of ['Smuggling', 'Seizure', 'Recovery', 'Call']) {
      expect(validateLink('involved_in', 'Vehicle', target, {}).ok).toBe(true);
    }
    expect(validateLink('involved_in', 'Firearm', 'Seizure', {}).ok).toBe(false);
  });
});
