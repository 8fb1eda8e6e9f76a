import { RowProblem } from './problem.js';
import type { SourceRow } from './readers/source-row.js';
import { defaultLinkKey, type RowItems, type RowSharing } from './items.js';

const ENTITY_FIELDS = new Set(['id', 'schema', 'properties', 'marking', 'rel', 'recipients']);
const LINK_FIELDS = new Set([
  'id',
  'type',
  'source',
  'target',
  'properties',
  'marking',
  'rel',
  'recipients',
]);

function text(row: SourceRow, field: string, required: boolean): string | undefined {
  const value = row.fields[field];
  if (value === undefined || value === null || value === '') {
    if (required)
      throw new RowProblem(row.line, 'invalid_row', { column: field, expected: 'a value' });
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new RowProblem(row.line, 'invalid_row', {
      column: field,
      value: JSON.stringify(value),
      expected: 'text',
    });
  return String(value).trim();
}

function list(row: SourceRow, field: string): string[] | undefined {
  const value = row.fields[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string')
    return value
      .split(/[,;|]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new RowProblem(row.line, 'invalid_row', {
    column: field,
    value: JSON.stringify(value),
    expected: 'a list of codes',
  });
}

function sharingOf(row: SourceRow): RowSharing {
  const sharing: RowSharing = {};
  const marking = text(row, 'marking', false);
  if (marking) sharing.marking = marking;
  const rel = list(row, 'rel');
  if (rel) sharing.rel = rel;
  const recipients = list(row, 'recipients');
  if (recipients) sharing.recipients = recipients;
  return sharing;
}

/**
 * The native format: FollowTheMoney-style entities ({id, schema, properties}) and links
 * ({id, type, source, target, properties}). In CSV the columns besides id and schema (or id,
 * type, source, target) are property names, one value each.
 */
export function nativeItems(row: SourceRow, csv: boolean): RowItems {
  const isLink = row.fields.type !== undefined && row.fields.schema === undefined;
  const known = isLink ? LINK_FIELDS : ENTITY_FIELDS;
  let properties: Record<string, unknown>;
  const columns: Record<string, string> = {};
  if (csv) {
    properties = {};
    for (const [name, value] of Object.entries(row.fields)) {
      if (known.has(name)) continue;
      if (value !== '') properties[name] = [value];
      columns[name] = name;
    }
  } else {
    for (const name of Object.keys(row.fields)) {
      if (!known.has(name))
        throw new RowProblem(row.line, 'unknown_fields', {
          columns: name,
          expected: [...known].join(', '),
        });
    }
    const raw = row.fields.properties ?? {};
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new RowProblem(row.line, 'invalid_row', {
        column: 'properties',
        value: JSON.stringify(raw).slice(0, 200),
        expected: 'an object of property names to lists of values',
      });
    properties = raw as Record<string, unknown>;
    for (const name of Object.keys(properties)) columns[name] = `properties.${name}`;
  }
  const sharing = sharingOf(row);
  const base = { line: row.line, raw: row.raw };
  if (isLink) {
    const type = text(row, 'type', true)!;
    const source = text(row, 'source', true)!;
    const target = text(row, 'target', true)!;
    const key = text(row, 'id', false) ?? defaultLinkKey(type, source, target);
    return {
      ...base,
      records: [],
      links: [{ key, type, source, target, properties, sharing, columns }],
    };
  }
  const key = text(row, 'id', true)!;
  const schema = text(row, 'schema', true)!;
  return { ...base, records: [{ key, schema, properties, sharing, columns }], links: [] };
}
