import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';

/*
 * Over TCP each statement sent to PostgreSQL is a socket write, and under load those writes
 * were a third of the server's CPU (a read was four: begin, viewer settings, page, commit). A
 * connection of this pool holds back the statements whose answer nobody reads — a
 * transaction's BEGIN, and statements marked HELD (the viewer's settings) — and sends them in
 * the same write as the next statement: one extended-protocol pipeline ending in one Sync. The
 * server runs them in order and skips the rest after an error, so a statement never runs
 * without the held ones before it having succeeded; their error is the statement's error.
 */

/** Marks a statement that may wait for the next one (its result is not read). */
export const HELD = '/* held */ ';

const BEGINS = /^(begin|start transaction)\b/i;

interface Held {
  text: string;
  values: readonly unknown[];
}

type Callback = (err: Error | undefined, result: pg.QueryResult) => void;

/** The parts of pg's Query the client drives as the server answers. */
interface Answered {
  submit(connection: pg.Connection): Error | null | void;
  handleRowDescription(msg: unknown): void;
  handleDataRow(msg: unknown): void;
  handleCommandComplete(msg: unknown, connection: pg.Connection): void;
  handleEmptyQuery(connection: pg.Connection): void;
  handlePortalSuspended(connection: pg.Connection): void;
  handleError(err: Error, connection: pg.Connection): void;
  handleReadyForQuery(connection: pg.Connection): void;
  handleCopyInResponse(connection: pg.Connection): void;
  handleCopyData(msg: unknown, connection: pg.Connection): void;
  _result?: unknown;
}

/** Held statements, then one statement whose result is returned, in one write. */
class Pipelined {
  private readonly last: Answered;
  /** Held statements whose CommandComplete has not come yet: their rows are not read. */
  private unanswered: number;

  constructor(
    private readonly held: readonly Held[],
    text: string,
    values: readonly unknown[],
    callback: Callback,
  ) {
    const config = { text, values: [...values], queryMode: 'extended' } as pg.QueryConfig;
    this.last = new pg.Query(config, callback) as unknown as Answered;
    this.unanswered = held.length;
  }

  /** The client gives the result its type parsers through this. */
  get _result(): unknown {
    return this.last._result;
  }

  submit(connection: pg.Connection) {
    const stream = connection.stream as { cork?: () => void; uncork?: () => void };
    stream.cork?.();
    try {
      for (const h of this.held) {
        connection.parse({ text: h.text, name: '', types: [] }, true);
        connection.bind({ portal: '', statement: '', values: [...h.values] as string[] }, true);
        connection.execute({ portal: '' }, true);
      }
      return this.last.submit(connection);
    } finally {
      stream.uncork?.();
    }
  }

  handleRowDescription(msg: unknown) {
    if (!this.unanswered) this.last.handleRowDescription(msg);
  }
  handleDataRow(msg: unknown) {
    if (!this.unanswered) this.last.handleDataRow(msg);
  }
  handleCommandComplete(msg: unknown, connection: pg.Connection) {
    if (this.unanswered) this.unanswered--;
    else this.last.handleCommandComplete(msg, connection);
  }
  handleEmptyQuery(connection: pg.Connection) {
    if (this.unanswered) this.unanswered--;
    else this.last.handleEmptyQuery(connection);
  }
  handlePortalSuspended(connection: pg.Connection) {
    this.last.handlePortalSuspended(connection);
  }
  handleError(err: Error, connection: pg.Connection) {
    this.last.handleError(err, connection);
  }
  handleReadyForQuery(connection: pg.Connection) {
    this.last.handleReadyForQuery(connection);
  }
  handleCopyInResponse(connection: pg.Connection) {
    this.last.handleCopyInResponse(connection);
  }
  handleCopyData(msg: unknown, connection: pg.Connection) {
    this.last.handleCopyData(msg, connection);
  }
}

type Result = PostgresQueryResult<unknown>;
const NOTHING = { command: 'SELECT', rowCount: 0, rows: [] } as Result;

/** A pooled connection that holds statements back, as the pool's callers use it. */
class HoldingClient implements PostgresPoolClient {
  private held: Held[] = [];

  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query(
    text: unknown,
    values: ReadonlyArray<unknown> = [],
  ): Promise<Result> | PostgresCursor<unknown> {
    // Streaming (cursors) is not used: it would need the held statements sent first.
    if (typeof text !== 'string') throw new Error('cursors are not supported on this pool');
    if (BEGINS.test(text) || text.startsWith(HELD)) {
      this.held.push({ text, values });
      return Promise.resolve(NOTHING);
    }
    if (!this.held.length) return this.client.query(text, [...values]) as Promise<Result>;
    const held = this.held;
    this.held = [];
    return new Promise((resolve, reject) => {
      this.client.query(
        new Pipelined(held, text, values, (err, res) =>
          err ? reject(err) : resolve(res as unknown as Result),
        ),
      );
    });
  }

  /** Statements still held were never sent: the server saw no transaction begin. */
  release(err?: Error | boolean): void {
    this.held = [];
    this.client.release(err);
  }
}

/** The pool Kysely's PostgresDialect is given: pg's, with holding connections. */
export function holdingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, HoldingClient>();
  return {
    async connect(): Promise<HoldingClient> {
      const client = await pool.connect();
      let holding = clients.get(client);
      if (!holding) clients.set(client, (holding = new HoldingClient(client)));
      return holding;
    },
    end: () => pool.end(),
  };
}
