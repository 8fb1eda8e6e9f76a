// The shapes of /api/v1/imports (src/http/schemas/imports.ts).

export interface ImportCounts {
  written: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  rows: number;
  records: ImportCounts;
  links: ImportCounts;
  rejected: number;
  elapsedMs: number;
}

export interface ImportProgress {
  phase: string;
  rows: number;
  bytes: number;
  merged: number;
}

export interface JobProblem {
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportJob {
  id: string;
  agency: string;
  createdAt: string;
  fileName: string;
  sizeBytes: number;
  status: 'queued' | 'running' | 'completed' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  summary: ImportSummary | null;
  problem: JobProblem | null;
  /** Why it failed, in the reader's language (line, column and value for a bad row). */
  message?: string;
  progress: ImportProgress | null;
}

/** A row set aside by "skip invalid rows". */
export interface RejectedRow {
  line: number;
  problem: JobProblem;
  raw: string;
}
