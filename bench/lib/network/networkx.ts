/**
 * The NetworkX baseline: Debian's /usr/bin/python3 with Debian's python3-networkx (installed
 * with apt-get when missing) runs nx_baseline.py on the benchmark's edge list, in a child
 * process, after our own side has finished (the machine's cores are not shared between the
 * two sides).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Log } from '../types.js';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('./nx_baseline.py', import.meta.url).pathname;
/**
 * NetworkX 2.8 (Debian 12) computes nx.pagerank with SciPy, which the package only
 * recommends; apt-get's recommends would also bring GDAL, Matplotlib and Graphviz.
 */
const PACKAGES = ['python3-networkx', 'python3-scipy', 'python3-numpy'];
const PROBE = 'import networkx, scipy; print(networkx.__version__, scipy.__version__)';

function probe(): { ok: boolean; versions?: string; error?: string } {
  if (!existsSync(PYTHON)) return { ok: false, error: `${PYTHON} does not exist` };
  const r = spawnSync(PYTHON, ['-c', PROBE], { encoding: 'utf8' });
  if (r.status === 0) return { ok: true, versions: r.stdout.trim() };
  return { ok: false, error: (r.stderr || r.error?.message || '').trim().split('\n').at(-1) };
}

function aptGet(args: string[], log: Log): boolean {
  log(`networkx: running apt-get ${args.join(' ')}`);
  // apt's own output goes to stderr too: stdout is the benchmark's summary.
  const r = spawnSync('apt-get', args, {
    stdio: ['ignore', 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

/**
 * Makes sure Debian's python3 can import networkx (and SciPy); installs the packages with
 * apt-get when it cannot (idempotent: nothing is run when the import works). Returns the
 * versions ("networkx scipy") and whether this call installed them.
 */
export function ensureNetworkx(log: Log): { versions: string; installed: boolean } {
  const first = probe();
  if (first.ok) {
    log(`networkx: present (networkx, scipy: ${first.versions})`);
    return { versions: first.versions!, installed: false };
  }
  log(`networkx: ${PYTHON} cannot import networkx and scipy (${first.error}); installing`);
  if (process.getuid?.() !== 0)
    throw new Error(
      `NetworkX is missing and the benchmark is not running as root: install it with "apt-get install -y ${PACKAGES.join(' ')}" (or run with --skip-nx yes)`,
    );
  const install = ['install', '-y', '--no-install-recommends', ...PACKAGES];
  if (!aptGet(install, log)) {
    log('networkx: apt-get install failed; updating the package lists and trying again');
    if (!aptGet(['update'], log) || !aptGet(install, log))
      throw new Error(
        `could not install ${PACKAGES.join(' ')} with apt-get (see its output above); install them by hand or run with --skip-nx yes`,
      );
  }
  const after = probe();
  if (!after.ok)
    throw new Error(
      `${PACKAGES.join(' ')} installed, but ${PYTHON} still cannot import them: ${after.error}`,
    );
  log(`networkx: installed (networkx, scipy: ${after.versions})`);
  return { versions: after.versions!, installed: true };
}

type Top = [node: number, score: number][];

/** nx.json as nx_baseline.py writes it; stages missing from `done` did not finish. */
export interface NxOutput {
  python: string;
  networkx: string;
  scipy: string | null;
  executable: string;
  done: string[];
  read_s?: number;
  nodes?: number;
  edges?: number;
  louvain?: {
    louvain_s: number;
    modularity_s: number;
    /** louvain_s + modularity_s: what nx_louvain_s reports. */
    seconds: number;
    levels: number;
    communities: number;
    modularity: number;
    ours_communities: number;
    ours_modularity: number;
    ours_modularity_s: number;
  };
  betweenness?: { seconds: number; k: number; sources: number[]; top20: Top };
  betweenness_pivots?: { seconds: number; k: number; top20: Top };
  pagerank?: { seconds: number; top20: Top };
  pagerank_tight?: { seconds: number; tol: number; top20: Top };
}

export interface NxRun {
  output: NxOutput | null;
  /** Files nx_baseline.py wrote (present only for the stages done). */
  files: {
    labels: string;
    betweenness: string;
    betweennessPivots: string;
    pagerank: string;
    pagerankTight: string;
  };
  seconds: number;
  timedOut: boolean;
  exitCode: number | null;
  /** Peak resident memory of the Python process (VmHWM), when it could be read. */
  maxRssMb: number | null;
}

export interface NxInput {
  edgesPath: string;
  nodes: number;
  seed: number;
  /** File with our betweenness sources, one per line. */
  pivotsPath: string;
  /** File with our Louvain labels, one per line. */
  labelsPath: string;
  outDir: string;
  timeoutSeconds: number;
  /** The tolerance of the converged PageRank run. */
  tightTolerance: number;
}

/** Peak resident memory of a running process, from /proc. */
function peakRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Runs nx_baseline.py to the end or until the timeout (then the child is killed and the
 * stages it finished are still returned). Its progress lines go to `log`.
 */
export async function runNetworkx(input: NxInput, log: Log): Promise<NxRun> {
  const started = performance.now();
  const child = spawn(
    PYTHON,
    [
      '-u',
      SCRIPT,
      '--edges',
      input.edgesPath,
      '--nodes',
      String(input.nodes),
      '--seed',
      String(input.seed),
      '--pivots',
      input.pivotsPath,
      '--ours-labels',
      input.labelsPath,
      '--out-dir',
      input.outDir,
      '--tight-tol',
      String(input.tightTolerance),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let maxRssMb: number | null = null;
  const watch = setInterval(() => {
    maxRssMb = peakRssMb(child.pid) ?? maxRssMb;
  }, 1000);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    log(`networkx: still running after ${input.timeoutSeconds} s (--nx-timeout); stopping it`);
    child.kill('SIGKILL');
  }, input.timeoutSeconds * 1000);
  const tail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
    log(line.startsWith('[nx]') ? `networkx: ${line.slice(5)}` : `networkx stderr: ${line}`);
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  clearInterval(watch);
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  const out = join(input.outDir, 'nx.json');
  const output = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as NxOutput) : null;
  if (exitCode !== 0 && !timedOut)
    log(`networkx: exited with status ${exitCode}; last lines:\n${tail.join('\n')}`);
  return {
    output,
    files: {
      labels: join(input.outDir, 'nx-labels.txt'),
      betweenness: join(input.outDir, 'nx-betweenness.f64'),
      betweennessPivots: join(input.outDir, 'nx-betweenness-pivots.f64'),
      pagerank: join(input.outDir, 'nx-pagerank.f64'),
      pagerankTight: join(input.outDir, 'nx-pagerank-tight.f64'),
    },
    seconds,
    timedOut,
    exitCode,
    maxRssMb,
  };
}

/** A float64 vector file written by nx_baseline.py. */
export function readVector(path: string): Float64Array {
  const b = readFileSync(path);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** A labels file (one whole number per line). */
export function readLabels(path: string): Int32Array {
  return Int32Array.from(readFileSync(path, 'utf8').trimEnd().split('\n'), (s) => Number(s));
}
