import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { ImportProblem, RowProblem } from '../problem.js';
import { MAX_ROW_BYTES, peekText } from './lines.js';
import type { ReadRow } from './source-row.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The candidate that splits the header line most often, counting only outside quotes. */
export function detectDelimiter(header: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string = DELIMITERS[0];
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

interface Parsed {
  record: string[];
  raw: string;
  info: { lines: number };
}

function csvProblem(err: CsvError): ImportProblem {
  const line = Number((err as unknown as { lines?: number }).lines ?? 0);
  if (err.code === 'CSV_MAX_RECORD_SIZE')
    return new ImportProblem('row_too_long', { line, limit: MAX_ROW_BYTES });
  if (err.code === 'CSV_QUOTE_NOT_CLOSED')
    return new ImportProblem('csv_syntax', { line, reason: 'unclosed_quote' });
  return new ImportProblem('csv_syntax', { line, reason: 'quotes' });
}

/**
 * CSV with a header row. The delimiter is detected from the header unless given; quoted fields
 * may hold delimiters, quotes ("") and line breaks.
 */
export async function* readCsv(
  text: AsyncIterable<string>,
  options: { delimiter?: string } = {},
): AsyncGenerator<ReadRow> {
  const { head, all } = await peekText(text, 64 * 1024);
  if (head.trim() === '') throw new ImportProblem('empty_file');
  const firstLine = head.split(/\r?\n/, 1)[0]!;
  const delimiter = options.delimiter ?? detectDelimiter(firstLine);
  const parser = parse({
    delimiter,
    info: true,
    raw: true,
    max_record_size: MAX_ROW_BYTES,
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const feeding = pipeline(Readable.from(all, { objectMode: false }), parser);
  feeding.catch(() => undefined);
  let header: string[] | undefined;
  let rows = 0;
  try {
    for await (const parsed of parser as AsyncIterable<Parsed>) {
      const lineEnd = parsed.info.lines;
      const line = lineEnd - (parsed.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
      if (!header) {
        header = parsed.record.map((h) => h.trim());
        checkHeader(header);
        continue;
      }
      rows++;
      const raw = parsed.raw.replace(/\r?\n$/, '');
      if (parsed.record.length !== header.length) {
        const problem = new RowProblem(line, 'csv_syntax', {
          reason: 'column_count',
          found: parsed.record.length,
          expected: header.length,
        });
        yield { line, raw, problem };
        continue;
      }
      const fields: Record<string, string> = {};
      header.forEach((name, i) => (fields[name] = parsed.record[i]!));
      yield { line, raw, fields };
    }
    await feeding;
  } catch (err) {
    if (err instanceof CsvError) throw csvProblem(err);
    throw err;
  }
  if (rows === 0) throw new ImportProblem('no_rows');
}

function checkHeader(header: string[]): void {
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '')
      throw new ImportProblem('csv_syntax', { line: 1, reason: 'empty_column_name' });
    if (seen.has(name))
      throw new ImportProblem('csv_syntax', { line: 1, reason: 'duplicate_column', column: name });
    seen.add(name);
  }
}
