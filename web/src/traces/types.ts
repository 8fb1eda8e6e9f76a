// The shapes of the /api/v1/traces answers (src/http/schemas/traces.ts is the reference).
import type { TraceStatus } from '../../../src/domain/tracing/status.js';
import type { Sharing } from '../api/types';

export type { TraceStatus };

/** Where a request stands; the last four are final answers. */
export const TRACE_STATUSES = [
  'submitted',
  'in_progress',
  'completed',
  'no_record_found',
  'serial_obliterated',
  'not_traceable',
] as const satisfies readonly TraceStatus[];

/** How a tracer closes a request no candidate answers. */
export const CLOSING_STATUSES = [
  'no_record_found',
  'serial_obliterated',
  'not_traceable',
] as const satisfies readonly TraceStatus[];
export type ClosingStatus = (typeof CLOSING_STATUSES)[number];

export const PRIORITIES = ['routine', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const isFinal = (status: string) => status !== 'submitted' && status !== 'in_progress';

/** Why: a stable code the app explains, with the values its explanation needs. */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

export interface SaleCandidate {
  firearmId: string;
  saleId: string;
  buyerId: string | null;
  maker: string;
  serialKey: string;
  model: string;
  type: string;
  caliber: string;
  importer: string;
  saleDate: string;
  dealerName: string;
  dealerLicense: string;
  dealerState: string;
  country: string;
  multipleSale: boolean;
}

export interface RankedCandidate {
  candidate: SaleCandidate;
  score: number;
  reasons: Reason[];
}

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

export interface ShareRow {
  key: string;
  traced: number;
  toSource: number;
  share: number | null;
}

export interface TraceStatistics {
  recoveryCountry: string;
  sourceCountry: string;
  requests: number;
  pending: number;
  overall: ShareRow;
  byYear: ShareRow[];
  byType: ShareRow[];
  byRecoveryState: ShareRow[];
  bySourceState: { key: string; guns: number; share: number }[];
  medianTimeToCrimeDays: number | null;
  rifles: { baseYear: number; lastYear: number; base: number; last: number; change: number | null };
  byStatus: { key: string; count: number }[];
}

/** One entry of a refused submission: `line` is the 1-based position in the batch. */
export interface FieldProblem {
  code: string;
  line?: number;
  field?: string;
  value?: string;
  expected?: string;
}
