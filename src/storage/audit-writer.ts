import { auditRow, type AuditEntryInput } from './audit-log.js';
import type { Db } from './database.js';

interface Waiting {
  row: ReturnType<typeof auditRow>;
  durable: () => void;
  failed: (err: unknown) => void;
}

// Bounds one statement's size (8 parameters per entry); a longer queue takes several batches.
const MAX_BATCH = 500;

/**
 * Group commit for entries that need not commit with their work (reads, refusals). Concurrent
 * requests queue their entries; one flush at a time appends everything queued, in arrival order,
 * as one multi-row INSERT outside any explicit transaction, so insert and commit are one round
 * trip and the chain head is locked once per batch, never across a round trip. Entries queued
 * while a flush runs go in the next one. A caller's promise settles only once its entry is
 * durable, and rejects if it could not be written: a response never leaves unaudited.
 *
 * The INSERT runs as the connection's own role (the owner, which bypasses row-level security):
 * one statement carries many viewers' entries, so no single viewer can be set for it. Entries
 * are built by the services from the authenticated viewer, as in the viewer transaction.
 */
class AuditWriter {
  private queue: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  append(entry: AuditEntryInput): Promise<void> {
    return new Promise((durable, failed) => {
      this.queue.push({ row: auditRow(entry), durable, failed });
      if (!this.flushing) {
        this.flushing = true;
        // Requests read in the same turn of the event loop join the first batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.insert(batch);
        for (const w of batch) w.durable();
      } catch (err) {
        if (batch.length === 1) batch[0]!.failed(err);
        // One entry the database refuses must not fail its neighbours: write them one by one.
        else for (const w of batch) await this.insert([w]).then(w.durable, w.failed);
      }
    }
    this.flushing = false;
  }

  private async insert(batch: Waiting[]): Promise<void> {
    await this.db
      .insertInto('puente.audit_entry')
      .values(batch.map((w) => w.row))
      .execute();
  }
}

const writers = new WeakMap<Db, AuditWriter>();

/**
 * Appends an entry through the database's group-commit writer; resolves once it is durable.
 * Must not be awaited inside a transaction (the writer needs a connection of its own).
 */
export function appendAuditEntryDurably(db: Db, entry: AuditEntryInput): Promise<void> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new AuditWriter(db)));
  return writer.append(entry);
}
