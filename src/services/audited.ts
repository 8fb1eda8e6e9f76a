import { AppError } from '../domain/errors.js';
import { can, type Permission } from '../domain/identity/viewer.js';
import { appendAuditEntry } from '../storage/audit-log.js';
import { appendAuditEntryDurably } from '../storage/audit-writer.js';
import { asOperator, asViewer, type Tx } from '../storage/session.js';
import type { Call } from './context.js';

const auditedErrors = new WeakSet<object>();

/** Notes that a refusal already has its audit entry, so an outer layer does not write a second. */
export function markAudited(err: unknown): void {
  if (typeof err === 'object' && err !== null) auditedErrors.add(err);
}

export const isAudited = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && auditedErrors.has(err);

export interface Access {
  /** What the viewer's role must allow. */
  permission?: Permission;
  /** Administration the operator may do at the command line (identity, audit verification). */
  operatorAllowed?: boolean;
  /**
   * The work only reads. It runs in a read-only transaction, and its entry is appended after it
   * by the group-commit writer (many requests' entries in one statement) before the result is
   * returned. Work that writes keeps its entry in its own transaction.
   */
  readOnly?: boolean;
  /**
   * With readOnly: the work reads only memory that the viewer's own transactions filled (the
   * network cache), so it gets no transaction and holds none while it computes; it opens its
   * own as it needs them.
   */
  noTransaction?: boolean;
}

export interface Outcome<T> {
  result: T;
  /** Ids of the records, links or users the action returned or touched. */
  ids?: string[];
  count?: number;
}

/**
 * The one way a service touches data: in a viewer transaction, with its audit entry written in
 * the same transaction on success (or, for read-only work, made durable right after it), and
 * after a refusal in the group-commit writer (the failed work rolls back). The result is
 * returned only once its entry is durable.
 */
export async function audited<T>(
  call: Call,
  action: string,
  query: unknown,
  work: (tx: Tx) => Promise<Outcome<T>>,
  access: Access = {},
): Promise<T> {
  const entry = {
    userId: call.viewer?.userId ?? null,
    agency: call.viewer?.agency ?? null,
    action,
    query,
    purpose: call.purpose ?? null,
  };
  const done = (out: Outcome<unknown>) => ({
    ...entry,
    outcome: 'ok',
    recordIds: out.ids ?? [],
    resultCount: out.count ?? out.ids?.length ?? null,
  });
  const mode = { readOnly: access.readOnly };
  const run = <R>(w: (tx: Tx) => Promise<R>) =>
    call.operator ? asOperator(call.db, w, mode) : asViewer(call.db, call.viewer, w, mode);
  try {
    if (call.operator) {
      // The operator administers identity and the log; records are read only by viewers.
      if (!access.operatorAllowed) throw new AppError('forbidden', { permission: 'operator' });
    } else {
      if (!call.viewer) throw new AppError('unauthenticated');
      const { permission } = access;
      if (permission && !can(call.viewer, permission))
        throw new AppError('forbidden', { permission });
    }
    if (access.readOnly) {
      // The work of a noTransaction read is given no transaction: it must not touch one.
      const out = await (access.noTransaction ? work(undefined as unknown as Tx) : run(work));
      await appendAuditEntryDurably(call.db, done(out));
      return out.result;
    }
    return await run(async (tx) => {
      const out = await work(tx);
      await appendAuditEntry(tx, done(out));
      return out.result;
    });
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'internal';
    await appendAuditEntryDurably(call.db, { ...entry, outcome: `error:${code}` });
    markAudited(err);
    throw err;
  }
}
