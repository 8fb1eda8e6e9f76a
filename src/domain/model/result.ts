/** Outcome of normalising one raw value with a property type. */
export type ValueResult =
  { ok: true; value: string } | { ok: false; code: string; expected: string };

/** One problem with submitted properties; `expected` is plain English for people. */
export interface PropertyError {
  code: string;
  property?: string;
  value?: string;
  index?: number;
  expected: string;
}

export type ValidationResult =
  { ok: true; properties: Record<string, string[]> } | { ok: false; errors: PropertyError[] };

export function valid(value: string): ValueResult {
  return { ok: true, value };
}

export function invalid(code: string, expected: string): ValueResult {
  return { ok: false, code, expected };
}
