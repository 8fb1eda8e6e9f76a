import type { PropertyError, ValidationResult } from './result.js';
import { closestName } from './suggest.js';
import { normaliseValue, type PropertyDef } from './types.js';

export const MAX_VALUES_PER_PROPERTY = 100;

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

function unknownProperty(key: string, owner: string, defs: Readonly<Record<string, PropertyDef>>) {
  const hint = closestName(key, Object.keys(defs));
  return {
    code: 'unknown_property',
    property: key,
    expected: hint ? `a property of ${owner}; did you mean ${hint}?` : `a property of ${owner}`,
  };
}

function normaliseValues(
  key: string,
  def: PropertyDef,
  raw: unknown,
  errors: PropertyError[],
): string[] {
  // FtM tolerance: a lone string stands for a one-value list.
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list)) {
    errors.push({ code: 'not_a_list', property: key, expected: 'a list of strings' });
    return [];
  }
  if (list.length > MAX_VALUES_PER_PROPERTY) {
    errors.push({
      code: 'too_many_values',
      property: key,
      expected: `at most ${MAX_VALUES_PER_PROPERTY} values`,
    });
    return [];
  }
  const out = new Set<string>();
  list.forEach((value: unknown, index) => {
    if (typeof value !== 'string') {
      errors.push({ code: 'not_a_string', property: key, index, expected: 'a string' });
      return;
    }
    // Blank cells are how forms and spreadsheets say "no value"; FtM drops them too.
    if (value.trim() === '') return;
    const result = normaliseValue(def, value);
    if (result.ok) out.add(result.value);
    else {
      errors.push({
        code: result.code,
        property: key,
        value: value.length > 200 ? `${value.slice(0, 200)}…` : value,
        index,
        expected: result.expected,
      });
    }
  });
  return [...out];
}

/**
 * Checks a property map against a set of property definitions and returns it
 * normalised: values de-duplicated in first-seen order, empty lists dropped,
 * keys sorted. Every problem is reported, not just the first.
 */
export function validatePropertyMap(
  owner: string,
  defs: Readonly<Record<string, PropertyDef>>,
  input: unknown,
): ValidationResult {
  if (!isPlainObject(input)) {
    return {
      ok: false,
      errors: [{ code: 'not_an_object', expected: 'an object mapping property names to lists' }],
    };
  }
  const errors: PropertyError[] = [];
  const properties: Record<string, string[]> = {};
  for (const key of Object.keys(input).sort()) {
    const def = Object.hasOwn(defs, key) ? defs[key] : undefined;
    if (!def) {
      errors.push(unknownProperty(key, owner, defs));
      continue;
    }
    const values = normaliseValues(key, def, input[key], errors);
    if (values.length > 0) properties[key] = values;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, properties };
}
