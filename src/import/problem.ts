import { AppError, type ErrorDetail } from '../domain/errors.js';

/** Why a file cannot be imported; each has its own translated message (errors:detail.invalid_file.*). */
export type ImportProblemCode =
  | 'empty_file'
  | 'no_rows'
  | 'binary_file'
  | 'invalid_utf8'
  | 'encoding_mismatch'
  | 'row_too_long'
  | 'csv_syntax'
  | 'json_syntax'
  | 'not_an_entity'
  | 'unknown_fields'
  | 'unknown_columns'
  | 'missing_columns'
  | 'invalid_row'
  | 'invalid_mapping'
  | 'unknown_format';

/** A file-level or row-level refusal: the import writes nothing (unless rows may be skipped). */
export class ImportProblem extends AppError {
  constructor(
    readonly problem: ImportProblemCode,
    params: Record<string, string | number> = {},
    details: ErrorDetail[] = [],
  ) {
    super('invalid_file', { problem, ...params }, details);
  }
}

/** A problem with one row, which `--skip-invalid` may set aside instead of stopping. */
export class RowProblem extends ImportProblem {
  constructor(
    readonly line: number,
    problem: ImportProblemCode,
    params: Record<string, string | number> = {},
    details: ErrorDetail[] = [],
  ) {
    super(problem, { line, ...params }, details);
  }
}

/** A row's validation problems: the message names the first, the details list them all. */
export function invalidRow(line: number, details: ErrorDetail[]): RowProblem {
  const first = details[0] ?? { code: 'invalid_value' };
  return new RowProblem(
    line,
    'invalid_row',
    {
      column: first.field ?? first.code,
      value: first.value ?? '',
      expected: first.expected ?? first.code,
    },
    details.map((d) => ({ ...d, line })),
  );
}
