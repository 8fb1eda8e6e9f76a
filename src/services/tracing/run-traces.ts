import { AppError } from '../../domain/errors.js';
import { sharingToColumns } from '../../domain/policy/keys.js';
import type { SharingInput } from '../../domain/policy/sharing.js';
import { rankCandidates, type TraceQuery } from '../../domain/tracing/candidates.js';
import { decideTrace, type TraceDecision } from '../../domain/tracing/decide.js';
import { makerOf } from '../../domain/tracing/makers.js';
import { patternProbes } from '../../domain/tracing/serial-pattern.js';
import type { SerialReading } from '../../domain/tracing/serial.js';
import { isFinal, type TraceStatus } from '../../domain/tracing/status.js';
import type { SaleCandidate } from '../../domain/tracing/types.js';
import { listAgencies } from '../../storage/identity.js';
import type { Tx } from '../../storage/session.js';
import {
  changeTraceStatus,
  findTraceRequests,
  takePendingRequests,
  type StatusChange,
  type TraceRequestRow,
} from '../../storage/trace-requests.js';
import { salesFittingPatterns, salesWithSerials } from '../../storage/trace-sales.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { resolveSharing } from '../sharing.js';
import { writeCompletions, type Completion } from './complete.js';
import { requireTraceRole } from './submit-traces.js';

/** Candidates kept on a request for the tracer to choose from. */
const KEPT_CANDIDATES = 10;
export const DEFAULT_BATCH = 500;

export interface RunOptions {
  /** Trace these requests; by default the queue of submitted ones, most urgent first. */
  ids?: readonly string[];
  /** Stop after this many traces. */
  limit?: number;
  batchSize?: number;
  /** Who may see each purchaser's identity; by default AMBER, to the tracing agency's and the
   * requester's countries. */
  purchaserSharing?: SharingInput;
  onProgress?: (p: { traced: number; byStatus: Partial<Record<TraceStatus, number>> }) => void;
  signal?: AbortSignal;
}

export interface RunSummary {
  traced: number;
  byStatus: Partial<Record<TraceStatus, number>>;
  elapsedMs: number;
}

function readingOf(q: TraceRequestRow): SerialReading {
  if (q.serial_full) return { kind: 'full', key: q.serial_key };
  if (!q.serial_key) return { kind: 'obliterated' };
  return {
    kind: 'partial',
    pattern: q.serial_key,
    known: q.serial_key.replace(/[_%]/gu, '').length,
  };
}

const gunKey = (maker: string, key: string) => `${maker}\u0000${key}`;

/** Looks every request up in the sales index: whole serials in one query, partial ones in another. */
async function candidatesFor(tx: Tx, rows: readonly TraceRequestRow[]) {
  // Several agencies may ask about the same gun: each gun is looked up once.
  const wanted = new Map(
    rows
      .filter((r) => r.serial_full)
      .map((r) => [gunKey(r.maker, r.serial_key), { maker: r.maker, key: r.serial_key }]),
  );
  const found = new Map<string, SaleCandidate[]>();
  for (const c of await salesWithSerials(tx, [...wanted.values()])) {
    const k = gunKey(c.maker, c.serialKey);
    found.set(k, [...(found.get(k) ?? []), c]);
  }
  const partial = rows.filter((r) => !r.serial_full && r.serial_key);
  const fitting = await salesFittingPatterns(
    tx,
    partial.map((r) => ({ maker: r.maker, ...patternProbes(r.serial_key) })),
  );
  const out = new Map<string, SaleCandidate[]>();
  partial.forEach((r, i) => out.set(r.id, fitting[i]!));
  for (const r of rows) {
    if (r.serial_full) out.set(r.id, found.get(gunKey(r.maker, r.serial_key)) ?? []);
    else if (!r.serial_key) out.set(r.id, []);
  }
  return out;
}

/** A sale of the same gun after it was recovered is a sign the dates are wrong: say so. */
function soldAfterRecovery(
  decision: TraceDecision,
  row: TraceRequestRow,
  sales: readonly SaleCandidate[],
): TraceDecision {
  if (decision.status !== 'no_record_found' || !row.serial_full) return decision;
  const later = sales.find((s) => s.saleDate > row.recovered_on);
  if (!later) return decision;
  return {
    ...decision,
    reason: {
      code: 'recovered_before_sale',
      params: { saleDate: later.saleDate, recovered: row.recovered_on },
    },
  };
}

async function traceBatch(
  tx: Tx,
  call: Call,
  rows: readonly TraceRequestRow[],
  sharing: SharingInput | undefined,
  byStatus: Partial<Record<TraceStatus, number>>,
) {
  const viewer = call.viewer!;
  const candidates = await candidatesFor(tx, rows);
  const moves: StatusChange[] = [];
  const done: Completion[] = [];
  for (const row of rows) {
    const maker = makerOf(row.maker);
    const reading = readingOf(row);
    const sales = candidates.get(row.id) ?? [];
    let decision: TraceDecision;
    let ranked: ReturnType<typeof rankCandidates> = [];
    if (!maker) {
      decision = {
        status: 'not_traceable',
        reason: { code: 'unknown_maker', params: { maker: row.maker } },
        chosen: null,
      };
    } else {
      if (reading.kind === 'full' || reading.kind === 'partial') {
        const q: TraceQuery = {
          maker,
          serial: reading,
          firearm: row.firearm,
          recoveredOn: row.recovered_on,
        };
        ranked = rankCandidates(q, sales);
      }
      decision = soldAfterRecovery(decideTrace(maker, reading, row.firearm, ranked), row, sales);
    }
    const kept = ranked.slice(0, KEPT_CANDIDATES);
    if (decision.status !== 'in_progress') {
      moves.push(
        {
          id: row.id,
          status: 'in_progress',
          reason: { code: 'trace_started' },
          candidates: null,
          final: false,
        },
        {
          id: row.id,
          status: decision.status,
          reason: decision.reason,
          candidates: kept,
          final: true,
        },
      );
    } else {
      moves.push({
        id: row.id,
        status: 'in_progress',
        reason: decision.reason,
        candidates: kept,
        final: false,
      });
    }
    if (decision.chosen) done.push({ request: row, chosen: decision.chosen });
    byStatus[decision.status] = (byStatus[decision.status] ?? 0) + 1;
  }
  const by = { agency: viewer.agency, userId: viewer.userId };
  await writeCompletions(tx, viewer, done, await disclosureFor(tx, call, rows, sharing));
  await changeTraceStatus(tx, moves, by);
}

/**
 * The purchaser's marking: what the tracing agency chose, or by default AMBER to its own
 * country and the requesters' countries in this batch.
 */
async function disclosureFor(
  tx: Tx,
  call: Call,
  rows: readonly TraceRequestRow[],
  sharing: SharingInput | undefined,
) {
  if (sharing) return sharingToColumns(await resolveSharing(tx, sharing));
  const requesters = new Set(rows.map((r) => r.agency));
  const countries = (await listAgencies(tx))
    .filter((a) => requesters.has(a.code))
    .map((a) => a.country);
  return sharingToColumns(
    await resolveSharing(tx, {
      marking: 'AMBER',
      relCountries: [...new Set([call.viewer!.country, ...countries])],
    }),
  );
}

/**
 * Runs traces as the tracing agency: each request is looked up in the sales it may see, its
 * candidates ranked, and answered (completed, no record found, serial obliterated, not
 * traceable) or left in progress with its candidates when several sales fit about equally. One
 * transaction and one audit entry per batch.
 */
export async function runTraces(call: Call, opts: RunOptions = {}): Promise<RunSummary> {
  const started = Date.now();
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? DEFAULT_BATCH, 5_000));
  const byStatus: Partial<Record<TraceStatus, number>> = {};
  let traced = 0;
  const ids = opts.ids ? [...opts.ids] : null;
  for (;;) {
    if (opts.signal?.aborted) break;
    const room = Math.min(batchSize, (opts.limit ?? Infinity) - traced);
    if (room <= 0) break;
    const chunk = ids?.splice(0, room);
    if (ids && !chunk?.length) break;
    const n = await audited(
      call,
      'trace.run',
      chunk ? { ids: chunk } : { queue: room },
      async (tx) => {
        await requireTraceRole(tx, call.viewer!.agency, 'tracer');
        const rows = chunk
          ? await findTraceRequests(tx, chunk)
          : await takePendingRequests(tx, room);
        if (chunk) {
          const open = new Set(rows.map((r) => r.id));
          const missing = chunk.find((id) => !open.has(id));
          if (missing) throw new AppError('not_found', { kind: 'trace', id: missing });
          const answered = rows.find((r) => r.status !== 'submitted');
          if (answered) {
            throw new AppError('conflict', {
              kind: 'trace',
              id: answered.id,
              from: answered.status,
              to: isFinal(answered.status as TraceStatus) ? answered.status : 'in_progress',
            });
          }
        }
        await traceBatch(tx, call, rows, opts.purchaserSharing, byStatus);
        return { result: rows.length, ids: rows.map((r) => r.id) };
      },
      { permission: 'records:write' },
    );
    traced += n;
    opts.onProgress?.({ traced, byStatus: { ...byStatus } });
    if (!chunk && n < room) break;
  }
  return { traced, byStatus, elapsedMs: Date.now() - started };
}
