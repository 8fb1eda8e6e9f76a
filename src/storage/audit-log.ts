import { sql } from 'kysely';
import type { Db } from './database.js';
import type { Tx } from './session.js';

export interface AuditEntryInput {
  userId: string | null;
  agency: string | null;
  action: string;
  outcome: string;
  recordIds?: string[];
  query?: unknown;
  purpose?: string | null;
  resultCount?: number | null;
}

export interface AuditEntry {
  seq: number;
  at: Date;
  userId: string | null;
  agency: string | null;
  action: string;
  outcome: string;
  recordIds: string[];
  query: unknown;
  purpose: string | null;
  resultCount: number | null;
  hash: string;
}

/** The columns the application supplies; seq, time and hashes come from the chain trigger. */
export function auditRow(e: AuditEntryInput) {
  return {
    user_id: e.userId,
    agency: e.agency,
    action: e.action,
    outcome: e.outcome,
    record_ids: e.recordIds ?? [],
    query: e.query === undefined ? null : JSON.stringify(e.query),
    purpose: e.purpose ?? null,
    result_count: e.resultCount ?? null,
  };
}

/** Appends an entry inside the caller's transaction: it commits, or rolls back, with the work. */
export async function appendAuditEntry(tx: Tx | Db, e: AuditEntryInput): Promise<void> {
  await tx.insertInto('puente.audit_entry').values(auditRow(e)).execute();
}

export interface AuditFilter {
  agency?: string;
  userId?: string;
  action?: string;
  recordId?: string;
  from?: Date;
  to?: Date;
  /** Entries with seq below this (newest first). */
  before?: number;
  limit: number;
}

export async function listAuditEntries(tx: Tx, f: AuditFilter): Promise<AuditEntry[]> {
  let q = tx.selectFrom('puente.audit_entry').selectAll();
  if (f.agency) q = q.where('agency', '=', f.agency);
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.recordId) q = q.where(sql<boolean>`${f.recordId}::uuid = ANY(record_ids)`);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.before !== undefined) q = q.where('seq', '<', f.before);
  const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    agency: r.agency,
    action: r.action,
    outcome: r.outcome,
    recordIds: r.record_ids,
    query: r.query,
    purpose: r.purpose,
    resultCount: r.result_count,
    hash: Buffer.from(r.hash).toString('hex'),
  }));
}

export interface ChainCheck {
  entries: number;
  /** The first entry whose content or link to its predecessor does not match its hash. */
  firstBroken: {
    seq: number;
    reason: 'hash_mismatch' | 'chain_broken' | 'sequence_gap' | 'truncated';
  } | null;
  headHash: string | null;
}

/**
 * Walks the chain in pages, recomputing each hash from the entry's content and its
 * predecessor's stored hash. Runs as the operator: verification must see every agency's entries.
 */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number, total: number) => void,
  pageSize = 5000,
): Promise<ChainCheck> {
  const { rows: totals } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM puente.audit_entry`.execute(db);
  const total = totals[0]?.n ?? 0;
  const { rows: genesis } = await sql<{ h: Uint8Array }>`
    SELECT sha256(convert_to('puente audit genesis', 'UTF8')) AS h`.execute(db);
  let prevHash = Buffer.from(genesis[0]!.h);
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const { rows } = await sql<{
      seq: number;
      prev_hash: Uint8Array;
      hash: Uint8Array;
      recomputed: Uint8Array;
    }>`
      SELECT e.seq, e.prev_hash, e.hash, puente.audit_hash(e) AS recomputed
      FROM puente.audit_entry e WHERE e.seq >= ${expectedSeq} ORDER BY e.seq LIMIT ${pageSize}`.execute(
      db,
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) return broken(r.seq, 'sequence_gap');
      if (!prevHash.equals(Buffer.from(r.prev_hash))) return broken(r.seq, 'chain_broken');
      if (!Buffer.from(r.hash).equals(Buffer.from(r.recomputed)))
        return broken(r.seq, 'hash_mismatch');
      prevHash = Buffer.from(r.hash);
      expectedSeq = r.seq + 1;
      checked++;
    }
    onProgress?.(checked, total);
  }
  // Removing the newest entries leaves a valid chain; the head row remembers how long it was.
  const { rows: head } = await sql<{ seq: number; hash: Uint8Array }>`
    SELECT seq, hash FROM puente.audit_head`.execute(db);
  if (head[0] && (head[0].seq !== checked || !Buffer.from(head[0].hash).equals(prevHash))) {
    return broken(checked + 1, 'truncated');
  }
  return { entries: checked, firstBroken: null, headHash: prevHash.toString('hex') };

  function broken(
    seq: number,
    reason: NonNullable<ChainCheck['firstBroken']>['reason'],
  ): ChainCheck {
    return { entries: checked, firstBroken: { seq, reason }, headHash: null };
  }
}
