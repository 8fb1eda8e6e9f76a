import { searchTerms } from '../text/terms.js';
import { deriveCaption } from './caption.js';
import { getSchema } from './schemas.js';
import { PROPERTY_TYPES } from './types.js';
import { toDay } from './values/date.js';

/** Long texts only contribute their beginning, so one report cannot flood the index. */
export const TEXT_TERMS_LIMIT = 2000;

export interface IndexFields {
  caption: string;
  /** YYYY-MM-DD; partial dates padded to their first day; null when undated. */
  eventDate: string | null;
  /** Every country-typed value, upper-case, de-duplicated and sorted. */
  countries: string[];
  terms: string[];
}

function capText(s: string): string {
  if (s.length <= TEXT_TERMS_LIMIT) return s;
  const head = s.slice(0, TEXT_TERMS_LIMIT);
  if (!/[\p{L}\p{N}]/u.test(s.charAt(TEXT_TERMS_LIMIT))) return head;
  // Cut back to a word boundary so a half word does not become a term.
  const boundary = head.search(/[^\p{L}\p{N}][\p{L}\p{N}]*$/u);
  return boundary > 0 ? head.slice(0, boundary) : head;
}

/**
 * Columns the storage layer keeps next to a record for listing, filtering and
 * search. Expects properties already accepted by validateProperties; unknown
 * properties are ignored.
 */
export function deriveIndexFields(
  schemaName: string,
  properties: Readonly<Record<string, readonly string[]>>,
): IndexFields {
  const schema = getSchema(schemaName);
  if (!schema) throw new Error(`unknown schema ${schemaName}`);

  const countries = new Set<string>();
  const searchable: string[] = [];
  for (const [name, values] of Object.entries(properties)) {
    const def = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
    if (!def) continue;
    if (def.type === 'country') for (const v of values) countries.add(v.toUpperCase());
    const mode = PROPERTY_TYPES[def.type].searchable;
    if (mode === 'full') searchable.push(...values);
    if (mode === 'capped') searchable.push(...values.map(capText));
  }

  const dated = schema.eventDate === null ? undefined : properties[schema.eventDate]?.[0];
  return {
    caption: deriveCaption(schema, properties),
    eventDate: dated === undefined ? null : toDay(dated),
    countries: [...countries].sort(),
    terms: searchTerms(searchable),
  };
}
