import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system) spent on this machine, read from /proc (Linux): it tells which of
 * the load generator, the server and PostgreSQL uses the shared cores, and how busy the
 * machine was with anything else. Elsewhere the readings are empty and the split is null.
 */
export interface CpuReading {
  /** ms by process id, with the process's command name. */
  processes: Map<number, { comm: string; ms: number }>;
  /** ms the whole machine was busy (all cores), from /proc/stat. */
  machine: number | null;
  loadGenerator: number;
}

export interface CpuSplit {
  server: number | null;
  loadGenerator: number | null;
  /** Every local process named postgres (backends, WAL writer, checkpointer, …). */
  postgres: number | null;
  /** The rest of the machine's busy time: other work, kernel threads, interrupts. */
  others: number | null;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processTimes(): Map<number, { comm: string; ms: number }> {
  const out = new Map<number, { comm: string; ms: number }>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
      out.set(Number(pid), { comm, ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch {
      // the process ended between listing and reading
    }
  }
  return out;
}

function machineBusy(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    const [user, nice, system, , , irq, softirq, steal] = cpu.map(Number);
    return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) * TICK_MS;
  } catch {
    return null;
  }
}

export function readCpu(): CpuReading {
  const own = process.cpuUsage();
  return {
    processes: processTimes(),
    machine: machineBusy(),
    loadGenerator: (own.user + own.system) / 1000,
  };
}

/**
 * CPU ms per request between two readings, by who spent it. A process that started in between
 * counts in full; one that ended in between is lost (the server is read before it stops).
 */
export function cpuPerRequest(
  before: CpuReading,
  after: CpuReading,
  serverPid: number,
  requests: number,
): CpuSplit {
  if (after.processes.size === 0 || requests === 0) {
    return { server: null, loadGenerator: null, postgres: null, others: null };
  }
  const spent = (pid: number) =>
    (after.processes.get(pid)?.ms ?? 0) - (before.processes.get(pid)?.ms ?? 0);
  let postgres = 0;
  for (const [pid, p] of after.processes) if (p.comm === 'postgres') postgres += spent(pid);
  const server = spent(serverPid);
  const loadGenerator = after.loadGenerator - before.loadGenerator;
  const machine =
    after.machine !== null && before.machine !== null ? after.machine - before.machine : null;
  const per = (ms: number | null) => (ms === null ? null : Math.round((ms / requests) * 100) / 100);
  return {
    server: per(server),
    loadGenerator: per(loadGenerator),
    postgres: per(postgres),
    others: per(machine === null ? null : Math.max(0, machine - server - loadGenerator - postgres)),
  };
}
