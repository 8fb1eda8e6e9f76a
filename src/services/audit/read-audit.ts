import { AppError } from '../../domain/errors.js';
import { isUuid } from '../../domain/ids.js';
import {
  listAuditEntries,
  verifyAuditChain,
  type AuditEntry,
  type ChainCheck,
} from '../../storage/audit-log.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { pageLimit } from '../paging.js';

export interface ListAuditInput {
  userId?: string;
  action?: string;
  recordId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

function parseDate(field: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new AppError('validation_failed', {}, [
      { code: 'invalid_date', field, value, expected: 'an ISO 8601 date or timestamp' },
    ]);
  }
  return d;
}

/** Supervisors read their own agency's log, newest first (row-level security scopes it). */
export async function listAudit(call: Call, input: ListAuditInput): Promise<AuditPage> {
  return audited(
    call,
    'audit.list',
    { ...input, cursor: undefined },
    async (tx) => {
      const limit = pageLimit(input.limit);
      const before = input.cursor === undefined ? undefined : Number(input.cursor);
      if (before !== undefined && !(Number.isInteger(before) && before > 0)) {
        throw new AppError('validation_failed', {}, [
          {
            code: 'invalid_cursor',
            field: 'cursor',
            value: input.cursor,
            expected: 'a cursor returned by the previous page',
          },
        ]);
      }
      for (const field of ['userId', 'recordId'] as const) {
        const v = input[field];
        if (v !== undefined && !isUuid(v)) {
          throw new AppError('validation_failed', {}, [
            { code: 'invalid_id', field, value: v, expected: 'a UUID' },
          ]);
        }
      }
      const from = parseDate('from', input.from);
      const to = parseDate('to', input.to);
      const rows = await listAuditEntries(tx, {
        agency: call.viewer!.agency,
        userId: input.userId,
        action: input.action,
        recordId: input.recordId,
        from,
        to,
        before,
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        result: { items, nextCursor: rows.length > limit && last ? String(last.seq) : null },
        count: items.length,
      };
    },
    { permission: 'audit:read', readOnly: true },
  );
}

/** Walks the whole chain (the operator's job: it spans every agency) and records that it did. */
export async function verifyAudit(
  call: Call,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainCheck> {
  const check = call.operator ? await verifyAuditChain(call.db, onProgress) : undefined;
  return audited(
    call,
    'audit.verify',
    { result: check?.firstBroken ?? 'intact' },
    async () => ({ result: check!, count: check!.entries }),
    { permission: 'platform:administer', operatorAllowed: true, readOnly: true },
  );
}
