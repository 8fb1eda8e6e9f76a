import type { SearchRecordsInput } from '../../src/services/records/search-records.js';

export interface SearchCase {
  name: string;
  description: string;
  input: SearchRecordsInput;
}

/**
 * Representative searches, each as an analyst would send it (one page of the default size: the
 * service asks the database for 51 rows to know whether a next page exists). Words in q match
 * whole terms; `word*` asks for a prefix (type-ahead).
 */
export const SEARCH_CASES: readonly SearchCase[] = [
  {
    name: 'common_surname',
    description: 'q=garcia: a surname in about 3% of records',
    input: { q: 'garcia' },
  },
  {
    name: 'rare_surname',
    description: 'q=goicoechea: a surname in a few dozen records',
    input: { q: 'goicoechea' },
  },
  {
    name: 'two_terms',
    description: 'q=maria hernandez: an exact given name and a surname',
    input: { q: 'maria hernandez' },
  },
  {
    name: 'prefix',
    description: 'q=gonz*: type-ahead prefix (gonzalez, gonzalo, ...)',
    input: { q: 'gonz*' },
  },
  {
    name: 'schema_and_term',
    description: 'q=rodriguez, schema=Organization: companies named after a common surname',
    input: { q: 'rodriguez', schema: ['Organization'] },
  },
  {
    name: 'agency_filter',
    description: "agency=FGR: one agency's records, newest first",
    input: { agency: ['FGR'] },
  },
  {
    name: 'date_range',
    description: 'schema=Seizure, dateFrom=2024-03-01, dateTo=2024-03-31: a month of seizures',
    input: { schema: ['Seizure'], dateFrom: '2024-03-01', dateTo: '2024-03-31' },
  },
  { name: 'list_newest', description: 'no filter: the newest records', input: {} },
];

/** The same search as an HTTP query string for GET /api/v1/records. */
export function searchPath(input: SearchRecordsInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else if (value !== undefined) params.append(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1/records${qs ? `?${qs}` : ''}`;
}
