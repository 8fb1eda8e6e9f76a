/**
 * 2-hop neighbourhoods through the real server: `puente serve` in a child process
 * (bench/lib/server.ts) against the benchmark database, a token for the bench viewer made by
 * the product's createToken (revoked afterwards), one warm-up request that builds the viewer's
 * network in the server process, then `GET /api/v1/network/around/{entity}?hops=2` once per
 * entity, from a few closed-loop clients in parallel on keep-alive connections (each sends its
 * next request once the previous answer is read): bench/lib/http-load.ts, the raw-socket client
 * of the policy-search benchmark, which costs the shared cores a fraction of what fetch did.
 * Latency is from send to the last byte of the body; the bodies are kept as bytes and parsed
 * once the pass is over (outside the timing and the CPU split) for the answers' nodes and
 * whether they were truncated. Every entity is asked for exactly once. A second pass from a single client over the first entities shows the latency
 * without queueing behind the other clients.
 */
import { readFileSync } from 'node:fs';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import type { Call } from '../../../src/services/context.js';
import { createToken, revokeToken } from '../../../src/services/identity/tokens.js';
import type { Db } from '../../../src/storage/database.js';
import { cpuPerRequest, readCpu, type CpuSplit } from '../cpu.js';
import { runLoad } from '../http-load.js';
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

async function runPass(
  baseUrl: string,
  entities: readonly string[],
  clients: number,
  headers: Record<string, string>,
  serverPid: number,
): Promise<Hop2Pass> {
  let next = 0;
  const cpuStart = readCpu();
  const load = await runLoad({
    baseUrl,
    concurrency: clients,
    warmupSeconds: 0,
    durationSeconds: Infinity,
    keepBodies: true,
    next: () =>
      next < entities.length
        ? { name: 'hop2', path: `/api/v1/network/around/${entities[next++]}?hops=2`, headers }
        : null,
  });
  const cpu = cpuPerRequest(cpuStart, readCpu(), serverPid, load.requests);
  // Read once the measuring is over: parsing a body costs the load generator more than sending.
  let nodes = 0;
  let edges = 0;
  let truncated = 0;
  let bytes = 0;
  let answered = 0;
  for (const body of load.bodies) {
    bytes += body.length;
    const a = JSON.parse(body.toString('utf8')) as Partial<{
      nodes: unknown[];
      edges: unknown[];
      truncated: boolean;
    }>;
    if (!a.nodes || !a.edges) continue;
    answered++;
    nodes += a.nodes.length;
    edges += a.edges.length;
    if (a.truncated) truncated++;
  }
  return {
    clients,
    requests: load.requests,
    errors: load.errors,
    statuses: load.statuses,
    latency: summarize(load.latencies),
    seconds: load.seconds,
    rps: load.requests / load.seconds,
    meanNodes: answered ? nodes / answered : 0,
    meanEdges: answered ? edges / answered : 0,
    truncatedShare: answered ? truncated / answered : 0,
    meanBytes: load.requests ? bytes / load.requests : 0,
    cpu,
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
      o.log('hop2: warm-up request (the server builds the network)');
      const t0 = performance.now();
      const warm = await fetch(`${server.url}/api/v1/network/around/${o.entities[0]}?hops=2`, {
        headers,
      });
      const warmBody = await warm.text();
      const first = { ms: performance.now() - t0 };
      if (warm.status !== 200)
        throw new Error(`warm-up request answered ${warm.status}: ${warmBody.slice(0, 500)}`);
      const built = rssOf(server.pid);
      o.log(
        `hop2: warm-up answered in ${(first.ms / 1000).toFixed(2)} s (server rss ${built.rss} MB); ${o.entities.length} requests from ${o.clients} clients`,
      );

      const pass = await runPass(server.url, o.entities, o.clients, headers, server.pid);
      const describe = (p: Hop2Pass) =>
        `${p.requests} requests from ${p.clients} client(s) in ${p.seconds.toFixed(1)} s, ${p.errors} errors; p50 ${p.latency.p50.toFixed(1)} ms, p99 ${p.latency.p99.toFixed(1)} ms, max ${p.latency.max.toFixed(1)} ms`;
      o.log(`hop2: ${describe(pass)}`);
      let sequential: Hop2Pass | null = null;
      if (o.sequentialRequests) {
        sequential = await runPass(
          server.url,
          o.entities.slice(0, o.sequentialRequests),
          1,
          headers,
          server.pid,
        );
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
