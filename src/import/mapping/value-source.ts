import { RowProblem } from '../problem.js';
import type { ValueSource } from './mapping-schema.js';
import { mapLookup, transform } from './transforms.js';

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** The columns a template names, in order. */
export const templateColumns = (template: string): string[] =>
  [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);

const cell = (fields: Record<string, unknown>, column: string): string => {
  const v = fields[column];
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(String).join('\n');
  return typeof v === 'object' ? JSON.stringify(v) : String(v).trim();
};

/** A template filled from the row, or undefined when a column it names is empty. */
export function fillTemplate(
  template: string,
  fields: Record<string, unknown>,
): string | undefined {
  let missing = false;
  const text = template.replace(PLACEHOLDER, (_, column: string) => {
    const v = cell(fields, column);
    if (v === '') missing = true;
    return v;
  });
  return missing ? undefined : text;
}

/** A compiled value source: the row's values for one property, cleaned. */
export interface CompiledSource {
  columns: string[];
  /** Names the source in errors: the column, or the columns joined. */
  label: string;
  values(fields: Record<string, unknown>, line: number): string[];
}

export function compileSource(source: ValueSource): CompiledSource {
  const lookup = mapLookup(source.map);
  const columns = source.column
    ? [source.column]
    : source.columns
      ? source.columns
      : source.template
        ? templateColumns(source.template)
        : [];
  const label = columns.join('+') || 'value';
  const read = (fields: Record<string, unknown>): string[] => {
    if (source.value !== undefined) return [source.value];
    if (source.template !== undefined) {
      const t = fillTemplate(source.template, fields);
      return t === undefined ? [] : [t];
    }
    if (source.columns) {
      const joined = source.columns
        .map((c) => cell(fields, c))
        .filter((v) => v !== '')
        .join(source.separator ?? ' ');
      return [joined];
    }
    const raw = fields[source.column!];
    // JSON rows may carry lists: each element is a value.
    if (Array.isArray(raw)) return raw.map((v) => String(v));
    return [cell(fields, source.column!)];
  };
  return {
    columns,
    label,
    values(fields, line) {
      const out: string[] = [];
      for (const raw of read(fields)) {
        const t = transform(raw, source, lookup);
        if (!t.ok)
          throw new RowProblem(line, 'invalid_row', {
            column: label,
            value: t.value,
            expected: t.expected,
          });
        out.push(...t.values);
      }
      return out;
    },
  };
}

/** Exactly one origin per source. */
export function sourceOrigins(source: ValueSource): number {
  return [source.column, source.columns, source.value, source.template].filter(
    (x) => x !== undefined,
  ).length;
}
