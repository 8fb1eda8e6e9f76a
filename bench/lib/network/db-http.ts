/**
 * 2-hop neighbourhoods through the real server: `puente serve` in a child process
 * (bench/lib/server.ts) against the benchmark database, a token for the bench viewer made by
 * the product's createToken (revoked afterwards), one warm-up request that builds the viewer's
 * network in the server process, then `GET /api/v1/network/around/{entity}?hops=2` once per
 * entity, from a few closed-loop clients in parallel on keep-alive connections (each sends its
 * next request once the previous answer is read). Latency is from send to the last byte of the
 * body; the body is then parsed (outside the timing) for the answer's nodes and whether it was
 * truncated, which bench/lib/http-load.ts, built never to read a body, cannot tell. Requests
 * are counted rather than timed (http-load runs for a duration), so every entity is asked for
 * exactly once. A second pass from a single client over the first entities shows the latency
 * without queueing behind the other clients.
 */
import { readFileSync } from 'node:fs';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import type { Call } from '../../../src/services/context.js';
import { createToken, revokeToken } from '../../../src/services/identity/tokens.js';
import type { Db } from '../../../src/storage/database.js';
import { cpuPerRequest, readCpu, type CpuSplit } from '../cpu.js';
import { startServerProcess, type ServerSource } from '../server.js';
import { summarize, type Summary } from '../stats.js';
import type { Log } from '../types.js';

/** One pass: every entity asked for once by `clients` closed-loop clients. */
export interface Hop2Pass {
  clients: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  latency: Summary;
  seconds: number;
  rps: number;
  meanNodes: number;
  meanEdges: number;
  truncatedShare: number;
  meanBytes: number;
  /** CPU ms per request by who spent it (bench/lib/cpu.ts). */
  cpu: CpuSplit;
}

export interface Hop2Outcome extends Hop2Pass {
  /** The warm-up request: the server builds the viewer's network, then answers. */
  firstRequestMs: number;
  /** The first `sequentialRequests` entities again, from one client (no queueing). */
  sequential: Hop2Pass | null;
  /** The server's resident memory once the network is built, and its peak. */
  serverRssMb: number | null;
  serverPeakRssMb: number | null;
  serverCommand: string;
}

interface Answer {
  ms: number;
  status: number;
  body: string;
}

async function runPass(
  entities: readonly string[],
  clients: number,
  ask: (entity: string) => Promise<Answer>,
  serverPid: number,
): Promise<Hop2Pass> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let nodes = 0;
  let edges = 0;
  let truncated = 0;
  let bytes = 0;
  let answered = 0;
  let next = 0;
  const cpuStart = readCpu();
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < entities.length; i = next++) {
      const r = await ask(entities[i]!);
      latencies.push(r.ms);
      statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
      bytes += Buffer.byteLength(r.body);
      if (r.status !== 200) {
        errors++;
        continue;
      }
      const a = JSON.parse(r.body) as { nodes: unknown[]; edges: unknown[]; truncated: boolean };
      answered++;
      nodes += a.nodes.length;
      edges += a.edges.length;
      if (a.truncated) truncated++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    clients,
    requests: latencies.length,
    errors,
    statuses,
    latency: summarize(latencies),
    seconds,
    rps: latencies.length / seconds,
    meanNodes: answered ? nodes / answered : 0,
    meanEdges: answered ? edges / answered : 0,
    truncatedShare: answered ? truncated / answered : 0,
    meanBytes: latencies.length ? bytes / latencies.length : 0,
    cpu: cpuPerRequest(cpuStart, readCpu(), serverPid, latencies.length),
  };
}

/** VmRSS and VmHWM of a process, MB (Linux). */
function rssOf(pid: number): { rss: number | null; peak: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
      return m ? Math.round(Number(m[1]) / 1024) : null;
    };
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: null, peak: null };
  }
}

export async function measureHop2(o: {
  db: Db;
  databaseUrl: string;
  viewer: Viewer;
  entities: readonly string[];
  clients: number;
  /** Then this many of the entities again from a single client (0: none). */
  sequentialRequests?: number;
  source: ServerSource;
  log: Log;
}): Promise<Hop2Outcome> {
  if (!o.entities.length) throw new Error('no entities to ask for');
  const operator: Call = { db: o.db, viewer: null, operator: true };
  const token = await createToken(operator, {
    userId: o.viewer.userId,
    label: 'network benchmark',
    expiresInDays: 1,
  });
  try {
    const server = await startServerProcess({
      databaseUrl: o.databaseUrl,
      source: o.source,
      log: o.log,
    });
    try {
      const headers = {
        authorization: `Bearer ${token.token}`,
        'x-puente-purpose': 'network benchmark',
      };
      const ask = async (entity: string): Promise<Answer> => {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/v1/network/around/${entity}?hops=2`, {
          headers,
        });
        const body = await res.text();
        return { ms: performance.now() - t0, status: res.status, body };
      };
      o.log('hop2: warm-up request (the server builds the network)');
      const first = await ask(o.entities[0]!);
      if (first.status !== 200)
        throw new Error(`warm-up request answered ${first.status}: ${first.body.slice(0, 500)}`);
      const built = rssOf(server.pid);
      o.log(
        `hop2: warm-up answered in ${(first.ms / 1000).toFixed(2)} s (server rss ${built.rss} MB); ${o.entities.length} requests from ${o.clients} clients`,
      );

      const pass = await runPass(o.entities, o.clients, ask, server.pid);
      const describe = (p: Hop2Pass) =>
        `${p.requests} requests from ${p.clients} client(s) in ${p.seconds.toFixed(1)} s, ${p.errors} errors; p50 ${p.latency.p50.toFixed(1)} ms, p99 ${p.latency.p99.toFixed(1)} ms, max ${p.latency.max.toFixed(1)} ms`;
      o.log(`hop2: ${describe(pass)}`);
      let sequential: Hop2Pass | null = null;
      if (o.sequentialRequests) {
        sequential = await runPass(o.entities.slice(0, o.sequentialRequests), 1, ask, server.pid);
        o.log(`hop2, one client: ${describe(sequential)}`);
      }
      const after = rssOf(server.pid);
      return {
        ...pass,
        firstRequestMs: first.ms,
        sequential,
        serverRssMb: built.rss,
        serverPeakRssMb: after.peak,
        serverCommand: `puente serve (${o.source})`,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await revokeToken(operator, token.id);
  }
}
