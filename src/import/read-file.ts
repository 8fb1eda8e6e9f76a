import { extname } from 'node:path';
import { decodeText, type Encoding } from './encoding.js';
import type { RowItems } from './items.js';
import type { Mapping } from './mapping/compile-mapping.js';
import { nativeItems } from './native.js';
import { ImportProblem, RowProblem } from './problem.js';
import { readCsv } from './readers/csv.js';
import { readJsonArray } from './readers/json-array.js';
import { peekText } from './readers/lines.js';
import { readNdjson } from './readers/ndjson.js';
import {
  isUnreadable,
  type ReadRow,
  type SourceRow,
  type UnreadableRow,
} from './readers/source-row.js';

export const FORMATS = ['csv', 'ndjson', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReadOptions {
  fileName: string;
  mapping?: Mapping;
  encoding?: Encoding;
  format?: Format;
  delimiter?: string;
}

const BY_EXTENSION: Record<string, Format> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'json',
};

/** JSON files are often NDJSON in disguise (FollowTheMoney writes entities that way). */
function detectFormat(fileName: string, head: string): Format {
  const first = head.trimStart()[0];
  const byName = BY_EXTENSION[extname(fileName).toLowerCase()];
  if (byName !== 'csv') {
    if (first === '[') return 'json';
    if (first === '{') return 'ndjson';
  }
  if (byName) return byName;
  throw new ImportProblem('unknown_format', { file: fileName });
}

const NATIVE_ENTITY = ['id', 'schema'];
const NATIVE_LINK = ['type', 'source', 'target'];

function checkColumns(row: SourceRow, mapping: Mapping | undefined): void {
  const header = new Set(Object.keys(row.fields));
  if (mapping) {
    const missing = [...mapping.columns].filter((c) => !header.has(c));
    if (missing.length)
      throw new ImportProblem('missing_columns', {
        columns: missing.join(', '),
        found: [...header].join(', '),
      });
    return;
  }
  const native =
    NATIVE_ENTITY.every((c) => header.has(c)) || NATIVE_LINK.every((c) => header.has(c));
  if (!native) throw new ImportProblem('unknown_columns', { columns: [...header].join(', ') });
}

function itemsOf(
  row: ReadRow,
  mapping: Mapping | undefined,
  csv: boolean,
): RowItems | UnreadableRow {
  if (isUnreadable(row)) return row;
  try {
    return mapping ? mapping.apply(row) : nativeItems(row, csv);
  } catch (err) {
    if (err instanceof RowProblem) return { line: row.line, raw: row.raw, problem: err };
    throw err;
  }
}

/** A partner's file as rows: decoded, its format found, read. File-wide problems are thrown. */
export async function* readRows(
  bytes: AsyncIterable<Uint8Array>,
  options: Omit<ReadOptions, 'mapping'> & { mapping?: Mapping },
): AsyncGenerator<{ row: ReadRow; csv: boolean }> {
  const { mapping } = options;
  const text = decodeText(bytes, options.encoding);
  const { head, all } = await peekText(text, 4096);
  if (head.trim() === '') throw new ImportProblem('empty_file');
  const format = options.format ?? mapping?.format ?? detectFormat(options.fileName, head);
  const csv = format === 'csv';
  const rows =
    format === 'csv'
      ? readCsv(all, { delimiter: options.delimiter ?? mapping?.delimiter })
      : format === 'ndjson'
        ? readNdjson(all)
        : readJsonArray(all);
  for await (const row of rows) yield { row, csv };
}

/**
 * A partner's file as a stream of what each row contributes. Problems with the whole file
 * (encoding, format, header) are thrown; problems with one row are yielded, so the caller
 * decides whether to stop or set the row aside.
 */
export async function* readItems(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadOptions,
): AsyncGenerator<RowItems | UnreadableRow> {
  const { mapping } = options;
  let first = true;
  for await (const { row, csv } of readRows(bytes, options)) {
    // A CSV header names every column; JSON rows name only the fields they have.
    if (first && csv && !isUnreadable(row)) {
      checkColumns(row, mapping);
      first = false;
    }
    yield itemsOf(row, mapping, csv);
  }
}
