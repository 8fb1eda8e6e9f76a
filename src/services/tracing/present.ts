import { isOverdue } from '../../domain/tracing/status.js';
import type { RankedCandidate, Reason } from '../../domain/tracing/types.js';
import type { TraceEventRow, TraceRequestRow } from '../../storage/trace-requests.js';
import type { TraceResultRow } from '../../storage/trace-results.js';
import { presentSharing } from '../records/present.js';

export interface TraceResultView {
  firearmId: string;
  saleId: string;
  saleDate: string;
  dealer: { name: string; license: string; state: string; country: string };
  timeToCrimeDays: number;
  reasons: Reason[];
  indicators: Reason[];
  tracedAt: string;
  /** The first retail purchaser: only where the tracing agency's marking for it reaches the viewer. */
  purchaser: ({ personId: string; name: string } & ReturnType<typeof presentSharing>) | null;
}

export interface TraceView {
  id: string;
  agency: string;
  requestedBy: string;
  officer: string;
  priority: string;
  status: string;
  reason: Reason;
  firearm: TraceRequestRow['firearm'];
  maker: string;
  recovery: TraceRequestRow['recovery'];
  recoveryId: string | null;
  firearmId: string | null;
  people: TraceRequestRow['people'];
  submittedAt: string;
  deadlineAt: string;
  answeredAt: string | null;
  overdue: boolean;
  /** Ranked sales, for the tracing agency only: they show other people's purchases. */
  candidates?: RankedCandidate[];
  result: TraceResultView | null;
  history?: { at: string; status: string; reason: Reason; agency: string }[];
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));

export function presentResult(r: TraceResultRow): TraceResultView {
  return {
    firearmId: r.firearm_id,
    saleId: r.sale_id,
    saleDate: r.sale_date,
    dealer: {
      name: r.dealer_name,
      license: r.dealer_license,
      state: r.dealer_state,
      country: r.sale_country,
    },
    timeToCrimeDays: r.time_to_crime_days,
    reasons: r.reasons,
    indicators: r.indicators,
    tracedAt: iso(r.traced_at),
    purchaser: r.purchaser && {
      personId: r.purchaser.person_id,
      name: r.purchaser.name,
      ...presentSharing(r.purchaser),
    },
  };
}

export function presentTrace(
  q: TraceRequestRow,
  opts: {
    tracer: boolean;
    now: Date;
    result?: TraceResultRow;
    history?: TraceEventRow[];
  },
): TraceView {
  const deadline = new Date(q.deadline_at);
  return {
    id: q.id,
    agency: q.agency,
    requestedBy: q.requested_by,
    officer: q.officer,
    priority: q.priority,
    status: q.status,
    reason: q.reason,
    firearm: q.firearm,
    maker: q.maker,
    recovery: q.recovery,
    recoveryId: q.recovery_id,
    firearmId: q.firearm_id,
    people: q.people,
    submittedAt: iso(q.submitted_at),
    deadlineAt: deadline.toISOString(),
    answeredAt: q.answered_at ? iso(q.answered_at) : null,
    overdue: isOverdue(q.status, deadline, opts.now),
    ...(opts.tracer ? { candidates: q.candidates } : {}),
    result: opts.result ? presentResult(opts.result) : null,
    ...(opts.history
      ? {
          history: opts.history.map((e) => ({
            at: iso(e.at),
            status: e.status,
            reason: e.reason,
            agency: e.agency,
          })),
        }
      : {}),
  };
}
