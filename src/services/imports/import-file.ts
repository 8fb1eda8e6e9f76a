import type { Encoding } from '../../import/encoding.js';
import type { RowSharing } from '../../import/items.js';
import type { Mapping } from '../../import/mapping/compile-mapping.js';
import { readItems, type Format } from '../../import/read-file.js';
import { indexStaging, auditStagedBatches, createStaging } from '../../storage/import-staging.js';
import { databaseNow } from '../../storage/database.js';
import { audited } from '../audited.js';
import { indexSalesChangedSince } from '../tracing/index-sales.js';
import { matchChangedSince } from '../resolution/match-on-arrival.js';
import type { Call } from '../context.js';
import { mergeLinks } from './merge-links.js';
import { mergeRecords } from './merge-records.js';
import type { ImportProgress, ImportSummary, Reject } from './outcome.js';
import { rowSharingResolver } from './row-sharing.js';
import { stageRows } from './stage-rows.js';

export interface ImportInput {
  bytes: AsyncIterable<Uint8Array>;
  /** Names the file in the audit log; its extension helps tell the format. */
  fileName: string;
  mapping?: Mapping;
  format?: Format;
  encoding?: Encoding;
  delimiter?: string;
  /** Defaults for rows that set no sharing of their own. */
  sharing?: RowSharing;
  /** Set bad rows aside (through onReject) instead of refusing the whole file. */
  skipInvalid?: boolean;
  onReject?: (reject: Reject) => void | Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
  /** Match the persons and organizations written against the resolved entities (default). */
  matchOnArrival?: boolean;
}

const PROGRESS_EVERY_ROWS = 1000;

async function* counted(bytes: AsyncIterable<Uint8Array>, into: { bytes: number }) {
  for await (const chunk of bytes) {
    into.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * Loads a partner's file as the viewer's agency's records and links, in one transaction: the
 * database afterwards holds the whole file or nothing of it (unless bad rows may be skipped).
 * Rows are staged, then merged by natural key (agency + partner id), so a second import of the
 * same file changes nothing and a changed row becomes a new version.
 */
export async function importFile(call: Call, input: ImportInput): Promise<ImportSummary> {
  const started = Date.now();
  const query = {
    file: input.fileName,
    format: input.format ?? input.mapping?.format ?? null,
    mapping: input.mapping !== undefined,
    skipInvalid: input.skipInvalid ?? false,
  };
  const began = await databaseNow(call.db);
  const summary = await audited(
    call,
    'import.file',
    query,
    async (tx) => {
      const viewer = call.viewer!;
      const progress: ImportProgress = { phase: 'reading', rows: 0, bytes: 0, merged: 0 };
      const report = () => input.onProgress?.({ ...progress });
      let rejected = 0;
      const reject = async (r: Reject) => {
        if (!input.skipInvalid) throw r.problem;
        rejected++;
        await input.onReject?.(r);
      };
      await createStaging(tx);
      const sharingOf = rowSharingResolver(
        tx,
        viewer,
        input.sharing ?? {},
        input.mapping?.sharing ?? {},
      );
      const items = readItems(counted(input.bytes, progress), {
        fileName: input.fileName,
        mapping: input.mapping,
        format: input.format,
        encoding: input.encoding,
        delimiter: input.delimiter,
      });
      const rows = await stageRows(tx, items, sharingOf, reject, (n) => {
        progress.rows = n;
        if (n % PROGRESS_EVERY_ROWS === 0) report();
      });
      report();
      await indexStaging(tx);
      const merged = (phase: ImportProgress['phase']) => (n: number) => {
        Object.assign(progress, { phase, merged: n });
        report();
      };
      const records = await mergeRecords(tx, viewer, reject, merged('records'));
      const links = await mergeLinks(tx, viewer, reject, merged('links'));
      await auditStagedBatches(tx, {
        userId: viewer.userId,
        agency: viewer.agency,
        action: 'import.batch',
        query: { file: input.fileName },
        purpose: call.purpose ?? null,
      });
      const summary: ImportSummary = {
        rows,
        records,
        links,
        rejected,
        elapsedMs: Date.now() - started,
      };
      return {
        result: summary,
        count: records.written + records.updated + links.written + links.updated,
      };
    },
    { permission: 'records:write' },
  );
  await indexSalesChangedSince(call.db, began);
  // Persons and organizations written are matched once the import has committed.
  if (input.matchOnArrival !== false) {
    const matching = (merged: number) =>
      input.onProgress?.({ phase: 'matching', rows: summary.rows, bytes: 0, merged });
    matching(0);
    await matchChangedSince(call.db, began, matching);
  }
  return summary;
}
