import { queryTerms } from '../../domain/text/terms.js';
import { queryRecords } from '../../storage/records.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../paging.js';
import { presentRecord, type RecordView } from './present.js';

export interface SearchRecordsInput {
  /** Free text over names and properties; accent- and case-insensitive. */
  q?: string;
  schema?: string[];
  agency?: string[];
  country?: string[];
  dateFrom?: string;
  dateTo?: string;
  includeRetracted?: boolean;
  cursor?: string;
  limit?: number;
}

/** Lists and searches what the viewer may see, newest first, one page at a time. */
export async function searchRecords(call: Call, input: SearchRecordsInput): Promise<Page<RecordView>> {
  const limit = pageLimit(input.limit);
  const before = decodeCursor(input.cursor);
  const words = input.q ? queryTerms(input.q) : [];
  // The last word may be unfinished (type-ahead): match it as a prefix when long enough.
  const last = words.at(-1);
  const prefix = last && last.length >= 3 ? last : undefined;
  const terms = prefix ? words.slice(0, -1) : words;
  const query = { ...input, cursor: undefined, limit };
  return audited(call, input.q ? 'record.search' : 'record.list', query, async (tx) => {
    const rows = await queryRecords(tx, {
      schema: input.schema,
      agency: input.agency,
      country: input.country,
      dateFrom: input.dateFrom,
      dateTo: input.dateTo,
      includeRetracted: input.includeRetracted,
      terms,
      prefix,
      before,
      limit: limit + 1,
    });
    const page = toPage(rows, limit, presentRecord);
    return { result: page, ids: page.items.map((r) => r.id) };
  });
}
