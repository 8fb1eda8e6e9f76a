import type { RowProblem } from '../../import/problem.js';

/** A row set aside by `--skip-invalid`, with why. */
export interface Reject {
  line: number;
  raw: string;
  problem: RowProblem;
}

export interface Counts {
  written: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  rows: number;
  records: Counts;
  links: Counts;
  rejected: number;
  elapsedMs: number;
}

/** What an import is doing: reading rows, writing records, then links, then matching entities. */
export const IMPORT_PHASES = ['reading', 'records', 'links', 'matching'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export interface ImportProgress {
  phase: ImportPhase;
  rows: number;
  bytes: number;
  /** Records or links merged so far in the current phase. */
  merged: number;
}

export const emptyCounts = (): Counts => ({ written: 0, updated: 0, unchanged: 0 });

/** Either stops the import (the default: all or nothing) or sets the row aside. */
export type RejectRow = (reject: Reject) => Promise<void>;
