import {
  countRecords,
  countRecordsBy,
  type FacetCount,
  type FacetName,
} from '../../storage/records.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { toRecordFilter, type RecordFilterInput } from './record-filter.js';

export const FACETS: readonly FacetName[] = ['schema', 'agency', 'marking', 'country', 'year'];

export interface FacetResult {
  total: number;
  facets: Partial<Record<FacetName, FacetCount[]>>;
}

/** Totals and counts per facet, computed only over what the viewer may see. */
export async function facetRecords(
  call: Call,
  input: RecordFilterInput & { facets?: FacetName[] },
): Promise<FacetResult> {
  const wanted = input.facets?.length ? input.facets : FACETS;
  return audited(
    call,
    'record.facets',
    input,
    async (tx) => {
      const filter = toRecordFilter(input);
      const total = await countRecords(tx, filter);
      const facets: FacetResult['facets'] = {};
      for (const name of wanted) facets[name] = await countRecordsBy(tx, filter, name);
      return { result: { total, facets }, count: total };
    },
    { readOnly: true },
  );
}
