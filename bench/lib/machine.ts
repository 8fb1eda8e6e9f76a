import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import pg from 'pg';

/** The server settings that most move query latency; recorded so runs can be compared. */
const SETTINGS = [
  'shared_buffers',
  'work_mem',
  'effective_cache_size',
  'random_page_cost',
  'max_connections',
  'jit',
];

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1/5/15-minute load averages when the run started: other work on the machine skews figures. */
  loadAverage: number[];
  postgres: { version: string; settings: Record<string, string> } | null;
}

export async function describeMachine(serverUrl: string): Promise<Machine> {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    postgres: await describePostgres(serverUrl).catch(() => null),
  };
}

async function describePostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = (
      await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")
    ).rows[0]!.v;
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY ($1) ORDER BY name`,
      [SETTINGS],
    );
    return { version, settings: Object.fromEntries(rows.map((r) => [r.name, r.setting])) };
  } finally {
    await client.end();
  }
}
