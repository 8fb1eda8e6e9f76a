import { notFound } from '../../domain/errors.js';
import { findRecord, listRecordVersions } from '../../storage/records.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import {
  presentRecord,
  presentRecordVersion,
  type RecordVersionView,
  type RecordView,
} from './present.js';

/** A record the viewer may not see answers exactly like one that does not exist. */
export async function getRecord(call: Call, id: string): Promise<RecordView> {
  return audited(
    call,
    'record.get',
    { id },
    async (tx) => {
      const row = await findRecord(tx, id);
      if (!row) throw notFound('record', id);
      return { result: presentRecord(row), ids: [id] };
    },
    { readOnly: true },
  );
}

/** The versions the viewer may see, oldest first (a re-marked version may be hidden). */
export async function listVersions(call: Call, id: string): Promise<RecordVersionView[]> {
  return audited(
    call,
    'record.versions',
    { id },
    async (tx) => {
      const rows = await listRecordVersions(tx, id);
      if (rows.length === 0) throw notFound('record', id);
      return { result: rows.map(presentRecordVersion), ids: [id], count: rows.length };
    },
    { readOnly: true },
  );
}
