import type { RowProblem } from '../problem.js';

/** One row of a partner's file, before mapping: field values by column name. */
export interface SourceRow {
  /** 1-based line where the row starts. */
  line: number;
  /** The row as it appeared in the file, for the reject file. */
  raw: string;
  fields: Record<string, unknown>;
}

/** A row that could not even be read (bad JSON, wrong number of columns): it may be skipped. */
export interface UnreadableRow {
  line: number;
  raw: string;
  problem: RowProblem;
}

export type ReadRow = SourceRow | UnreadableRow;

export const isUnreadable = (row: ReadRow): row is UnreadableRow => 'problem' in row;
