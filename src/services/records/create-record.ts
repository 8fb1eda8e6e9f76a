import { AppError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { fromDatabaseError } from '../../storage/errors.js';
import { appendRecordVersions, findRecord } from '../../storage/records.js';
import { audited } from '../audited.js';
import { afterRecordChange } from '../after-change.js';
import type { Call } from '../context.js';
import { resolveSharing } from '../sharing.js';
import { presentRecord, type RecordView } from './present.js';
import { validateRecord } from './validate-record.js';

export interface CreateRecordInput extends SharingInput {
  schema: string;
  properties: unknown;
  /** The contributor's own reference (partner record id, case number). */
  sourceRef?: string;
}

export async function createRecord(call: Call, input: CreateRecordInput): Promise<RecordView> {
  const view = await audited(
    call,
    'record.create',
    { schema: input.schema },
    async (tx) => {
      const viewer = call.viewer!;
      const fields = validateRecord(input.schema, input.properties);
      const sharing = await resolveSharing(tx, input);
      const id = newId();
      try {
        await appendRecordVersions(tx, [
          {
            record_id: id,
            version: 1,
            schema: input.schema,
            agency: viewer.agency,
            created_by: viewer.userId,
            changed_by: viewer.userId,
            change: 'create',
            source_ref: input.sourceRef?.trim() || null,
            retracted: false,
            ...fields,
            ...sharingToColumns(sharing),
          },
        ]);
      } catch (err) {
        throw fromDatabaseError(err, 'record', input.sourceRef ?? id);
      }
      const row = await findRecord(tx, id);
      if (!row) throw new AppError('internal');
      return { result: presentRecord(row), ids: [id] };
    },
    { permission: 'records:write' },
  );
  await afterRecordChange(call.db, view);
  return view;
}
