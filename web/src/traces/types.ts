// The shapes of the /api/v1/traces answers (src/http/schemas/traces.ts is the reference).
import type { RankedCandidate, Reason } from '../../../src/domain/tracing/types.js';
import type { Share, TraceStatistics } from '../../../src/domain/tracing/stats.js';
import { CLOSING_STATUSES } from '../../../src/domain/tracing/status.js';
import type { Sharing } from '../api/types';

export {
  PRIORITIES,
  TRACE_STATUSES,
  type Priority,
  type TraceStatus,
} from '../../../src/domain/tracing/status.js';
export type { RankedCandidate, Reason, SaleCandidate } from '../../../src/domain/tracing/types.js';
export type { Share as ShareRow, TraceStatistics };
export { CLOSING_STATUSES };

export type ClosingStatus = (typeof CLOSING_STATUSES)[number];

/** The last four statuses are final answers. */
export const isFinal = (status: string) => status !== 'submitted' && status !== 'in_progress';

export interface TraceResult {
  firearmId: string;
  saleId: string;
  saleDate: string;
  dealer: { name: string; license: string; state: string; country: string };
  timeToCrimeDays: number;
  reasons: Reason[];
  indicators: Reason[];
  tracedAt: string;
  /** Null when the tracing agency's marking for the purchaser does not reach the viewer. */
  purchaser: ({ personId: string; name: string } & Sharing) | null;
}

export interface FirearmDescription {
  make: string;
  model?: string;
  type?: string;
  caliber?: string;
  serialNumber?: string;
  obliterated?: string;
  importer?: string;
  countryOfManufacture?: string;
}

export interface RecoveryDescription {
  date: string;
  country: string;
  state?: string;
  place?: string;
  circumstances?: string;
  caseNumber?: string;
}

export interface TraceView {
  id: string;
  agency: string;
  requestedBy: string;
  officer: string;
  priority: string;
  status: string;
  reason: Reason;
  firearm: FirearmDescription;
  maker: string;
  recovery: RecoveryDescription;
  recoveryId: string | null;
  firearmId: string | null;
  people: { role: string; name: string; recordId?: string }[];
  submittedAt: string;
  deadlineAt: string;
  answeredAt: string | null;
  overdue: boolean;
  /** Present for the tracing agency only. */
  candidates?: RankedCandidate[];
  result: TraceResult | null;
  history?: { at: string; status: string; reason: Reason; agency: string }[];
}

/** One request as the submit form and the batch upload send it. */
export interface TraceRequestInput {
  priority?: string;
  officer?: string;
  firearm: Partial<FirearmDescription>;
  recovery: Partial<RecoveryDescription>;
  people?: { role: string; name: string }[];
}

export interface SubmitResult {
  submitted: number;
  ids: string[];
}

export interface RunSummary {
  traced: number;
  byStatus: Record<string, number>;
  elapsedMs: number;
}

/** One entry of a refused submission: `line` is the 1-based position in the batch. */
export interface FieldProblem {
  code: string;
  line?: number;
  field?: string;
  value?: string;
  expected?: string;
}
