import { REQUEST_FIELDS } from './requests';

// A file of trace requests read in the browser: JSON (an array, `{requests: [...]}` or one
// request), NDJSON (one request a line) or CSV whose columns are named by the fields' paths
// (`firearm.make`, `recovery.date`, `people[0].name`). Nothing is sent until it has been read.

export type BatchFormat = 'json' | 'ndjson' | 'csv';

/** A problem with the file itself, before any request is checked. */
export interface FileProblem {
  code: 'empty' | 'invalid_json' | 'not_requests' | 'unknown_columns' | 'unclosed_quote';
  /** The line of the file, where there is one. */
  line?: number;
  value?: string;
}

export interface ParsedBatch {
  format: BatchFormat;
  /** The requests as read, not yet checked. */
  requests: unknown[];
  /** For each request, the line of the file it starts on. */
  lines: number[];
  problems: FileProblem[];
}

const PERSON_COLUMN = /^people(?:\[(\d+)\]|\.(\d+))\.(role|name|recordId)$/;
const ID_COLUMNS = new Set(['recoveryId', 'firearmId']);

export function formatOf(name: string, text: string): BatchFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) {
    try {
      JSON.parse(start);
      return 'json';
    } catch {
      return 'ndjson';
    }
  }
  return 'csv';
}

export function parseBatch(name: string, content: string): ParsedBatch {
  const text = content.replace(/^\uFEFF/, '');
  const format = formatOf(name, text);
  const empty = (): ParsedBatch => ({
    format,
    requests: [],
    lines: [],
    problems: [{ code: 'empty' }],
  });
  if (text.trim() === '') return empty();
  if (format === 'csv') return parseCsvRequests(text);
  if (format === 'ndjson') return parseNdjson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ...empty(), problems: [{ code: 'invalid_json', value: (err as Error).message }] };
  }
  const list = Array.isArray(value)
    ? value
    : value &&
        typeof value === 'object' &&
        Array.isArray((value as { requests?: unknown }).requests)
      ? (value as { requests: unknown[] }).requests
      : value && typeof value === 'object'
        ? [value]
        : null;
  if (!list) return { ...empty(), problems: [{ code: 'not_requests' }] };
  if (!list.length) return empty();
  // A JSON document has no line per request: requests are numbered in order.
  return { format, requests: list, lines: list.map((_, i) => i + 1), problems: [] };
}

function parseNdjson(text: string): ParsedBatch {
  const requests: unknown[] = [];
  const lines: number[] = [];
  const problems: FileProblem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      requests.push(JSON.parse(line));
      lines.push(i + 1);
    } catch (err) {
      problems.push({ code: 'invalid_json', line: i + 1, value: (err as Error).message });
    }
  });
  if (!requests.length && !problems.length) problems.push({ code: 'empty' });
  return { format: 'ndjson', requests, lines, problems };
}

/** The delimiter of a header line: the most frequent of comma, semicolon and tab. */
function delimiterOf(header: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** RFC 4180 rows with the line each starts on; quoted fields may hold delimiters and newlines. */
export function parseCsv(
  text: string,
  delimiter = delimiterOf(text.split(/\r?\n/, 1)[0] ?? ''),
): { rows: { line: number; cells: string[] }[]; unclosedAt?: number } {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) return { rows, unclosedAt: quoteLine };
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { rows: rows.filter((r) => r.cells.some((x) => x.trim() !== '')) };
}

function parseCsvRequests(text: string): ParsedBatch {
  const parsed = parseCsv(text);
  const fail = (p: FileProblem): ParsedBatch => ({
    format: 'csv',
    requests: [],
    lines: [],
    problems: [p],
  });
  if (parsed.unclosedAt) return fail({ code: 'unclosed_quote', line: parsed.unclosedAt });
  const [header, ...rows] = parsed.rows;
  if (!header || !rows.length) return fail({ code: 'empty' });
  const columns = header.cells.map((c) => c.trim());
  const unknown = columns.filter(
    (c) => c !== '' && !(c in REQUEST_FIELDS) && !PERSON_COLUMN.test(c) && !ID_COLUMNS.has(c),
  );
  if (unknown.length) return fail({ code: 'unknown_columns', line: 1, value: unknown.join(', ') });
  const requests = rows.map(({ cells }) => {
    const request: Record<string, unknown> = {};
    const people: Record<string, string>[] = [];
    columns.forEach((column, i) => {
      const value = cells[i] ?? '';
      if (column === '' || value.trim() === '') return;
      const person = PERSON_COLUMN.exec(column);
      if (person) {
        const index = Number(person[1] ?? person[2]);
        (people[index] ??= {})[person[3]!] = value;
        return;
      }
      const [head, key] = column.split('.') as [string, string | undefined];
      if (key === undefined) request[head] = value;
      else ((request[head] ??= {}) as Record<string, string>)[key] = value;
    });
    const listed = people.filter((p) => p !== undefined);
    if (listed.length) request.people = listed;
    return request;
  });
  return { format: 'csv', requests, lines: rows.map((r) => r.line), problems: [] };
}
