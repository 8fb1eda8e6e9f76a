import { AppError, notFound } from '../../domain/errors.js';
import {
  assertRecordOpen,
  parseProgress,
  recordStatus,
  type ProgressInput,
} from '../../domain/cooperation/commitment.js';
import type { Problem } from '../../domain/cooperation/input.js';
import { insertEvidence } from '../../storage/cooperation.js';
import { fromDatabaseError } from '../../storage/errors.js';
import { appendRecordVersions, findRecord, findRecords } from '../../storage/records.js';
import { afterRecordChange } from '../after-change.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { successorOf } from '../originator.js';
import { validateRecord } from '../records/validate-record.js';
import type { CommitmentView } from './present.js';
import { readCommitment } from './read-commitments.js';

export interface ProgressUpdateInput extends ProgressInput {
  /** Refuse (conflict) if the commitment moved past this version meanwhile. */
  expectedVersion?: number;
}

/**
 * A progress update: a new version of the Commitment record with its status and the progress
 * note (`notes`), plus the records it cites as evidence. Versions are append-only, so the
 * history keeps every update. Only the originating agency updates a commitment; a closed one
 * (done, dropped) takes no update; nothing is written when anything is refused.
 */
export async function updateCommitment(
  call: Call,
  id: string,
  input: ProgressUpdateInput,
  now = new Date(),
): Promise<CommitmentView> {
  const view = await audited(
    call,
    'commitment.update',
    { id, status: input.status },
    async (tx) => {
      const viewer = call.viewer!;
      const head = await findRecord(tx, id);
      if (!head || head.schema !== 'Commitment') throw notFound('commitment', id);
      if (head.agency !== viewer.agency)
        throw new AppError('not_originator', { kind: 'commitment', id });
      if (head.retracted) throw new AppError('conflict', { kind: 'commitment', id });
      assertRecordOpen(head, id);
      const current = recordStatus(head.properties);
      if (input.expectedVersion !== undefined && input.expectedVersion !== head.version)
        throw new AppError('conflict', { kind: 'commitment', id });
      const parsed = parseProgress(current, input);
      if (!parsed.ok) throw new AppError('validation_failed', {}, parsed.errors);
      const { status, note, evidence } = parsed.value;
      const cited = new Set((await findRecords(tx, evidence)).map((r) => r.id));
      const errors: Problem[] = evidence.flatMap((e, i) =>
        cited.has(e)
          ? []
          : [
              {
                code: 'unknown_record',
                field: `evidence[${i}]`,
                value: e,
                expected: 'a record you can see',
                params: { schema: '' },
              },
            ],
      );
      if (errors.length) throw new AppError('validation_failed', {}, errors);
      const version = head.version + 1;
      try {
        await appendRecordVersions(tx, [
          {
            ...successorOf(head, viewer, 'update'),
            record_id: id,
            schema: head.schema,
            ...validateRecord('Commitment', {
              ...head.properties,
              status: [status],
              notes: [note],
            }),
          },
        ]);
        await insertEvidence(
          tx,
          evidence.map((record_id) => ({
            commitment_id: id,
            version,
            record_id,
            agency: viewer.agency,
            added_by: viewer.userId,
          })),
        );
      } catch (err) {
        throw fromDatabaseError(err, 'commitment', id);
      }
      const result = await readCommitment(tx, id, now);
      return { result, ids: [id, ...evidence] };
    },
    { permission: 'records:write' },
  );
  await afterRecordChange(call.db, { id, schema: 'Commitment' });
  return view;
}
