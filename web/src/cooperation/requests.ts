import { api, ApiError } from '../api/client';
import type {
  CommitmentInput,
  CommitmentView,
  ProgressInput,
  Proposal,
  ReadoutAccepted,
  ReadoutSource,
} from './types';

// The calls that change the tracker.

export const createCommitment = (body: CommitmentInput) =>
  api<CommitmentView>('/commitments', { method: 'POST', body });

export const addProgress = (id: string, body: ProgressInput) =>
  api<CommitmentView>(`/commitments/${encodeURIComponent(id)}/updates`, { method: 'POST', body });

export const proposeReadout = (body: ReadoutSource) =>
  api<Proposal>('/readouts/propose', { method: 'POST', body });

export const acceptReadout = (
  body: ReadoutSource & {
    proposal: Proposal;
    marking: string;
    relCountries?: string[];
    recipientAgencies?: string[];
  },
) => api<ReadoutAccepted>('/readouts', { method: 'POST', body });

/** One problem the server named, with its field (a 422's errors, a 409's too). */
export interface FieldProblem {
  code: string;
  field?: string;
  value?: string;
  expected?: string;
}

/** The problems a refusal lists field by field, or null when it is another kind of failure. */
export function listedProblems(err: unknown): FieldProblem[] | null {
  if (!(err instanceof ApiError)) return null;
  const { status, errors } = err.problem;
  if (![409, 422].includes(status) || !errors?.length) return null;
  // The schema check names a field as a JSON pointer (/indicator/target); the domain's as a path.
  return errors.map((e) => ({
    ...e,
    ...(e.field ? { field: e.field.replace(/^\//, '').replace(/\//g, '.') } : {}),
  }));
}

/** The today of due dates: a calendar day in UTC, as the server counts overdue. */
export const today = () => new Date().toISOString().slice(0, 10);
