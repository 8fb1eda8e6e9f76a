/**
 * The in-process part of the database stage, in a process of its own so that the network is
 * built from a fresh process state (no viewer network cached, nothing else in the heap) and the
 * memory it reports is the network's: the first call to a network service (networkAround, 2
 * hops) builds the viewer's network from the database; a second call on another entity shows
 * the cache; then `samples` 2-hop calls on random persons give the service's own latency (no
 * HTTP), the network's size is read from the cached network, and with `truthDir` the planted
 * networks are scored (scorePlanted). Progress goes to stderr; the outcome is one JSON line on
 * stdout. Run by runDbChild.
 */
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import type { Call } from '../../../src/services/context.js';
import { networkAround } from '../../../src/services/network/around.js';
import { pendingChanges, viewerNetwork } from '../../../src/services/network/viewer-network.js';
import { openDatabase } from '../../../src/storage/database.js';
import { asViewer } from '../../../src/storage/session.js';
import { Random } from '../../../src/synth/random.js';
import { summarize, type Summary } from '../stats.js';
import type { Log } from '../types.js';
import { scorePlanted, type PlantedScore } from './planted.js';

export interface ChildInput {
  url: string;
  viewer: Viewer;
  seed: number;
  /** 2-hop calls timed in this process after the build. */
  samples: number;
  /** Persons chosen (seeded, among those the viewer may see) for the HTTP requests. */
  pick: number;
  /** With truth/networks.json: score the planted networks. */
  truthDir?: string;
}

export interface Memory {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}

export interface ChildOutput {
  /** The first call: reading the viewer's records and links, assembling the network, the answer. */
  buildMs: number;
  /** When each loading stage last reported, ms from the start of the first call. */
  stages: Record<string, { ms: number; done: number }>;
  firstAnswer: { nodes: number; edges: number; truncated: boolean };
  warmMs: number;
  /** After the build; `afterGc` once garbage is collected (null without --expose-gc). */
  memory: Memory;
  memoryAfterGc: Memory | null;
  service: Summary & { meanNodes: number; truncatedShare: number };
  network: {
    nodes: number;
    edges: number;
    totalWeight: number;
    byKind: Record<string, number>;
    /** Nodes with at least one edge. */
    connected: number;
  };
  visiblePersons: number;
  picked: string[];
  planted?: PlantedScore & { seconds: number };
  maxRssMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const memory = (): Memory => {
  const m = process.memoryUsage();
  return {
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    externalMb: mb(m.external),
    arrayBuffersMb: mb(m.arrayBuffers),
  };
};

/** `k` distinct items of `items`, seeded (a partial Fisher–Yates on a copy). */
function sample<T>(items: readonly T[], k: number, r: Random): T[] {
  const pool = [...items];
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = r.int(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

async function main(input: ChildInput): Promise<ChildOutput> {
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const database = await openDatabase({ url: input.url });
  const call: Call = { db: database.db, viewer: input.viewer, purpose: 'network benchmark' };
  try {
    // The oldest person the viewer may see (through the primary key: a few pages).
    const first = await asViewer(database.db, input.viewer, async (tx) => {
      const { rows } = await sql<{ id: string }>`SELECT id FROM puente.record
        WHERE schema = 'Person' AND NOT retracted ORDER BY id LIMIT 1`.execute(tx);
      return rows[0]?.id;
    });
    if (!first) throw new Error('the viewer sees no person');

    log('first call (builds the network)');
    const stages: ChildOutput['stages'] = {};
    const started = performance.now();
    let lastLog = 0;
    const around = await networkAround(
      call,
      { entity: first, hops: 2 },
      {
        loading: (stage, done) => {
          const ms = performance.now() - started;
          stages[stage] = { ms: Math.round(ms), done };
          if (ms - lastLog > 10_000) {
            lastLog = ms;
            log(`building: ${stage} ${done} after ${(ms / 1000).toFixed(1)} s`);
          }
        },
      },
    );
    const buildMs = performance.now() - started;
    const afterBuild = memory();
    log(
      `built in ${(buildMs / 1000).toFixed(2)} s; rss ${afterBuild.rssMb} MB, heap ${afterBuild.heapUsedMb} MB`,
    );
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const afterGc = gc ? memory() : null;

    const persons = await asViewer(database.db, input.viewer, async (tx) => {
      const { rows } = await sql<{ id: string }>`SELECT id FROM puente.record
        WHERE schema = 'Person' AND NOT retracted ORDER BY id`.execute(tx);
      return rows.map((r) => r.id);
    });
    const r = new Random(input.seed ^ 0x40b2);
    const picked = sample(persons, input.pick, r);
    const timed = sample(persons, input.samples + 1, r);

    let t = performance.now();
    await networkAround(call, { entity: timed[0]!, hops: 2 });
    const warmMs = performance.now() - t;
    log(`second call (cached network): ${warmMs.toFixed(1)} ms`);

    const latencies: number[] = [];
    let nodes = 0;
    let truncated = 0;
    for (const entity of timed.slice(1)) {
      t = performance.now();
      const a = await networkAround(call, { entity, hops: 2 });
      latencies.push(performance.now() - t);
      nodes += a.nodes.length;
      if (a.truncated) truncated++;
    }
    const service = {
      ...summarize(latencies),
      meanNodes: latencies.length ? nodes / latencies.length : 0,
      truncatedShare: latencies.length ? truncated / latencies.length : 0,
    };
    log(
      `service 2-hop, ${latencies.length} calls in process: p50 ${service.p50.toFixed(1)} ms, p99 ${service.p99.toFixed(1)} ms`,
    );

    // The cached network as the services see it (already up to date: no rebuild).
    const changes = (await pendingChanges(database.db, input.viewer))!;
    const vn = await viewerNetwork(database.db, input.viewer, changes);
    const byKind: Record<string, number> = {};
    for (const n of vn.network.nodes) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
    const touched = new Uint8Array(vn.network.nodes.length);
    let totalWeight = 0;
    for (const e of vn.network.edges) {
      touched[e.source] = 1;
      touched[e.target] = 1;
      totalWeight += e.weight;
    }
    const network = {
      nodes: vn.network.nodes.length,
      edges: vn.network.edges.length,
      totalWeight,
      byKind,
      connected: touched.reduce((s, x) => s + x, 0),
    };

    let planted: ChildOutput['planted'];
    if (input.truthDir) {
      log('scoring the planted networks (communities, key players)');
      t = performance.now();
      const score = await scorePlanted(call, input.truthDir);
      planted = { ...score, seconds: (performance.now() - t) / 1000 };
      log(
        `planted: NMI ${score.nmi.toFixed(3)}, leaders first ${score.leaderFirst}/${score.networks}, top 3 ${score.leaderTop3}/${score.networks}, brokers in top 5 ${score.brokersTop5}/${score.brokers} (${planted.seconds.toFixed(1)} s)`,
      );
    }
    return {
      buildMs,
      stages,
      firstAnswer: {
        nodes: around.nodes.length,
        edges: around.edges.length,
        truncated: around.truncated,
      },
      warmMs,
      memory: afterBuild,
      memoryAfterGc: afterGc,
      service,
      network,
      visiblePersons: persons.length,
      picked,
      planted,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await database.close();
  }
}

const CHILD = new URL(import.meta.url).pathname;

/**
 * Runs the measurement in a child process (through tsx, with --expose-gc), passing its progress
 * lines on to `log`, and returns its outcome (the last line of its stdout).
 */
export function runDbChild(input: ChildInput, log: Log): Promise<ChildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', CHILD, JSON.stringify(input)],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    let out = '';
    let partial = '';
    const tail: string[] = [];
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (line.trim()) log(`child: ${line}`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (partial.trim()) log(`child: ${partial}`);
      if (code !== 0) {
        reject(new Error(`network child exited with ${code}: ${tail.join('\n').trim()}`));
        return;
      }
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildOutput);
    });
  });
}

// Run as a script (not when imported by the stage).
if (process.argv[1] && new URL(`file://${process.argv[1]}`).pathname === CHILD) {
  main(JSON.parse(process.argv[2]!) as ChildInput).then(
    (out) => {
      // Idle analysis workers and pools must not keep the process alive.
      process.stdout.write(`${JSON.stringify(out)}\n`, () => process.exit(0));
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
