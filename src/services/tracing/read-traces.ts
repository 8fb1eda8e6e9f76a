import { notFound } from '../../domain/errors.js';
import { isTraceStatus, type TraceStatus } from '../../domain/tracing/status.js';
import { findAgencies } from '../../storage/identity.js';
import type { Tx } from '../../storage/session.js';
import { findLinks } from '../../storage/links.js';
import { findRecords } from '../../storage/records.js';
import {
  findTraceRequests,
  listTraceEvents,
  listTraceRequests,
  type TraceRequestRow,
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

/**
 * Candidates were ranked from what the tracer who ran the trace could see; another reader gets
 * only those whose gun and sale it sees too, and a buyer only where it sees the buyer.
 */
async function candidatesForReader(tx: Tx, rows: TraceRequestRow[]): Promise<TraceRequestRow[]> {
  const all = rows.flatMap((r) => r.candidates.map((c) => c.candidate));
  const present = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x))];
  const records = present(all.flatMap((c) => [c.firearmId, c.saleId]));
  const links = present(all.flatMap((c) => [c.soldLinkId, c.purchaseLinkId]));
  const seen = new Set([
    ...(await findRecords(tx, records)).map((r) => r.id),
    ...(await findLinks(tx, links)).map((l) => l.id),
  ]);
  return rows.map((r) => ({
    ...r,
    candidates: r.candidates
      .filter((c) =>
        [c.candidate.firearmId, c.candidate.saleId, c.candidate.soldLinkId].every((id) =>
          seen.has(id),
        ),
      )
      .map((c) =>
        c.candidate.purchaseLinkId && !seen.has(c.candidate.purchaseLinkId)
          ? { ...c, candidate: { ...c.candidate, buyerId: null, purchaseLinkId: null } }
          : c,
      ),
  }));
}

/** One request with its history and answer, as the requester or a tracer sees it. */
export async function getTrace(call: Call, id: string, now = new Date()): Promise<TraceView> {
  return audited(
    call,
    'trace.get',
    { id },
    async (tx) => {
      const [found] = await findTraceRequests(tx, [id]);
      if (!found) throw notFound('trace', id);
      const tracer = await isTracer(tx, call.viewer!.agency);
      const [row] = tracer ? await candidatesForReader(tx, [found]) : [found];
      const [result] = await findTraceResults(tx, [id]);
      const history = await listTraceEvents(tx, id);
      const view = presentTrace(row!, {
        tracer,
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
      const tracer = await isTracer(tx, call.viewer!.agency);
      const listed = await listTraceRequests(tx, {
        status,
        agency: input.agency,
        overdueAt: input.overdue ? now : undefined,
        after: decodeCursor(input.cursor),
        limit: limit + 1,
      });
      const rows = tracer ? await candidatesForReader(tx, listed) : listed;
      const results = new Map(
        (
          await findTraceResults(
            tx,
            rows.map((r) => r.id),
          )
        ).map((r) => [r.request_id, r]),
      );
      const page = toPage(rows, limit, (r) =>
        presentTrace(r, { tracer, now, result: results.get(r.id) }),
      );
      return { result: page, ids: page.items.map((t) => t.id) };
    },
    { readOnly: true },
  );
}
