/**
 * The network benchmark's database stage: the product's network code on data in PostgreSQL.
 *
 * 1. The benchmark's planted-partition graph (generate.ts, the graph the in-memory stages
 *    analyse) as Person records and associate_of links in `puente_network_<edges>`
 *    (db-graph.ts), kept on the server by fingerprint.
 * 2. build_s: in a fresh process (db-child.ts), the first networkAround call as the bench viewer
 *    (an HSI analyst) reads every record and link the viewer may see and assembles the network;
 *    a second call shows the cache (warm_ms); the process's memory after the build.
 * 3. hop2_p50_ms / hop2_p99_ms: `GET /api/v1/network/around/{entity}?hops=2` through the real
 *    server (db-http.ts) for `hop2Requests` persons chosen at random among those the viewer sees.
 * 4. The full synthetic data set loaded through the import path at `scale`
 *    (`puente_network_synth_<scale>`, db-synth.ts), analysed as HSI's import account: the
 *    network's build time there (synthetic_build_s) and scorePlanted (NMI of the communities
 *    against the planted networks; leaders' and brokers' ranks among the key players).
 */
import { loadavg } from 'node:os';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import { importerFor } from '../../../src/services/imports/importer.js';
import { openDatabase } from '../../../src/storage/database.js';
import type { DatabaseStageResult } from '../../network.js';
import type { ServerSource } from '../server.js';
import { round } from '../stats.js';
import type { Log } from '../types.js';
import { runDbChild, type ChildOutput } from './db-child.js';
import { graphDatabase, graphDatabaseName, graphViewer } from './db-graph.js';
import { measureHop2 } from './db-http.js';
import { synthDatabase, synthDatabaseName } from './db-synth.js';
import { syntheticGraph } from './generate.js';

export interface DatabaseStageOptions {
  /** The PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres. */
  serverUrl: string;
  /** Edges of the planted-partition graph (its nodes: edges / 5). */
  edges: number;
  /** Scale of the synthetic data set (`puente synth --scale`). */
  scale: number;
  seed: number;
  /** 2-hop requests through the API, one per randomly chosen person. */
  hop2Requests: number;
  log: Log;
  /** Parallel HTTP clients (default 4). */
  clients?: number;
  /** Then this many of the same requests from one client, without queueing (default 500). */
  sequentialRequests?: number;
  /** 2-hop calls timed in process after the build, without HTTP (default 200). */
  serviceSamples?: number;
  /**
   * How the server runs: from source through tsx (the default: the network routes are new, and
   * a dist/ built before them would answer 404) or the built CLI.
   */
  serverSource?: ServerSource;
  /**
   * Also build the network once more with PostgreSQL's JIT compilation off for the session
   * (a diagnostic: the link pages' plans are costed high enough to be JIT-compiled; default true).
   */
  jitDiagnostic?: boolean;
}

const load = () => loadavg().map((x) => round(x, 2));

/** The connection string with `-c jit=off` for its sessions. */
function withoutJit(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', '-c jit=off');
  return u.toString();
}

const HOP2_P99_MAX = 50;

const ms = (x: number) => round(x, 2);
const s3 = (x: number) => round(x, 3);

/** What the result reports of a child's build: times, memory, the network's size. */
function buildReport(c: ChildOutput) {
  return {
    build_s: s3(c.buildMs / 1000),
    warm_ms: ms(c.warmMs),
    stagesMs: c.stages,
    firstAnswer: c.firstAnswer,
    memoryAfterBuild: c.memory,
    memoryAfterGc: c.memoryAfterGc,
    maxRssMb: c.maxRssMb,
    network: c.network,
    visiblePersons: c.visiblePersons,
    serviceHop2: {
      calls: c.service.n,
      p50_ms: ms(c.service.p50),
      p95_ms: ms(c.service.p95),
      p99_ms: ms(c.service.p99),
      max_ms: ms(c.service.max),
      meanNodes: round(c.service.meanNodes, 1),
      truncatedShare: round(c.service.truncatedShare, 4),
    },
  };
}

export async function runDatabaseStage(
  options: DatabaseStageOptions,
): Promise<DatabaseStageResult> {
  const { log, seed } = options;
  const clients = options.clients ?? 4;
  const serviceSamples = options.serviceSamples ?? 200;
  const source = options.serverSource ?? 'source';
  const started = performance.now();
  const notes: string[] = [];

  // 1. The graph in the database.
  const graph = syntheticGraph(options.edges, seed, log);
  const gdb = await graphDatabase({ serverUrl: options.serverUrl, graph, seed, log });
  const g = gdb.summary;
  const viewer = graphViewer();

  // 2. The build, in a fresh process.
  log(
    `database stage: building the network of ${graphDatabaseName(options.edges)} as ${viewer.name}`,
  );
  const built = await runDbChild(
    { url: gdb.url, viewer, seed, samples: serviceSamples, pick: options.hop2Requests },
    log,
  );
  let jitOff: ChildOutput | undefined;
  if (options.jitDiagnostic ?? true) {
    log('database stage: the same build with JIT compilation off (diagnostic)');
    jitOff = await runDbChild({ url: withoutJit(gdb.url), viewer, seed, samples: 0, pick: 0 }, log);
  }
  const expectedEdges = g.counts.links - g.counts.hiddenLinks;
  const expectedNodes = g.counts.records - g.counts.hiddenRecords;
  if (built.network.edges !== expectedEdges || built.network.nodes !== expectedNodes)
    notes.push(
      `The viewer's network has ${built.network.nodes} nodes and ${built.network.edges} edges where ${expectedNodes} and ${expectedEdges} were expected from the markings.`,
    );

  // 3. 2-hop neighbourhoods through the API.
  const loadBeforeHttp = load();
  const database = await openDatabase({ url: gdb.url, poolSize: 2 });
  let http;
  try {
    http = await measureHop2({
      db: database.db,
      databaseUrl: gdb.url,
      viewer,
      entities: built.picked,
      clients,
      sequentialRequests: options.sequentialRequests ?? 500,
      source,
      log,
    });
  } finally {
    await database.close();
  }

  const loadAfterHttp = load();

  // 4. The synthetic data set through the import path.
  const sdb = await synthDatabase({
    serverUrl: options.serverUrl,
    scale: options.scale,
    seed,
    log,
  });
  const synthDb = await openDatabase({ url: sdb.url, poolSize: 2 });
  let hsi: Viewer;
  try {
    hsi = await importerFor({ db: synthDb.db, viewer: null, operator: true }, 'HSI');
  } finally {
    await synthDb.close();
  }
  log(
    `database stage: building the network of ${synthDatabaseName(options.scale)} as HSI's import account`,
  );
  const synth = await runDbChild(
    { url: sdb.url, viewer: hsi, seed, samples: serviceSamples, pick: 0, truthDir: sdb.truthDir },
    log,
  );
  const planted = synth.planted!;

  const s = sdb.summary;
  const seconds = (performance.now() - started) / 1000;
  const p99Met = http.latency.p99 <= HOP2_P99_MAX;
  notes.push(
    `Database stage, graph: the planted-partition graph of this run (${g.nodes} nodes, ${g.edges} edges, seed ${seed}) as ${g.counts.records} Person records of HSI, CBP, FGR and RCMP (names from bench/lib/dataset/people.ts, validated by validateRecord) and ${g.counts.links} associate_of links, each with as many contact dates as the edge's weight (the product counts one tie per date, so the weights are the generator's), bulk-loaded (bench/lib/dataset/load.ts loadGraph, triggers off, no search postings) into ${graphDatabaseName(options.edges)}, kept by fingerprint (${gdb.state} this run${gdb.state === 'built' ? `: ${Math.round(g.loadSeconds)} s to load, ${Math.round(g.buildSeconds)} s with VACUUM (ANALYZE)` : ''}). Markings leave ${g.counts.hiddenRecords} persons and ${g.counts.hiddenLinks} links out of the bench viewer's sight (an HSI analyst): its network has ${built.network.nodes} nodes and ${built.network.edges} edges (expected ${expectedNodes} and ${expectedEdges}).`,
    `build_s: in a fresh child process, the first networkAround (2 hops) as the bench viewer: the product reads every record and link the viewer may see under row-level security, in pages of 20,000, clusters entities and assembles the network, then answers (${s3(built.buildMs / 1000)} s; the second call on another person took ${ms(built.warmMs)} ms: the network is cached). Memory after the build: rss ${built.memory.rssMb} MB, heap used ${built.memory.heapUsedMb} MB${built.memoryAfterGc ? ` (${built.memoryAfterGc.heapUsedMb} MB after a full GC)` : ''}, array buffers ${built.memory.arrayBuffersMb} MB. From the start of the call, the records were read after ${s3((built.stages.records?.ms ?? NaN) / 1000)} s and the links after ${s3((built.stages.links?.ms ?? NaN) / 1000)} s${jitOff ? `; with PostgreSQL's JIT compilation off for the sessions (a diagnostic, not the product's setting) the same build took ${s3(jitOff.buildMs / 1000)} s` : ''}.`,
    `hop2: puente serve (${source === 'source' ? 'from source through tsx' : 'the built CLI'}) on ${graphDatabaseName(options.edges)}, one warm-up request (the server builds the viewer's network: ${s3(http.firstRequestMs / 1000)} s), then GET /api/v1/network/around/{entity}?hops=2 once for each of ${http.requests} persons chosen at random (seeded) among those the viewer sees, from ${clients} closed-loop clients in parallel on keep-alive connections (the raw-socket client of bench/lib/http-load.ts; latency from send to the last byte; bodies kept as bytes and parsed after the pass for the node counts). p50 ${ms(http.latency.p50)} ms, p95 ${ms(http.latency.p95)} ms, p99 ${ms(http.latency.p99)} ms, max ${ms(http.latency.max)} ms (target p99 ≤ ${HOP2_P99_MAX} ms: ${p99Met ? 'met' : 'missed'}); ${round(http.meanNodes, 1)} nodes per answer on average, ${round(http.truncatedShare * 100, 1)}% truncated at the default maxNodes of 500; ${http.errors} errors${http.sequential ? `; the first ${http.sequential.requests} again from a single client: p50 ${ms(http.sequential.latency.p50)} ms, p99 ${ms(http.sequential.latency.p99)} ms` : ''}; CPU per request: server ${http.cpu.server} ms, PostgreSQL ${http.cpu.postgres} ms, load generator ${http.cpu.loadGenerator} ms, other work on the machine ${http.cpu.others} ms; 1-minute load average ${loadBeforeHttp[0]} before and ${loadAfterHttp[0]} after on this machine. The same calls in process without HTTP: p50 ${ms(built.service.p50)} ms, p99 ${ms(built.service.p99)} ms over ${built.service.n} calls.`,
    `Synthetic data set: puente synth at scale ${s.scale} (seed ${s.seed}) with the demo's staff (seedStaff), every partner's file loaded through the real import path and resolved (loadSynthetic, as puente demo does) into ${synthDatabaseName(options.scale)}, kept by fingerprint (${sdb.state} this run${sdb.state === 'built' ? `: ${Math.round(s.loadSeconds)} s to import and resolve` : ''}): ${s.records} records, ${s.links} links. As HSI's import account, the network's first build took ${s3(synth.buildMs / 1000)} s (${synth.network.nodes} nodes, ${synth.network.edges} edges). scorePlanted (bench/lib/network/planted.ts): NMI ${round(planted.nmi, 4)} of the product's communities against the ${planted.networks} planted networks (${planted.found} of ${planted.planted} planted entities found); leaders first in ${planted.leaderFirst} and in the top three in ${planted.leaderTop3} of ${planted.networks} networks; ${planted.brokersTop5} of ${planted.brokers} brokers among their community's top five. nmi is this NMI.`,
  );

  return {
    build_s: built.buildMs / 1000,
    hop2_p50_ms: http.latency.p50,
    hop2_p99_ms: http.latency.p99,
    nmi: planted.nmi,
    dataset: {
      seconds: round(seconds, 1),
      graph: {
        database: graphDatabaseName(options.edges),
        state: gdb.state,
        fingerprint: g.fingerprint,
        graphFingerprint: g.graphFingerprint,
        nodes: g.nodes,
        edges: g.edges,
        records: g.counts.records,
        links: g.counts.links,
        contactDates: g.counts.contactDates,
        hiddenFromViewer: { records: g.counts.hiddenRecords, links: g.counts.hiddenLinks },
        byAgency: g.counts.byAgency,
        byMarking: g.counts.byMarking,
        databaseSize: g.databaseSize,
        migratedSince: g.migratedSince ?? [],
        load: {
          thisRun: gdb.state === 'built',
          loadSeconds: round(g.loadSeconds, 1),
          buildSeconds: round(g.buildSeconds, 1),
          ...(gdb.state === 'migrated' ? { migrateSeconds: round(gdb.seconds, 1) } : {}),
        },
        viewer: { agency: viewer.agency, role: viewer.role },
        expected: { nodes: expectedNodes, edges: expectedEdges },
        ...buildReport(built),
        ...(jitOff
          ? {
              jitOff: {
                build_s: s3(jitOff.buildMs / 1000),
                stagesMs: jitOff.stages,
                note: 'the same first call with jit = off for the sessions (diagnostic)',
              },
            }
          : {}),
        hop2: {
          loadAverage: { before: loadBeforeHttp, after: loadAfterHttp },
          clients,
          requests: http.requests,
          errors: http.errors,
          statuses: http.statuses,
          firstRequest_s: s3(http.firstRequestMs / 1000),
          p50_ms: ms(http.latency.p50),
          p95_ms: ms(http.latency.p95),
          p99_ms: ms(http.latency.p99),
          max_ms: ms(http.latency.max),
          mean_ms: ms(http.latency.mean),
          rps: round(http.rps, 1),
          meanNodes: round(http.meanNodes, 1),
          meanEdges: round(http.meanEdges, 1),
          truncatedShare: round(http.truncatedShare, 4),
          meanBytes: Math.round(http.meanBytes),
          cpuMsPerRequest: http.cpu,
          sequential: http.sequential && {
            clients: 1,
            requests: http.sequential.requests,
            errors: http.sequential.errors,
            p50_ms: ms(http.sequential.latency.p50),
            p95_ms: ms(http.sequential.latency.p95),
            p99_ms: ms(http.sequential.latency.p99),
            max_ms: ms(http.sequential.latency.max),
            rps: round(http.sequential.rps, 1),
            cpuMsPerRequest: http.sequential.cpu,
          },
          serverRssMb: http.serverRssMb,
          serverPeakRssMb: http.serverPeakRssMb,
          server: http.serverCommand,
          target: { p99_ms_max: HOP2_P99_MAX, met: p99Met },
        },
      },
      synthetic: {
        database: synthDatabaseName(options.scale),
        state: sdb.state,
        fingerprint: s.fingerprint,
        scale: s.scale,
        seed: s.seed,
        files: s.files,
        records: s.records,
        links: s.links,
        bySchema: s.bySchema,
        imports: s.imports,
        resolve: s.resolve,
        databaseSize: s.databaseSize,
        migratedSince: s.migratedSince ?? [],
        load: {
          thisRun: sdb.state === 'built',
          loadSeconds: round(s.loadSeconds, 1),
          buildSeconds: round(s.buildSeconds, 1),
          ...(sdb.state === 'migrated' ? { migrateSeconds: round(sdb.seconds, 1) } : {}),
        },
        truthDir: sdb.truthDir,
        viewer: { agency: hsi.agency, role: hsi.role, account: 'import account' },
        synthetic_build_s: s3(synth.buildMs / 1000),
        ...buildReport(synth),
        planted: { ...planted, nmi: round(planted.nmi, 4), seconds: round(planted.seconds, 1) },
      },
    },
    notes,
  };
}
