import { cpus } from 'node:os';
import type { Viewer } from '../src/domain/identity/viewer.js';
import { searchRecords } from '../src/services/records/search-records.js';
import { captureQueries } from './lib/capture.js';
import { prepareDataset, type Dataset } from './lib/dataset/prepare.js';
import { measureHttp, type HttpOutcome } from './lib/policy-search/http-phase.js';
import {
  countMatches,
  explainCase,
  measureSql,
  type CaseSamples,
  type SqlCase,
} from './lib/policy-search/sql-phase.js';
import { SEARCH_CASES, searchPath } from './lib/search-cases.js';
import { checkServerSource, type ServerSource } from './lib/server.js';
import { round, summarize, type Summary } from './lib/stats.js';
import type { Benchmark, Context, Figure, Measurement } from './lib/types.js';

const OVERHEAD_MAX = 0.25;

const ms = (value: number): Figure => ({ value: round(value), unit: 'ms' });
const brief = (s: Summary) => ({
  n: s.n,
  mean: round(s.mean),
  p50: round(s.p50),
  p95: round(s.p95),
  p99: round(s.p99),
  max: round(s.max),
});

/** One benchmark viewer per agency: its first analyst. */
function viewersOf(ds: Dataset): Viewer[] {
  return ds.agencies.map((a) => {
    const u = ds.users.find((x) => x.agency === a.code && x.role === 'analyst')!;
    return { userId: u.id, name: u.name, agency: u.agency, country: u.country, role: u.role };
  });
}

// What asViewer and audited() add around every service call; the rest is the search itself.
const isSearchStatement = (s: string) =>
  !s.includes('set_config(') && !s.startsWith('insert into "puente"."audit_entry"');
const isPage = (s: string) => s.startsWith('select "r".* from ');

/**
 * The statements searchRecords sends for each case, as built for `viewer` (a multi-word search
 * first asks which term is rarest, then reads the page driven by it).
 */
async function productQueries(ds: Dataset, viewer: Viewer): Promise<SqlCase[]> {
  const cases: SqlCase[] = [];
  for (const c of SEARCH_CASES) {
    const statements = await captureQueries(ds.database.db, isSearchStatement, (db) =>
      searchRecords({ db, viewer }, c.input),
    );
    const pages = statements.filter((s) => isPage(s.sql));
    if (pages.length !== 1) {
      throw new Error(`expected one page query for ${c.name}, saw ${pages.length}`);
    }
    cases.push({ name: c.name, statements, page: pages[0]! });
  }
  return cases;
}

async function run(ctx: Context): Promise<Measurement> {
  const opt = (name: string) => ctx.options[name]!;
  const num = (name: string) => {
    const n = Number(opt(name));
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
    return n;
  };
  const source = opt('server');
  if (!['dist', 'source', 'none'].includes(source)) {
    throw new Error('--server must be dist, source or none');
  }
  if (source !== 'none') checkServerSource(source as ServerSource);
  const ds = await prepareDataset({
    serverUrl: ctx.serverUrl,
    records: num('records'),
    seed: num('seed'),
    log: ctx.log,
  });
  try {
    const viewers = viewersOf(ds);
    const cases = await productQueries(ds, viewers[0]!);

    ctx.log('counting matches per search (all records, and what each viewer sees)');
    const matches = new Map<string, { all: number; visibleMean: number }>();
    for (const c of cases) matches.set(c.name, await countMatches(ds.database.db, c.page, viewers));

    const samples = await measureSql({
      db: ds.database.db,
      cases,
      viewers,
      warmup: num('warmup'),
      iterations: num('iterations'),
      log: ctx.log,
    });
    const rls = summarize([...samples.values()].flatMap((s) => s.rls));
    const floor = summarize([...samples.values()].flatMap((s) => s.floor));
    const overhead = rls.p50 / floor.p50 - 1;

    const perCase = perCaseDetails(cases, samples, matches);
    const explain: Record<string, unknown> = {};
    for (const c of cases) {
      if ((perCase[c.name]!.overhead as number) > OVERHEAD_MAX) {
        ctx.log(`explain ${c.name} (overhead above ${OVERHEAD_MAX})`);
        explain[c.name] = await explainCase(ds.database.db, c.page, viewers[1]!);
      }
    }

    const figures: Record<string, Figure> = {
      sql_rls_p50_ms: ms(rls.p50),
      sql_rls_p95_ms: ms(rls.p95),
      sql_rls_p99_ms: ms(rls.p99),
      sql_floor_p50_ms: ms(floor.p50),
      sql_floor_p95_ms: ms(floor.p95),
      sql_floor_p99_ms: ms(floor.p99),
      overhead: { value: round(overhead, 4), unit: 'ratio' },
    };
    const notes = [
      'SQL: the statements searchRecords sends for a search (captured from the product through a Kysely plugin, audit entry and session settings left out), replayed in order on one connection; rls runs them inside asViewer (role puente_app, viewer keys), floor runs them as the owner (a superuser, which bypasses row-level security) with the same viewer settings. Only the statements are timed, not BEGIN/set_config/COMMIT.',
      `SQL runs interleave the two modes (alternating which goes first) and rotate over ${viewers.length} viewers, one analyst per agency.`,
      'overhead = sql_rls_p50_ms / sql_floor_p50_ms - 1, over all searches pooled; per-search figures are under details.queries.',
      `The replayed statements are those built for the first viewer; a search whose plan depends on the viewer (the rarest of several terms drives it) keeps that choice for every viewer.`,
    ];

    let audit: Record<string, unknown> | undefined;
    if (source === 'none') {
      notes.push('HTTP was skipped (--server none).');
    } else {
      try {
        const http = await measureHttp({
          db: ds.database.db,
          databaseUrl: ds.url,
          cases: SEARCH_CASES,
          viewers,
          clients: num('clients'),
          warmupSeconds: num('http-warmup'),
          durationSeconds: num('duration'),
          source: source as ServerSource,
          profileDir: opt('profile') || undefined,
          log: ctx.log,
        });
        audit = reportHttp(http, figures, perCase, notes, ctx.options);
      } catch (err) {
        // The SQL figures took minutes to measure: keep them, and say why HTTP is missing.
        ctx.log(`http failed: ${err instanceof Error ? err.message : String(err)}`);
        notes.push(
          `HTTP part failed, no HTTP figures: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        );
      }
    }

    return {
      dataset: ds.summary,
      figures,
      baseline: {
        name: 'sql_floor',
        description:
          'the identical search SQL as the table owner, which bypasses row-level security: the cost of the query without enforcement, measured in the same run',
        figures: ['sql_floor_p50_ms', 'sql_floor_p95_ms', 'sql_floor_p99_ms'],
      },
      details: {
        queries: perCase,
        ...(audit ? { audit } : {}),
        ...(Object.keys(explain).length ? { explain } : {}),
      },
      notes,
    };
  } finally {
    await ds.database.close();
  }
}

/** Adds the HTTP figures, per-case HTTP latencies and notes; returns the audit check. */
function reportHttp(
  http: HttpOutcome,
  figures: Record<string, Figure>,
  perCase: Record<string, Record<string, unknown>>,
  notes: string[],
  options: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const all = summarize(http.load.latencies);
  Object.assign(figures, {
    p50_ms: ms(all.p50),
    p95_ms: ms(all.p95),
    p99_ms: ms(all.p99),
    rps: { value: round(http.load.requests / http.load.seconds, 1), unit: 'requests/s' },
    http_requests: { value: http.load.requests, unit: 'count' },
    http_errors: { value: http.load.errors, unit: 'count' },
    audit_entries_added: { value: http.auditAdded, unit: 'count' },
  } satisfies Record<string, Figure>);
  const cpuFigures: Record<keyof typeof http.cpu, string> = {
    server: 'cpu_server_ms',
    postgres: 'cpu_postgres_ms',
    loadGenerator: 'cpu_load_generator_ms',
    others: 'cpu_others_ms',
  };
  for (const [part, key] of Object.entries(cpuFigures)) {
    const value = http.cpu[part as keyof typeof http.cpu];
    if (value !== null) figures[key] = ms(value);
  }
  const { server, postgres, loadGenerator } = http.cpu;
  if (server !== null && postgres !== null && loadGenerator !== null) {
    // What the measured cost per request allows on these cores with nothing else running.
    figures.rps_cpu_bound = {
      value: round((1000 * cpus().length) / (server + postgres + loadGenerator), 1),
      unit: 'requests/s',
    };
  }
  for (const c of SEARCH_CASES) {
    const lat = http.load.byName[c.name];
    if (lat) perCase[c.name]!.http_ms = brief(summarize(lat));
  }
  const onePerRequest = http.auditAdded === http.load.sent;
  notes.push(
    `HTTP: ${http.serverCommand} in a child process (request logging on, as shipped; default pool), ${options.clients} closed-loop clients on keep-alive connections, ${options['http-warmup']} s warm-up then ${options.duration} s measured; latency is send to last byte. Each request authenticates its bearer token (a token seen in the last 5 s is trusted without a lookup) and waits until its audit entry is durable: the search runs in a read-only transaction, then its entry joins the group-commit writer's next batch (one multi-row INSERT and commit for every request waiting).`,
    `CPU per measured request (cpu_*_ms, from /proc, measured window only): the server process, the load generator (raw keep-alive HTTP/1.1 sockets, this process), every postgres process, and the rest of the machine's busy time. Together they share ${cpus().length} cores: rps_cpu_bound = 1000 × cores ÷ (server + load generator + postgres) is the throughput that cost allows with nothing else running, and with closed-loop clients latency is about clients ÷ throughput.`,
    `Audit: ${http.auditAdded} entries were added for ${http.load.sent} requests sent (warm-up included)${onePerRequest ? ', one per request' : ' — MISMATCH'}. HTTP statuses: ${JSON.stringify(http.load.statuses)}.`,
    `The load generator, the server and PostgreSQL share the machine's cores (machine.cpus), so HTTP figures include contention between them.`,
  );
  return { requestsSent: http.load.sent, entriesAdded: http.auditAdded, onePerRequest };
}

function perCaseDetails(
  cases: readonly SqlCase[],
  samples: Map<string, CaseSamples>,
  matches: Map<string, { all: number; visibleMean: number }>,
): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    cases.map((c) => {
      const def = SEARCH_CASES.find((s) => s.name === c.name)!;
      const s = samples.get(c.name)!;
      const rls = summarize(s.rls);
      const floor = summarize(s.floor);
      const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length, 1);
      return [
        c.name,
        {
          description: def.description,
          http: searchPath(def.input),
          statements: c.statements.map((q) => ({ sql: q.sql.trim(), parameters: q.parameters })),
          matches: {
            all: matches.get(c.name)!.all,
            visibleToViewerMean: matches.get(c.name)!.visibleMean,
          },
          rowsReturnedMean: { rls: mean(s.rows.rls), floor: mean(s.rows.floor) },
          rls_ms: brief(rls),
          floor_ms: brief(floor),
          overhead: round(rls.p50 / floor.p50 - 1, 4),
        },
      ];
    }),
  );
}

const benchmark: Benchmark = {
  name: 'policy-search',
  description:
    'Record search under row-level security against the same SQL without it (the floor), and through the HTTP API with concurrent clients, audit included',
  options: [
    { name: 'records', description: 'records in the dataset', default: '1000000' },
    { name: 'seed', description: 'dataset generator seed', default: '20250601' },
    { name: 'warmup', description: 'unmeasured SQL rounds first', default: '30' },
    { name: 'iterations', description: 'measured SQL runs per search and mode', default: '300' },
    { name: 'clients', description: 'concurrent HTTP clients', default: '32' },
    { name: 'http-warmup', description: 'HTTP warm-up seconds', default: '5' },
    { name: 'duration', description: 'measured HTTP seconds', default: '25' },
    {
      name: 'server',
      description: 'dist (bin/puente.js, needs npm run build), source (tsx), or none',
      default: 'dist',
    },
    {
      name: 'profile',
      description: 'a folder to write a CPU profile of the server to (node --cpu-prof)',
      default: '',
    },
  ],
  targets: [
    {
      figure: 'overhead',
      max: OVERHEAD_MAX,
      unit: 'ratio',
      description: 'row-level security costs at most 25% over the floor (SQL p50)',
    },
    {
      figure: 'p99_ms',
      max: 50,
      unit: 'ms',
      description: 'HTTP p99 under 50 ms with 32 concurrent clients',
    },
  ],
  run,
};

export default benchmark;
