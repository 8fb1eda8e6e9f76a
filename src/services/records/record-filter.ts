import { AppError, type ErrorDetail } from '../../domain/errors.js';
import { isAgencyCode } from '../../domain/identity/agency-code.js';
import { SCHEMA_NAMES } from '../../domain/model/schemas.js';
import { normaliseDate, toDay } from '../../domain/model/values/date.js';
import { isCountryCode } from '../../domain/policy/sharing.js';
import { queryTerms } from '../../domain/text/terms.js';
import type { RecordFilter } from '../../storage/records.js';

export interface RecordFilterInput {
  /** Free text over names and properties; accent- and case-insensitive; `word*` is a prefix. */
  q?: string;
  schema?: string[];
  agency?: string[];
  country?: string[];
  dateFrom?: string;
  dateTo?: string;
  includeRetracted?: boolean;
}

const MAX_QUERY_TERMS = 8;

/** Validates search filters and turns the free text into the folded terms the index holds. */
export function toRecordFilter(input: RecordFilterInput): RecordFilter {
  const errors: ErrorDetail[] = [];
  const check = (
    field: string,
    values: string[] | undefined,
    ok: (v: string) => boolean,
    expected: string,
  ) => {
    for (const value of values ?? [])
      if (!ok(value)) errors.push({ code: 'invalid_filter', field, value, expected });
  };
  const upper = (xs: string[] | undefined) => xs?.map((x) => x.trim().toUpperCase());
  const agency = upper(input.agency);
  const country = upper(input.country);
  check(
    'schema',
    input.schema,
    (s) => SCHEMA_NAMES.includes(s),
    `one of ${SCHEMA_NAMES.join(', ')}`,
  );
  check('agency', agency, isAgencyCode, 'agency codes such as CBP or FGR');
  check('country', country, isCountryCode, 'ISO 3166-1 alpha-2 codes such as US, MX, CA');
  const day = (field: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const d = normaliseDate(raw);
    if (!d.ok) errors.push({ code: 'invalid_date', field, value: raw, expected: d.expected });
    return d.ok ? toDay(d.value) : undefined;
  };
  const dateFrom = day('dateFrom', input.dateFrom);
  const dateTo = day('dateTo', input.dateTo);
  const words = input.q ? queryTerms(input.q) : [];
  if (words.length > MAX_QUERY_TERMS) {
    errors.push({
      code: 'too_many_terms',
      field: 'q',
      value: input.q,
      expected: `at most ${MAX_QUERY_TERMS} words`,
    });
  }
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  // "gonz*" asks for a prefix (type-ahead); plain words match whole terms, which the index
  // serves in page order.
  const last = words.at(-1);
  const prefix = last && last.length >= 2 && /\*\s*$/.test(input.q ?? '') ? last : undefined;
  return {
    schema: input.schema,
    agency,
    country,
    dateFrom,
    dateTo,
    includeRetracted: input.includeRetracted,
    terms: prefix ? words.slice(0, -1) : words,
    prefix,
  };
}
