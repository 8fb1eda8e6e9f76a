import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations } from '../../src/storage/migrate.js';
import type { Log } from './types.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * How to start `puente serve`: the built CLI (bin/puente.js, needs `npm run build`), or the same
 * CLI from source through tsx when the build is missing or stale.
 */
export type ServerSource = 'dist' | 'source';

export interface RunningServer {
  url: string;
  pid: number;
  /** Where the server's own output went. */
  logFile: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Refuses a missing or stale build before any measuring starts: a build whose migrations differ
 * from the source would refuse the benchmark database (or measure old code).
 */
export function checkServerSource(source: ServerSource): void {
  if (source === 'source') return;
  const built = join(ROOT, 'dist/cli/main.js');
  if (!existsSync(built)) {
    throw new Error(`${built} is missing: run npm run build, or pass --server source`);
  }
  const checksums = (ms: { checksum: string }[]) => ms.map((m) => m.checksum).join();
  if (
    checksums(loadMigrations(join(ROOT, 'dist/storage/migrations'))) !== checksums(loadMigrations())
  ) {
    throw new Error(
      'dist/ is older than src/ (the migrations differ): run npm run build, or pass --server source',
    );
  }
}

function command(source: ServerSource): string[] {
  if (source === 'source') return ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
  checkServerSource(source);
  return [join(ROOT, 'bin/puente.js')];
}

/** Starts the real server in a child process against `databaseUrl` and waits until it is ready. */
export async function startServerProcess(o: {
  databaseUrl: string;
  source: ServerSource;
  env?: Record<string, string>;
  /** Where to write a CPU profile of the server (node --cpu-prof), if one is wanted. */
  profileDir?: string;
  log: Log;
}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The server logs every request; a file keeps that work off the load generator's process.
  const logFile = join(tmpdir(), `puente-bench-server-${port}.log`);
  const out = openSync(logFile, 'w');
  const profile = o.profileDir ? ['--cpu-prof', '--cpu-prof-dir', o.profileDir] : [];
  const args = [
    ...profile,
    ...command(o.source),
    ...['serve', '--host', '127.0.0.1', '--port', String(port)],
  ];
  o.log(`starting node ${args.map((a) => a.replace(ROOT, '')).join(' ')} (log: ${logFile})`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...o.env, DATABASE_URL: o.databaseUrl },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let done = false;
  void exited.then(() => (done = true));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (done) throw new Error(`the server exited before it was ready:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within 60 s:\n${tail(logFile)}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    pid: child.pid!,
    logFile,
    async stop() {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}
