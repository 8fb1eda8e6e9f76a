import { notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import {
  failInterruptedJobs,
  findImportJob,
  insertImportJob,
  listImportJobs as selectJobs,
  updateImportJob,
  type ImportJobRow,
  type JobChange,
} from '../../storage/import-jobs.js';
import type { Db } from '../../storage/database.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { decodeCursor, pageLimit, toPage, type Page } from '../paging.js';
import type { ImportProgress, ImportSummary } from './outcome.js';

/** What an upload asks for: the same choices as `puente import`. */
export interface ImportJobOptions {
  format?: string;
  encoding?: string;
  delimiter?: string;
  marking?: string;
  rel?: string[];
  recipients?: string[];
  skipInvalid?: boolean;
  /** The mapping's text, kept so the job says exactly how its file was read. */
  mapping?: string;
}

export interface JobProblem {
  code: string;
  params?: Record<string, string | number>;
  details?: unknown[];
}

export interface StoredReject {
  line: number;
  problem: JobProblem;
  raw: string;
}

export interface ImportJobView {
  id: string;
  agency: string;
  createdBy: string;
  createdAt: string;
  fileName: string;
  sizeBytes: number;
  options: ImportJobOptions;
  status: 'queued' | 'running' | 'completed' | 'failed';
  startedAt: string | null;
  finishedAt: string | null;
  summary: ImportSummary | null;
  problem: JobProblem | null;
  /** While it runs. */
  progress: ImportProgress | null;
}

export function presentJob(row: ImportJobRow, progress?: ImportProgress): ImportJobView {
  return {
    id: row.id,
    agency: row.agency,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    fileName: row.file_name,
    sizeBytes: Number(row.size_bytes),
    options: row.options as ImportJobOptions,
    status: row.status as ImportJobView['status'],
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    summary: (row.summary as ImportSummary | null) ?? null,
    problem: (row.problem as JobProblem | null) ?? null,
    progress: row.status === 'running' ? (progress ?? null) : null,
  };
}

/** Registers an uploaded file as a queued job of the uploader's agency. */
export async function submitImport(
  call: Call,
  input: { fileName: string; sizeBytes: number; options: ImportJobOptions },
): Promise<ImportJobView> {
  return audited(
    call,
    'import.submit',
    { file: input.fileName, bytes: input.sizeBytes },
    async (tx) => {
      const id = newId();
      const viewer = call.viewer!;
      await insertImportJob(tx, {
        id,
        agency: viewer.agency,
        created_by: viewer.userId,
        file_name: input.fileName,
        size_bytes: input.sizeBytes,
        options: input.options,
      });
      const row = await findImportJob(tx, id);
      return { result: presentJob(row!), ids: [] };
    },
    { permission: 'records:write' },
  );
}

export async function getImportJob(
  call: Call,
  id: string,
  progress?: (id: string) => ImportProgress | undefined,
): Promise<ImportJobView> {
  return audited(call, 'import.get', { id }, async (tx) => {
    const row = await findImportJob(tx, id);
    if (!row) throw notFound('import', id);
    return { result: presentJob(row, progress?.(id)), ids: [] };
  });
}

export async function listImports(
  call: Call,
  input: { cursor?: string; limit?: number },
  progress?: (id: string) => ImportProgress | undefined,
): Promise<Page<ImportJobView>> {
  return audited(call, 'import.list', { limit: input.limit ?? null }, async (tx) => {
    const limit = pageLimit(input.limit);
    const rows = await selectJobs(tx, decodeCursor(input.cursor), limit + 1);
    return { result: toPage(rows, limit, (r) => presentJob(r, progress?.(r.id))), ids: [] };
  });
}

/** The rows a job set aside, each with its problem, as `--skip-invalid` writes them. */
export async function getImportRejects(call: Call, id: string): Promise<StoredReject[]> {
  return audited(call, 'import.rejects', { id }, async (tx) => {
    const row = await findImportJob(tx, id);
    if (!row) throw notFound('import', id);
    return { result: row.rejects as StoredReject[], ids: [] };
  });
}

/** A job moves on: running, then completed or failed. */
export async function recordJobStatus(call: Call, id: string, change: JobChange): Promise<void> {
  await audited(call, `import.${change.status}`, { id }, async (tx) => {
    await updateImportJob(tx, id, change);
    return { result: undefined, ids: [] };
  });
}

/** At start: jobs a stopped server left unfinished rolled back with it, so they failed. */
export async function failInterruptedImports(db: Db): Promise<number> {
  return audited(
    { db, viewer: null, operator: true },
    'import.interrupted',
    {},
    async (tx) => {
      const n = await failInterruptedJobs(tx);
      return { result: n, count: n };
    },
    { operatorAllowed: true },
  );
}
