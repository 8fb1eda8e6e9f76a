import { queryRecords, type RecordRow } from '../../storage/records.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../paging.js';
import { presentSharing, type SharingView } from './present.js';
import { toRecordFilter, type RecordFilterInput } from './record-filter.js';

export const EXPORT_PAGE = 1000;
export const MAX_EXPORT_PAGE = 10_000;

/** One line of a FollowTheMoney entity stream, with Puente's sharing rules alongside. */
export interface ExportedEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  puente: SharingView & {
    agency: string;
    version: number;
    sourceRef: string | null;
    retracted: boolean;
  };
}

const toEntity = (r: RecordRow): ExportedEntity => ({
  id: r.id,
  schema: r.schema,
  properties: r.properties,
  puente: {
    ...presentSharing(r),
    agency: r.agency,
    version: r.version,
    sourceRef: r.source_ref,
    retracted: r.retracted,
  },
});

/** Bulk export of what the viewer may see, in pages large enough for files, each audited. */
export async function exportRecords(
  call: Call,
  input: RecordFilterInput & { cursor?: string; limit?: number },
): Promise<Page<ExportedEntity>> {
  return audited(
    call,
    'record.export',
    { ...input, cursor: undefined },
    async (tx) => {
      const limit = pageLimit(input.limit, MAX_EXPORT_PAGE, EXPORT_PAGE);
      const before = decodeCursor(input.cursor);
      const filter = toRecordFilter(input);
      const rows = await queryRecords(tx, { ...filter, before, limit: limit + 1 });
      const page = toPage(rows, limit, toEntity);
      return { result: page, ids: page.items.map((e) => e.id) };
    },
    { readOnly: true },
  );
}
