import type { FastifyRequest } from 'fastify';
import { appendAuditEntryDurably } from '../storage/audit-writer.js';
import type { Db } from '../storage/database.js';
import type { ProblemSpec } from './problem.js';

/**
 * A request refused before any service ran (unreadable, invalid, too large, unknown route) is
 * still an access attempt: record who tried what. The body is left out (it was refused).
 */
export async function auditRejection(
  db: Db,
  req: FastifyRequest,
  problem: ProblemSpec,
): Promise<void> {
  const viewer = req.call?.viewer ?? null;
  const fields = problem.errors?.map((e) => `${e.code}:${e.field ?? ''}`);
  await appendAuditEntryDurably(db, {
    userId: viewer?.userId ?? null,
    agency: viewer?.agency ?? null,
    action: 'http.rejected',
    outcome: `error:${problem.code}`,
    query: {
      method: req.method,
      path: req.url.split('?')[0],
      route: req.routeOptions.url ?? null,
      fields,
    },
    purpose: req.call?.purpose?.slice(0, 500) ?? null,
  });
}
