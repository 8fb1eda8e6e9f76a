import type { ErrorDetail } from '../errors.js';
import { isUuid } from '../ids.js';
import { normaliseCountry } from '../model/values/country.js';
import { normaliseDate } from '../model/values/date.js';

/**
 * A problem with one field. `expected` is plain English, as everywhere; `params` carries the
 * values a translation of it needs (the edges word it in the reader's language, see
 * services/cooperation/problems.ts), and never reaches a client by itself.
 */
export interface Problem extends ErrorDetail {
  params?: Record<string, string>;
}

// Reading the loosely typed input of a form or a JSON body: every problem is collected with the
// field it concerns, so the caller can report them all at once.

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const absent = (v: unknown) => v === undefined || v === null || v === '';

const shown = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')).slice(0, 80);

/** Optional text of at most `max` characters, trimmed; blank is absent. */
export function text(errors: Problem[], v: unknown, field: string, max = 500): string | undefined {
  if (absent(v)) return undefined;
  if (typeof v !== 'string' || v.length > max) {
    errors.push({
      code: 'invalid_value',
      field,
      value: shown(v),
      expected: `text of at most ${max} characters`,
      params: { max: String(max) },
    });
    return undefined;
  }
  return v.trim() || undefined;
}

/** Text that must be there. */
export function requiredText(
  errors: Problem[],
  v: unknown,
  field: string,
  expected: string,
  max = 500,
): string | undefined {
  const before = errors.length;
  const value = text(errors, v, field, max);
  if (value === undefined && errors.length === before)
    errors.push({ code: 'required', field, expected });
  return value;
}

/** A calendar day YYYY-MM-DD that exists. */
export function day(
  errors: Problem[],
  v: unknown,
  field: string,
  required: string | false,
): string | undefined {
  if (absent(v)) {
    if (required) errors.push({ code: 'required', field, expected: required });
    return undefined;
  }
  const s = typeof v === 'string' ? v.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !normaliseDate(s).ok) {
    errors.push({ code: 'invalid_date', field, value: shown(v), expected: 'a day as YYYY-MM-DD' });
    return undefined;
  }
  return s;
}

/** One country as an ISO code (alpha-2, or alpha-3 mapped onto it). */
export function country(errors: Problem[], v: unknown, field: string): string | undefined {
  if (absent(v)) return undefined;
  const r = typeof v === 'string' ? normaliseCountry(v) : undefined;
  if (!r?.ok) {
    errors.push({
      code: 'invalid_country',
      field,
      value: shown(v),
      expected: 'an ISO 3166-1 country code such as US, MX or CA',
    });
    return undefined;
  }
  return r.value;
}

/** A list given as an array or as one comma-separated string; absent is empty. */
export function list(errors: Problem[], v: unknown, field: string, max: number): unknown[] {
  if (absent(v)) return [];
  const items = typeof v === 'string' ? v.split(',').filter((s) => s.trim() !== '') : v;
  if (!Array.isArray(items) || items.length > max) {
    errors.push({
      code: 'invalid_list',
      field,
      value: shown(v),
      expected: `a list of at most ${max} items`,
      params: { max: String(max) },
    });
    return [];
  }
  return items;
}

/** Distinct countries, in the order given. */
export function countries(errors: Problem[], v: unknown, field: string, max = 10): string[] {
  const out: string[] = [];
  list(errors, v, field, max).forEach((item, i) => {
    const c = country(errors, item, `${field}[${i}]`);
    if (c && !out.includes(c)) out.push(c);
  });
  return out;
}

/** A record id, or undefined when absent. */
export function recordId(errors: Problem[], v: unknown, field: string): string | undefined {
  if (absent(v)) return undefined;
  if (typeof v === 'string' && isUuid(v.trim())) return v.trim().toLowerCase();
  errors.push({ code: 'invalid_id', field, value: shown(v), expected: 'a record id (UUID)' });
  return undefined;
}
