import { AppError, notFound } from '../../domain/errors.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { checkTransition, isTraceStatus, type FinalStatus } from '../../domain/tracing/status.js';
import { changeTraceStatus, findTraceRequests } from '../../storage/trace-requests.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { resolveSharing } from '../sharing.js';
import { writeCompletions } from './complete.js';
import { requireTraceRole } from './submit-traces.js';

export type TraceAnswer =
  /** One of the ranked candidates is the sale. */
  | { firearmId: string; note?: string; purchaserSharing?: SharingInput }
  /** No candidate is: the tracer closes the request with a status and a note. */
  | { status: Exclude<FinalStatus, 'completed'>; note: string };

const MAX_NOTE = 1_000;

/**
 * The tracing agency answers a request by hand: it picks the sale among the ranked candidates
 * (a partial serial several sales fit), or closes the request with a status and a note.
 */
export async function answerTrace(call: Call, id: string, answer: TraceAnswer): Promise<void> {
  await audited(
    call,
    'trace.answer',
    {
      id,
      ...('firearmId' in answer ? { firearmId: answer.firearmId } : { status: answer.status }),
    },
    async (tx) => {
      const viewer = call.viewer!;
      await requireTraceRole(tx, viewer.agency, 'tracer');
      const [row] = await findTraceRequests(tx, [id]);
      if (!row) throw notFound('trace', id);
      const note = answer.note?.trim().slice(0, MAX_NOTE);
      const by = { agency: viewer.agency, userId: viewer.userId };
      if ('firearmId' in answer) {
        checkTransition(row.status, 'completed', id);
        const chosen = row.candidates.find((c) => c.candidate.firearmId === answer.firearmId);
        if (!chosen) {
          throw new AppError('validation_failed', {}, [
            {
              code: 'not_a_candidate',
              field: 'firearmId',
              value: answer.firearmId,
              expected: 'the firearm id of one of the ranked candidates',
            },
          ]);
        }
        const disclosure = sharingToColumns(
          await resolveSharing(
            tx,
            answer.purchaserSharing ?? {
              marking: 'AMBER',
              relCountries: [viewer.country],
            },
          ),
        );
        await writeCompletions(tx, viewer, [{ request: row, chosen }], disclosure);
        await changeTraceStatus(
          tx,
          [
            {
              id,
              status: 'completed',
              reason: { code: 'sale_chosen', ...(note ? { params: { note } } : {}) },
              candidates: null,
              final: true,
            },
          ],
          by,
        );
      } else {
        if (!isTraceStatus(answer.status) || (answer.status as string) === 'completed') {
          throw new AppError('validation_failed', {}, [
            { code: 'invalid_choice', field: 'status', value: String(answer.status) },
          ]);
        }
        if (!note) {
          throw new AppError('validation_failed', {}, [
            { code: 'required', field: 'note', expected: 'why the trace ends so' },
          ]);
        }
        checkTransition(row.status, answer.status, id);
        await changeTraceStatus(
          tx,
          [
            {
              id,
              status: answer.status,
              reason: { code: 'tracer_note', params: { note } },
              candidates: null,
              final: true,
            },
          ],
          by,
        );
      }
      return { result: undefined, ids: [id] };
    },
    { permission: 'records:write' },
  );
}
