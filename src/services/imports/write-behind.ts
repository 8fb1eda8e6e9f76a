/**
 * One database write in flight while Node prepares the next batch: on a 2-core machine the
 * import's Node work (parsing, validating, deriving terms) and PostgreSQL's (inserting,
 * indexing) then overlap instead of taking turns. The transaction's connection runs
 * statements in order, so a read issued later sees the write; if the write fails, the
 * statements queued behind it fail too, and `fail` reports the write's error, not theirs.
 */
export class WriteBehind {
  private pending: Promise<unknown> = Promise.resolve();

  /** Waits for the write in flight, then starts this one without waiting for it. */
  async start(write: () => Promise<unknown>): Promise<void> {
    await this.pending;
    const p = write();
    // Awaited later (start, flush or fail); until then a failure must not count as unhandled.
    p.catch(() => undefined);
    this.pending = p;
  }

  async flush(): Promise<void> {
    await this.pending;
  }

  /** The error to report when work stops: the write's, if it failed, else `err`. */
  async fail(err: unknown): Promise<never> {
    await this.pending;
    throw err;
  }
}
