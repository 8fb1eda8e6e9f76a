import { Agent, request } from 'node:http';

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
  durationSeconds: number;
  /** The next request to send; called once per request, in order. */
  next: () => LoadRequest;
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
}

/**
 * A closed-loop load generator: `concurrency` clients on keep-alive connections, each sending
 * its next request as soon as the previous answer is read. Latency is from send to last byte;
 * requests that start during warm-up are not measured.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const base = new URL(o.baseUrl);
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
  };

  const send = (r: LoadRequest) =>
    new Promise<number>((resolve) => {
      const req = request(
        { host: base.hostname, port: base.port, path: r.path, headers: r.headers, agent },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('error', () => resolve(0));
      req.end();
    });

  const client = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= until) return;
      const r = o.next();
      result.sent++;
      const status = await send(r);
      const ms = performance.now() - t0;
      if (t0 < measureFrom) continue;
      result.requests++;
      result.statuses[String(status)] = (result.statuses[String(status)] ?? 0) + 1;
      if (status !== 200) result.errors++;
      result.latencies.push(ms);
      (result.byName[r.name] ??= []).push(ms);
    }
  };

  await Promise.all(Array.from({ length: o.concurrency }, client));
  result.seconds = (performance.now() - measureFrom) / 1000;
  agent.destroy();
  return result;
}
