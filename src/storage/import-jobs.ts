import type { Selectable } from 'kysely';
import { isUuid } from '../domain/ids.js';
import type { Tx } from './session.js';
import type { ImportJobTable } from './tables.js';

export type ImportJobRow = Selectable<ImportJobTable>;

export interface NewImportJob {
  id: string;
  agency: string;
  created_by: string;
  file_name: string;
  size_bytes: number;
  options: unknown;
}

export async function insertImportJob(tx: Tx, job: NewImportJob): Promise<void> {
  await tx
    .insertInto('puente.import_job')
    .values({ ...job, options: JSON.stringify(job.options) })
    .execute();
}

export async function findImportJob(tx: Tx, id: string): Promise<ImportJobRow | undefined> {
  if (!isUuid(id)) return undefined;
  return tx.selectFrom('puente.import_job').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listImportJobs(tx: Tx, before: string | undefined, limit: number) {
  let q = tx.selectFrom('puente.import_job').selectAll();
  if (before) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

export interface JobChange {
  status: 'running' | 'completed' | 'failed';
  summary?: unknown;
  problem?: unknown;
  rejects?: unknown[];
}

export async function updateImportJob(tx: Tx, id: string, change: JobChange): Promise<void> {
  const now = new Date();
  await tx
    .updateTable('puente.import_job')
    .set({
      status: change.status,
      ...(change.status === 'running' ? { started_at: now } : { finished_at: now }),
      ...(change.summary !== undefined ? { summary: JSON.stringify(change.summary) } : {}),
      ...(change.problem !== undefined ? { problem: JSON.stringify(change.problem) } : {}),
      ...(change.rejects !== undefined ? { rejects: JSON.stringify(change.rejects) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Jobs a stopped server left unfinished: their transaction rolled back, so nothing was written. */
export async function failInterruptedJobs(tx: Tx): Promise<number> {
  const rows = await tx
    .updateTable('puente.import_job')
    .set({
      status: 'failed',
      finished_at: new Date(),
      problem: JSON.stringify({ code: 'interrupted' }),
    })
    .where('status', 'in', ['queued', 'running'])
    .returning('id')
    .execute();
  return rows.length;
}
