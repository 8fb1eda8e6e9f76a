import { AppError } from '../../domain/errors.js';
import { MATCH_PROBABILITY, REVIEW_PROBABILITY } from '../../domain/resolution/model.js';
import { findRecords } from '../../storage/records.js';
import { reviewEdges } from '../../storage/resolution.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { pageLimit, type Page } from '../paging.js';
import { presentSharing, type SharingView } from '../records/present.js';

export interface ReviewSide extends SharingView {
  id: string;
  caption: string;
  agency: string;
  schema: string;
}

export interface ReviewPair {
  a: ReviewSide;
  b: ReviewSide;
  probability: number;
  weight: number;
}

interface Cursor {
  p: number;
  a: string;
  b: string;
}

function decode(cursor: string | undefined): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.p === 'number' && typeof c.a === 'string' && typeof c.b === 'string') return c;
  } catch {
    // falls through to the problem below
  }
  throw new AppError('validation_failed', {}, [
    { code: 'invalid_cursor', field: 'cursor', expected: 'a cursor from a previous page' },
  ]);
}

/**
 * Uncertain pairs for an analyst to judge: probable but below a match, undecided, and made of
 * two records the viewer may see. Least certain first.
 */
export async function listReview(
  call: Call,
  input: { cursor?: string; limit?: number },
): Promise<Page<ReviewPair>> {
  const limit = pageLimit(input.limit);
  const after = decode(input.cursor);
  return audited(
    call,
    'entity.review',
    { cursor: input.cursor ?? null },
    async (tx) => {
      const edges = await reviewEdges(
        tx,
        REVIEW_PROBABILITY,
        MATCH_PROBABILITY,
        limit + 1,
        after && { probability: after.p, a: after.a, b: after.b },
      );
      const page = edges.slice(0, limit);
      const records = new Map(
        (
          await findRecords(
            tx,
            page.flatMap((e) => [e.a, e.b]),
          )
        ).map((r) => [r.id, r]),
      );
      const side = (id: string) => {
        const r = records.get(id)!;
        return {
          id,
          caption: r.caption,
          agency: r.agency,
          schema: r.schema,
          ...presentSharing(r),
        };
      };
      const items = page.map((e) => ({
        a: side(e.a),
        b: side(e.b),
        probability: e.probability,
        weight: e.weight,
      }));
      const last = page[page.length - 1];
      const nextCursor =
        edges.length > limit && last
          ? Buffer.from(JSON.stringify({ p: last.probability, a: last.a, b: last.b })).toString(
              'base64url',
            )
          : null;
      return { result: { items, nextCursor }, ids: [...records.keys()] };
    },
    { readOnly: true },
  );
}
