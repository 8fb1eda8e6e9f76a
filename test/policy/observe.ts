import { sql } from 'kysely';
import { AppError } from '../../src/domain/errors.js';
import type { Page } from '../../src/services/paging.js';
import type { Db } from '../../src/storage/database.js';
import { asOperator } from '../../src/storage/session.js';

/* How the tests look at answers: outcomes, error shapes, pages, and the audit as the operator. */

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Application refusals become values; anything else is a failure of the test. */
export async function attempt<T>(p: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e };
    throw e;
  }
}

/** Everything a client could learn from a refusal, with the id it asked about masked. */
export function errorShape(o: Outcome<unknown>, id: string) {
  if (o.ok) return { answered: 'ok' };
  const e = o.error;
  const mask = (s: string) => s.split(id).join('<id>');
  return {
    name: e.name,
    code: e.code,
    status: e.status,
    message: mask(e.message),
    params: JSON.parse(mask(JSON.stringify(e.params))) as unknown,
    details: e.details,
  };
}

/** The expected pages when ids (already in list order) are cut into pages of limit. */
export function pagesOf(ids: string[], limit: number): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < ids.length; i += limit) pages.push(ids.slice(i, i + limit));
  return pages.length ? pages : [[]];
}

/** Follows nextCursor to the end; returns the ids of each page in order. */
export async function allPages<T extends { id: string }>(
  fetch: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await fetch(cursor);
    pages.push(page.items.map((x) => x.id));
    if (!page.nextCursor) return pages;
    if (pages.length > 1000) throw new Error('paging does not end');
    cursor = page.nextCursor;
  }
}

export interface SeenEntry {
  action: string;
  outcome: string;
  ids: string[];
  count: number | null;
}

export async function auditHead(db: Db): Promise<number> {
  const { rows } = await sql<{
    seq: number;
  }>`SELECT seq::int AS seq FROM puente.audit_head`.execute(db);
  return rows[0]!.seq;
}

/** One user's audit entries after a point, read as the operator (outside the sharing rules). */
export async function auditOf(db: Db, userId: string, after: number): Promise<SeenEntry[]> {
  return asOperator(db, async (tx) => {
    const { rows } = await sql<{
      action: string;
      outcome: string;
      record_ids: string[];
      result_count: number | null;
    }>`SELECT action, outcome, record_ids::text[] AS record_ids, result_count
       FROM puente.audit_entry WHERE user_id = ${userId} AND seq > ${after} ORDER BY seq`.execute(
      tx,
    );
    return rows.map((r) => ({
      action: r.action,
      outcome: r.outcome,
      ids: r.record_ids,
      count: r.result_count,
    }));
  });
}

export async function auditSeqsOfAgency(db: Db, agency: string): Promise<number[]> {
  const { rows } = await sql<{ seq: number }>`
    SELECT seq::int AS seq FROM puente.audit_entry WHERE agency = ${agency} ORDER BY seq DESC`.execute(
    db,
  );
  return rows.map((r) => r.seq);
}
