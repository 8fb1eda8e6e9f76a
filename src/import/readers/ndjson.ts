import { ImportProblem, RowProblem } from '../problem.js';
import { splitLines } from './lines.js';
import type { ReadRow } from './source-row.js';

export function parseObject(raw: string, line: number): ReadRow {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return {
      line,
      raw,
      problem: new RowProblem(line, 'json_syntax', { reason: (err as Error).message }),
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { line, raw, problem: new RowProblem(line, 'not_an_entity') };
  return { line, raw, fields: value as Record<string, unknown> };
}

/** One JSON object per line; blank lines are skipped. */
export async function* readNdjson(text: AsyncIterable<string>): AsyncGenerator<ReadRow> {
  let rows = 0;
  for await (const { number, text: raw } of splitLines(text)) {
    if (raw.trim() === '') continue;
    rows++;
    yield parseObject(raw, number);
  }
  if (rows === 0) throw new ImportProblem('no_rows');
}
