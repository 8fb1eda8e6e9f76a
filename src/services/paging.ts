import { AppError } from '../domain/errors.js';
import { isUuid } from '../domain/ids.js';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export function pageLimit(
  limit: number | undefined,
  max = MAX_PAGE,
  fallback = DEFAULT_PAGE,
): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new AppError('validation_failed', {}, [
      {
        code: 'invalid_limit',
        field: 'limit',
        value: String(limit),
        expected: `an integer from 1 to ${max}`,
      },
    ]);
  }
  return limit;
}

/** Cursors are opaque to clients; inside they carry the last id of the previous page. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) {
    throw new AppError('validation_failed', {}, [
      {
        code: 'invalid_cursor',
        field: 'cursor',
        value: cursor,
        expected: 'a cursor returned by the previous page',
      },
    ]);
  }
  return id;
}

/** Fetch one more row than the page holds, to know whether a next page exists. */
export function toPage<T extends { id: string }, V>(
  rows: T[],
  limit: number,
  present: (r: T) => V,
): Page<V> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(present),
    nextCursor: rows.length > limit && last ? Buffer.from(last.id).toString('base64url') : null,
  };
}
