import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { AppError } from '../../domain/errors.js';
import type { Viewer } from '../../domain/identity/viewer.js';
import { parseEncoding } from '../../import/encoding.js';
import { compileMapping } from '../../import/mapping/compile-mapping.js';
import type { Format } from '../../import/read-file.js';
import type { Db } from '../../storage/database.js';
import { importFile } from './import-file.js';
import { recordJobStatus, type ImportJobView, type JobProblem, type StoredReject } from './jobs.js';
import type { ImportProgress } from './outcome.js';

/** A job keeps its first rejected rows; the count in its summary says how many there were. */
export const MAX_STORED_REJECTS = 10_000;
const MAX_STORED_REJECT_BYTES = 8 << 20;

const problemOf = (err: unknown): JobProblem =>
  err instanceof AppError
    ? { code: err.code, params: err.params, details: err.details }
    : { code: 'internal' };

/**
 * Runs uploaded imports one at a time in the background (the embedded database has one
 * session, and a server's imports should not compete for it). Progress lives in memory while
 * a job runs; status and outcome are stored with the job.
 */
export class ImportQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly live = new Map<string, ImportProgress>();

  constructor(private readonly db: Db) {}

  progressOf = (id: string): ImportProgress | undefined => this.live.get(id);

  /** Takes ownership of the spooled file: it is deleted once the job ends. */
  enqueue(viewer: Viewer, job: ImportJobView, spoolPath: string): void {
    this.tail = this.tail.then(() => this.run(viewer, job, spoolPath));
  }

  /** Resolves when every queued job has ended. */
  idle(): Promise<void> {
    return this.tail;
  }

  private async run(viewer: Viewer, job: ImportJobView, spoolPath: string): Promise<void> {
    const call = { db: this.db, viewer };
    const rejects: StoredReject[] = [];
    let rejectBytes = 0;
    try {
      await recordJobStatus(call, job.id, { status: 'running' });
      this.live.set(job.id, { phase: 'reading', rows: 0, bytes: 0, merged: 0 });
      const o = job.options;
      const summary = await importFile(call, {
        bytes: createReadStream(spoolPath, { highWaterMark: 256 * 1024 }),
        fileName: job.fileName,
        mapping: o.mapping ? compileMapping(o.mapping) : undefined,
        format: o.format as Format | undefined,
        encoding: o.encoding ? parseEncoding(o.encoding) : undefined,
        delimiter: o.delimiter,
        sharing: { marking: o.marking, rel: o.rel, recipients: o.recipients },
        skipInvalid: o.skipInvalid,
        onProgress: (p) => this.live.set(job.id, p),
        onReject: (r) => {
          rejectBytes += r.raw.length;
          if (rejects.length < MAX_STORED_REJECTS && rejectBytes <= MAX_STORED_REJECT_BYTES)
            rejects.push({ line: r.line, problem: problemOf(r.problem), raw: r.raw });
        },
      });
      await recordJobStatus(call, job.id, { status: 'completed', summary, rejects });
    } catch (err) {
      await recordJobStatus(call, job.id, { status: 'failed', problem: problemOf(err) }).catch(
        () => undefined,
      );
    } finally {
      this.live.delete(job.id);
      await rm(spoolPath, { force: true });
    }
  }
}
