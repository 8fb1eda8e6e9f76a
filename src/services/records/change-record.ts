import { assertRecordOpen } from '../../domain/cooperation/commitment.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { fromDatabaseError } from '../../storage/errors.js';
import {
  appendRecordVersions,
  findRecord,
  type NewRecordVersion,
  type RecordRow,
} from '../../storage/records.js';
import type { Tx } from '../../storage/session.js';
import { audited } from '../audited.js';
import { afterRecordChange } from '../after-change.js';
import type { Call } from '../context.js';
import { assertChangeable, successorOf, type Guard } from '../originator.js';
import { resolveRemark } from '../sharing.js';
import { presentRecord, type RecordView } from './present.js';
import { validateRecord } from './validate-record.js';

type Change = NewRecordVersion['change'];

/** Every change appends a version written by the originator; nothing is overwritten. */
async function changeRecord(
  call: Call,
  id: string,
  change: Change,
  guard: Guard,
  next: (tx: Tx, head: RecordRow) => Promise<Partial<NewRecordVersion>>,
): Promise<RecordView> {
  const query = guard.reason ? { id, reason: guard.reason } : { id };
  const view = await audited(
    call,
    `record.${change}`,
    query,
    async (tx) => {
      const head = await findRecord(tx, id);
      assertChangeable(head, call.viewer!, guard, 'record', id);
      const { terms: newTerms, ...changes } = await next(tx, head);
      const terms = newTerms ?? validateRecord(head.schema, head.properties).terms;
      try {
        await appendRecordVersions(tx, [
          {
            ...successorOf(head, call.viewer!, change),
            record_id: id,
            schema: head.schema,
            caption: head.caption,
            event_date: head.event_date,
            countries: head.countries,
            ...changes,
            terms,
          },
        ]);
      } catch (err) {
        throw fromDatabaseError(err, 'record', id);
      }
      // A re-mark to RED by a recipient may take the record out of that recipient's own sight.
      const row = (await findRecord(tx, id)) ?? { ...head, ...changes, version: head.version + 1 };
      return { result: presentRecord(row), ids: [id] };
    },
    { permission: 'records:write' },
  );
  // A re-mark changes who sees the record, not who it is.
  if (change !== 'remark') await afterRecordChange(call.db, view);
  return view;
}

export function updateRecord(
  call: Call,
  id: string,
  input: Guard & { properties: unknown; sourceRef?: string },
): Promise<RecordView> {
  return changeRecord(call, id, 'update', input, async (_tx, head) => {
    // A done or dropped commitment takes no update here either, as by its progress updates.
    assertRecordOpen(head, id);
    return {
      ...validateRecord(head.schema, input.properties),
      ...(input.sourceRef !== undefined ? { source_ref: input.sourceRef.trim() || null } : {}),
    };
  });
}

export function remarkRecord(
  call: Call,
  id: string,
  input: Guard & SharingInput,
): Promise<RecordView> {
  return changeRecord(call, id, 'remark', input, async (tx, head) => {
    return sharingToColumns(await resolveRemark(tx, head, input));
  });
}

export function retractRecord(call: Call, id: string, input: Guard): Promise<RecordView> {
  return changeRecord(call, id, 'retract', input, async () => ({ retracted: true, terms: [] }));
}
