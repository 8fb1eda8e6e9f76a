import type { TraceRequestInput } from '../domain/tracing/request.js';
import type { SourceRow } from './readers/source-row.js';

/**
 * A trace request from one row of a batch file. JSON rows carry the request's own shape; CSV
 * columns name its fields with dots (`firearm.make`, `recovery.date`, `people.0.name`), and
 * empty cells are left out.
 */
export function traceRequestFromRow(row: SourceRow, csv: boolean): TraceRequestInput {
  if (!csv) return row.fields as TraceRequestInput;
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row.fields)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const path = column.trim().split('.');
    let at: Record<string, unknown> = out;
    path.forEach((key, i) => {
      if (i === path.length - 1) at[key] = value.trim();
      else {
        const isIndex = /^\d+$/u.test(path[i + 1]!);
        at[key] ??= isIndex ? [] : {};
        at = at[key] as Record<string, unknown>;
      }
    });
  }
  if (Array.isArray(out.people)) out.people = out.people.filter(Boolean);
  return out;
}
