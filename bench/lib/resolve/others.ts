import { readdirSync, readFileSync } from 'node:fs';

/**
 * Other benchmark runs on the machine: bench/run.ts processes outside this one's own chain of
 * parents, each run counted once (npm, tsx and node wrap one another). Another `resolve` run
 * shares this benchmark's databases and may drop them under it; any other run takes cores from
 * the timing.
 */
export function otherBenchmarks(): { resolve: number; other: number } {
  const runs = new Map<number, { parent: number; resolve: boolean }>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!cmd.some((a) => a.endsWith('bench/run.ts'))) continue;
      // The parent is the field after the command name, which is in parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      runs.set(Number(pid), { parent, resolve: cmd.includes('resolve') });
    } catch {
      // The process ended while we looked.
    }
  }
  const mine = new Set<number>();
  for (let p: number | undefined = process.pid; p && runs.has(p); p = runs.get(p)?.parent)
    mine.add(p);
  for (let p = process.ppid; p > 1;) {
    mine.add(p);
    const next = runs.get(p)?.parent;
    if (!next) break;
    p = next;
  }
  const found = { resolve: 0, other: 0 };
  for (const [pid, run] of runs) {
    if (mine.has(pid) || runs.has(run.parent)) continue;
    if (run.resolve) found.resolve++;
    else found.other++;
  }
  return found;
}
