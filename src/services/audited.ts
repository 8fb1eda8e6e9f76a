import { AppError } from '../domain/errors.js';
import { can, type Permission } from '../domain/identity/viewer.js';
import { appendAuditEntry } from '../storage/audit-log.js';
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
}

export interface Outcome<T> {
  result: T;
  /** Ids of the records, links or users the action returned or touched. */
  ids?: string[];
  count?: number;
}

/**
 * The one way a service touches data: in a viewer transaction, with its audit entry written in
 * the same transaction on success, or in a fresh one after a refusal (the failed work rolls back).
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
  const run = <R>(w: (tx: Tx) => Promise<R>) =>
    call.operator ? asOperator(call.db, w) : asViewer(call.db, call.viewer, w);
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
    return await run(async (tx) => {
      const out = await work(tx);
      await appendAuditEntry(tx, {
        ...entry,
        outcome: 'ok',
        recordIds: out.ids ?? [],
        resultCount: out.count ?? out.ids?.length ?? null,
      });
      return out.result;
    });
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'internal';
    await run((tx) => appendAuditEntry(tx, { ...entry, outcome: `error:${code}` }));
    markAudited(err);
    throw err;
  }
}
