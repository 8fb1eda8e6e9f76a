import { connect, type Socket } from 'node:net';

export interface LoadRequest {
  /** Groups latencies in the result (e.g. the search case). */
  name: string;
  path: string;
  headers: Record<string, string>;
}

export interface LoadOptions {
  baseUrl: string;
  concurrency: number;
  warmupSeconds: number;
  /** How long the measured window lasts (Infinity: until `next` has no more requests). */
  durationSeconds: number;
  /** The next request to send, called once per request in order; null: this client stops. */
  next: () => LoadRequest | null;
  /**
   * Keep each answer's body (as the bytes arrived, nothing decoded) in `bodies`, for reading
   * once the measuring is over.
   */
  keepBodies?: boolean;
  /** Called when the warm-up ends and again when the measured window ends. */
  onWindow?: (edge: 'start' | 'end') => void;
}

export interface LoadResult {
  /** Requests completed in the measured window (after warm-up). */
  requests: number;
  /** All requests sent, warm-up included. */
  sent: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  latencies: number[];
  byName: Record<string, number[]>;
  /** With keepBodies: each measured answer's body, in the order of `latencies`. */
  bodies: Buffer[];
}

const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * One keep-alive HTTP/1.1 connection that sends a request and reads its answer at a time.
 * It parses only what it needs (status, Content-Length or chunked framing) and never copies
 * or decodes a body (kept, a body is the list of the socket's own buffers): the load
 * generator shares the cores with the server it measures, so it must be cheap.
 */
class Connection {
  private readonly socket: Socket;
  private head: Buffer | null = null;
  private status = 0;
  private bodyLeft = 0;
  private chunked = false;
  private chunkLine: Buffer | null = null;
  private inBody = false;
  /** Chunked: what is left of the current chunk's data, its CRLF aside. */
  private chunkDataLeft = 0;
  private body: Buffer[] | null = null;
  private waiting: ((status: number) => void) | null = null;
  private closed = false;

  constructor(
    host: string,
    port: number,
    private readonly keepBody = false,
  ) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on('data', (data) => this.read(data));
    const fail = () => {
      this.closed = true;
      this.finish(0);
    };
    this.socket.on('error', fail);
    this.socket.on('close', fail);
  }

  get usable(): boolean {
    return !this.closed;
  }

  send(raw: string): Promise<number> {
    return new Promise((resolve) => {
      if (this.closed) return resolve(0);
      this.waiting = resolve;
      this.head = null;
      this.inBody = false;
      this.body = this.keepBody ? [] : null;
      this.socket.write(raw);
    });
  }

  /** The last answer's body, when kept. */
  takeBody(): Buffer {
    const body = this.body ? Buffer.concat(this.body) : Buffer.alloc(0);
    this.body = null;
    return body;
  }

  close(): void {
    this.socket.destroy();
  }

  private finish(status: number) {
    const w = this.waiting;
    this.waiting = null;
    w?.(status);
  }

  private read(data: Buffer) {
    let at = 0;
    if (!this.inBody) {
      const buf = this.head ? Buffer.concat([this.head, data]) : data;
      const end = buf.indexOf(CRLF2);
      if (end < 0) {
        this.head = buf;
        return;
      }
      this.parseHead(buf.toString('latin1', 0, end));
      this.inBody = true;
      this.head = null;
      data = buf;
      at = end + 4;
    }
    if (!this.chunked) {
      if (this.body && at < data.length) this.body.push(at ? data.subarray(at) : data);
      this.bodyLeft -= data.length - at;
      if (this.bodyLeft <= 0) this.finish(this.status);
      return;
    }
    this.readChunks(data, at);
  }

  private parseHead(head: string) {
    this.status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    this.chunked = !length && /\r\ntransfer-encoding:\s*chunked/i.test(head);
    this.bodyLeft = length ? Number(length[1]) : 0;
    this.chunkLine = null;
  }

  // Chunked framing: "<hex size>\r\n<data>\r\n" … "0\r\n\r\n" (no trailers from our server).
  private readChunks(data: Buffer, at: number) {
    while (at < data.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, data.length - at);
        const keep = Math.min(take, this.chunkDataLeft);
        if (this.body && keep > 0) this.body.push(data.subarray(at, at + keep));
        this.chunkDataLeft -= keep;
        this.bodyLeft -= take;
        at += take;
        continue;
      }
      const line = this.chunkLine ? Buffer.concat([this.chunkLine, data.subarray(at)]) : data;
      const from = this.chunkLine ? 0 : at;
      const eol = line.indexOf('\r\n', from);
      if (eol < 0) {
        this.chunkLine = line.subarray(from);
        return;
      }
      this.chunkLine = null;
      const size = parseInt(line.toString('latin1', from, eol), 16);
      if (size === 0) {
        this.finish(this.status);
        return;
      }
      this.bodyLeft = size + 2; // the data and its CRLF
      this.chunkDataLeft = size;
      data = line;
      at = eol + 2;
    }
  }
}

/**
 * A closed-loop load generator: `concurrency` clients on keep-alive connections, each sending
 * its next request as soon as the previous answer is read. Latency is from send to last byte;
 * requests that start during warm-up are not measured.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const base = new URL(o.baseUrl);
  const host = base.hostname;
  const port = Number(base.port);
  const started = performance.now();
  const measureFrom = started + o.warmupSeconds * 1000;
  const until = measureFrom + o.durationSeconds * 1000;
  const result: LoadResult = {
    requests: 0,
    sent: 0,
    errors: 0,
    statuses: {},
    seconds: 0,
    latencies: [],
    byName: {},
    bodies: [],
  };
  const warmup = setTimeout(() => o.onWindow?.('start'), o.warmupSeconds * 1000);

  const client = async () => {
    const open = () => new Connection(host, port, o.keepBodies);
    let conn = open();
    for (;;) {
      const t0 = performance.now();
      if (t0 >= until) break;
      const r = o.next();
      if (!r) break;
      result.sent++;
      if (!conn.usable) conn = open();
      let raw = `GET ${r.path} HTTP/1.1\r\nhost: ${base.host}\r\n`;
      for (const [k, v] of Object.entries(r.headers)) raw += `${k}: ${v}\r\n`;
      const status = await conn.send(raw + '\r\n');
      const ms = performance.now() - t0;
      if (t0 < measureFrom) continue;
      result.requests++;
      result.statuses[String(status)] = (result.statuses[String(status)] ?? 0) + 1;
      if (status !== 200) result.errors++;
      result.latencies.push(ms);
      (result.byName[r.name] ??= []).push(ms);
      if (o.keepBodies) result.bodies.push(conn.takeBody());
    }
    conn.close();
  };

  await Promise.all(Array.from({ length: o.concurrency }, client));
  clearTimeout(warmup);
  result.seconds = (performance.now() - measureFrom) / 1000;
  o.onWindow?.('end');
  return result;
}
