import { ImportProblem } from '../problem.js';
import { MAX_ROW_BYTES } from './lines.js';
import { parseObject } from './ndjson.js';
import type { ReadRow } from './source-row.js';

/**
 * A JSON array of objects, read element by element: the scanner tracks only nesting and
 * strings, and each complete element is parsed on its own, so memory holds one element.
 */
export async function* readJsonArray(text: AsyncIterable<string>): AsyncGenerator<ReadRow> {
  let state = 'before' as 'before' | 'between' | 'element' | 'after';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let line = 1;
  let elementLine = 1;
  let rows = 0;
  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === '\n') line++;
      if (state === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') {
          depth--;
          if (depth === 0) {
            element += chunk.slice(start, i + 1);
            rows++;
            yield parseObject(element, elementLine);
            element = '';
            state = 'between';
          }
        } else if (depth === 0 && (c === ',' || c === ']')) {
          throw new ImportProblem('json_syntax', {
            line,
            reason: 'array elements must be objects',
          });
        }
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
      if (state === 'before') {
        if (c !== '[') throw new ImportProblem('json_syntax', { line, reason: 'expected [' });
        state = 'between';
      } else if (state === 'between') {
        if (c === ']') state = 'after';
        else if (c === ',') continue;
        else {
          state = 'element';
          depth = c === '{' || c === '[' ? 1 : 0;
          inString = c === '"';
          elementLine = line;
          start = i;
        }
      } else {
        throw new ImportProblem('json_syntax', { line, reason: 'text after the closing ]' });
      }
    }
    if (state === 'element') {
      element += chunk.slice(start);
      if (element.length > MAX_ROW_BYTES)
        throw new ImportProblem('row_too_long', { line: elementLine, limit: MAX_ROW_BYTES });
    }
  }
  if (state !== 'after')
    throw new ImportProblem('json_syntax', { line, reason: 'the array is not closed' });
  if (rows === 0) throw new ImportProblem('no_rows');
}
