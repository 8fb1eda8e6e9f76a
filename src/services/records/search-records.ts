import { queryRecords } from '../../storage/records.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../paging.js';
import { presentRecord, type RecordView } from './present.js';
import { toRecordFilter, type RecordFilterInput } from './record-filter.js';

export interface SearchRecordsInput extends RecordFilterInput {
  cursor?: string;
  limit?: number;
}

/** Lists and searches what the viewer may see, newest first, one page at a time. */
export async function searchRecords(
  call: Call,
  input: SearchRecordsInput,
): Promise<Page<RecordView>> {
  const query = { ...input, cursor: undefined };
  return audited(
    call,
    input.q ? 'record.search' : 'record.list',
    query,
    async (tx) => {
      const limit = pageLimit(input.limit);
      const before = decodeCursor(input.cursor);
      const filter = toRecordFilter(input);
      const rows = await queryRecords(tx, { ...filter, before, limit: limit + 1 });
      const page = toPage(rows, limit, presentRecord);
      return { result: page, ids: page.items.map((r) => r.id) };
    },
    { readOnly: true },
  );
}
