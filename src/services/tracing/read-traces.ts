import { notFound } from '../../domain/errors.js';
import { isTraceStatus, type TraceStatus } from '../../domain/tracing/status.js';
import { findAgencies } from '../../storage/identity.js';
import type { Tx } from '../../storage/session.js';
import {
  findTraceRequests,
  listTraceEvents,
  listTraceRequests,
} from '../../storage/trace-requests.js';
import { findTraceResults } from '../../storage/trace-results.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../paging.js';
import { presentTrace, type TraceView } from './present.js';

async function isTracer(tx: Tx, agency: string) {
  const [a] = await findAgencies(tx, [agency]);
  return a?.trace_role === 'tracer';
}

/** One request with its history and answer, as the requester or a tracer sees it. */
export async function getTrace(call: Call, id: string, now = new Date()): Promise<TraceView> {
  return audited(
    call,
    'trace.get',
    { id },
    async (tx) => {
      const [row] = await findTraceRequests(tx, [id]);
      if (!row) throw notFound('trace', id);
      const [result] = await findTraceResults(tx, [id]);
      const history = await listTraceEvents(tx, id);
      const view = presentTrace(row, {
        tracer: await isTracer(tx, call.viewer!.agency),
        now,
        result,
        history,
      });
      const ids = [id, ...(result ? [result.sale_id, result.firearm_id] : [])];
      if (result?.purchaser) ids.push(result.purchaser.person_id);
      return { result: view, ids };
    },
    { readOnly: true },
  );
}

export interface TraceListInput {
  status?: string[];
  agency?: string;
  overdue?: boolean;
  cursor?: string;
  limit?: number;
}

/** The requests the viewer may see: a requester its own, a tracer the whole queue. */
export async function listTraces(
  call: Call,
  input: TraceListInput = {},
  now = new Date(),
): Promise<Page<TraceView>> {
  const status = (input.status ?? []).filter(isTraceStatus) as TraceStatus[];
  return audited(
    call,
    'trace.list',
    { ...input },
    async (tx) => {
      const limit = pageLimit(input.limit);
      const rows = await listTraceRequests(tx, {
        status,
        agency: input.agency,
        overdueAt: input.overdue ? now : undefined,
        after: decodeCursor(input.cursor),
        limit: limit + 1,
      });
      const results = new Map(
        (
          await findTraceResults(
            tx,
            rows.map((r) => r.id),
          )
        ).map((r) => [r.request_id, r]),
      );
      const tracer = await isTracer(tx, call.viewer!.agency);
      const page = toPage(rows, limit, (r) =>
        presentTrace(r, { tracer, now, result: results.get(r.id) }),
      );
      return { result: page, ids: page.items.map((t) => t.id) };
    },
    { readOnly: true },
  );
}
