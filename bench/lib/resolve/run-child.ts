import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Log } from '../types.js';
import type { ArriveOutput, ChildInput, ResolveOutput } from './child.js';

const CHILD = new URL('./child.ts', import.meta.url).pathname;

/** Resident memory of a process, MB (0 once it is gone). */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs one step in a child process (through tsx, as in development), passing its progress
 * lines on to `log` with a prefix, and returns its outcome. A child whose resident memory
 * passes `rssLimitMb` is stopped, so that a run too large for the machine fails alone instead
 * of bringing the machine's other processes down with it.
 */
export function runChild(
  input: Extract<ChildInput, { op: 'resolve' }>,
  log: Log,
  prefix: string,
  rssLimitMb?: number,
): Promise<ResolveOutput>;
export function runChild(
  input: Extract<ChildInput, { op: 'arrive' }>,
  log: Log,
  prefix: string,
  rssLimitMb?: number,
): Promise<ArriveOutput>;
export function runChild(
  input: ChildInput,
  log: Log,
  prefix: string,
  rssLimitMb = Infinity,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
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
        if (line.trim()) log(`${prefix}: ${line}`);
      }
    });
    let stopped: string | undefined;
    const watch = setInterval(() => {
      const rss = child.pid ? rssMb(child.pid) : 0;
      if (rss > rssLimitMb && !stopped) {
        stopped = `resident memory ${rss} MB passed the limit of ${rssLimitMb} MB`;
        log(`${prefix}: ${stopped}; stopping it`);
        child.kill('SIGKILL');
      }
    }, 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(watch);
      if (partial.trim()) log(`${prefix}: ${partial}`);
      if (stopped) {
        reject(new Error(`${prefix}: ${stopped}`));
        return;
      }
      if (code !== 0) {
        reject(new Error(`${prefix} child exited with ${code}: ${tail.join('\n').trim()}`));
        return;
      }
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}
