import { sql } from 'kysely';
import type { Viewer } from '../../../src/domain/identity/viewer.js';
import type { Call } from '../../../src/services/context.js';
import { createToken, revokeToken } from '../../../src/services/identity/tokens.js';
import type { Db } from '../../../src/storage/database.js';
import { cpuPerRequest, readCpu, type CpuReading, type CpuSplit } from '../cpu.js';
import { runLoad, type LoadResult } from '../http-load.js';
import { searchPath, type SearchCase } from '../search-cases.js';
import { startServerProcess, type ServerSource } from '../server.js';
import type { Log } from '../types.js';

export interface HttpOutcome {
  load: LoadResult;
  /** Audit entries written while the server ran; one per request is expected. */
  auditAdded: number;
  /** CPU ms per measured request: the server, the load generator, PostgreSQL, the rest. */
  cpu: CpuSplit;
  serverCommand: string;
}

const auditCount = async (db: Db) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM puente.audit_entry`.execute(db)).rows[0]!
    .n;

/**
 * The searches through the real server (`puente serve` in a child process) with concurrent
 * clients, each request signed with a benchmark viewer's token, rotating over every pair of
 * search and viewer.
 */
export async function measureHttp(o: {
  db: Db;
  databaseUrl: string;
  cases: readonly SearchCase[];
  viewers: readonly Viewer[];
  clients: number;
  warmupSeconds: number;
  durationSeconds: number;
  source: ServerSource;
  profileDir?: string;
  log: Log;
}): Promise<HttpOutcome> {
  const operator: Call = { db: o.db, viewer: null, operator: true };
  const tokens: { id: string; token: string }[] = [];
  for (const v of o.viewers) {
    tokens.push(
      await createToken(operator, {
        userId: v.userId,
        label: 'policy-search benchmark',
        expiresInDays: 1,
      }),
    );
  }
  try {
    const paths = o.cases.map((c) => ({ name: c.name, path: searchPath(c.input) }));
    const server = await startServerProcess({
      databaseUrl: o.databaseUrl,
      source: o.source,
      profileDir: o.profileDir,
      log: o.log,
    });
    const before = await auditCount(o.db);
    let load: LoadResult;
    const cpu: Partial<Record<'start' | 'end', CpuReading>> = {};
    try {
      o.log(
        `http: ${o.clients} clients, ${o.warmupSeconds} s warm-up + ${o.durationSeconds} s against ${server.url}`,
      );
      let k = 0;
      load = await runLoad({
        baseUrl: server.url,
        concurrency: o.clients,
        warmupSeconds: o.warmupSeconds,
        durationSeconds: o.durationSeconds,
        onWindow: (edge) => (cpu[edge] = readCpu()),
        next: () => {
          const c = paths[k % paths.length]!;
          const token = tokens[Math.floor(k / paths.length) % tokens.length]!.token;
          k++;
          return {
            name: c.name,
            path: c.path,
            headers: {
              authorization: `Bearer ${token}`,
              'x-puente-purpose': 'policy-search benchmark',
            },
          };
        },
      });
    } finally {
      await server.stop();
    }
    const auditAdded = (await auditCount(o.db)) - before;
    o.log(
      `http: ${load.requests} measured requests, ${load.errors} errors, ${load.sent} sent, ${auditAdded} audit entries added`,
    );
    return {
      load,
      auditAdded,
      cpu: cpuPerRequest(cpu.start!, cpu.end!, server.pid, load.requests),
      serverCommand: `puente serve (${o.source})`,
    };
  } finally {
    for (const t of tokens) await revokeToken(operator, t.id);
  }
}
