import { ImportProblem } from '../problem.js';

/** Rows (and NDJSON lines) larger than this are refused rather than buffered. */
export const MAX_ROW_BYTES = 1 << 20;

export interface Line {
  /** 1-based. */
  number: number;
  text: string;
}

/** Splits text into lines (LF or CRLF) without ever holding more than one line. */
export async function* splitLines(
  text: AsyncIterable<string>,
  firstLine = 1,
): AsyncGenerator<Line> {
  let pending = '';
  let number = firstLine;
  for await (const chunk of text) {
    pending += chunk;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      const end = nl > start && pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { number, text: pending.slice(start, end) };
      number++;
      start = nl + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_ROW_BYTES) {
      throw new ImportProblem('row_too_long', { line: number, limit: MAX_ROW_BYTES });
    }
  }
  if (pending.length > 0) yield { number, text: pending.replace(/\r$/, '') };
}

/**
 * The start of a text stream (at least `want` characters, or all of it if shorter) and the
 * whole stream again, so a format can be chosen from its first bytes without re-reading.
 */
export async function peekText(
  text: AsyncIterable<string>,
  want: number,
): Promise<{ head: string; all: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  const taken: string[] = [];
  let size = 0;
  let done = false;
  while (size < want) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    size += next.value.length;
  }
  async function* all(): AsyncGenerator<string> {
    yield* taken;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield next.value;
  }
  return { head: taken.join(''), all: all() };
}
