/**
 * npm run bench -- NAME [--option value ...]
 * Runs bench/NAME.ts and writes bench/results/NAME.json. Progress goes to stderr.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './lib/machine.js';
import { evaluateTargets, writeResult, type Result } from './lib/results.js';
import type { Benchmark } from './lib/types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

// A benchmark is a module in bench/ with a default export; other scripts there are never
// imported (importing runs them).
const benchmarkNames = () =>
  readdirSync(HERE)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .filter((f) => /^export default /m.test(readFileSync(join(HERE, f), 'utf8')))
    .map((f) => f.slice(0, -3))
    .sort();

async function load(name: string): Promise<Benchmark> {
  const mod = (await import(join(HERE, `${name}.ts`))) as { default: Benchmark };
  return mod.default;
}

async function help(): Promise<string> {
  const lines = ['Usage: npm run bench -- NAME [--option value ...]', '', 'Benchmarks:'];
  for (const name of benchmarkNames()) {
    const b = await load(name);
    lines.push(`  ${b.name}  ${b.description}`);
    for (const o of b.options)
      lines.push(`      --${o.name} <value>  ${o.description} (default ${o.default})`);
  }
  lines.push(
    '',
    'Environment: DATABASE_URL selects the PostgreSQL server (default ' + DEFAULT_SERVER + ').',
  );
  lines.push('Each run writes bench/results/NAME.json.');
  return lines.join('\n');
}

/** A mistake on the command line: reported without a stack trace. */
class UsageError extends Error {}

function parseOptions(bench: Benchmark, args: string[]): Record<string, string> {
  const options = Object.fromEntries(bench.options.map((o) => [o.name, o.default]));
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(args[i]!);
    const name = m?.[1];
    if (!name || !(name in options)) {
      throw new UsageError(
        `unknown option ${args[i]} for ${bench.name}; run npm run bench -- --help`,
      );
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return options;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || rest.includes('--help')) {
    console.log(await help());
    return name ? 0 : 2;
  }
  if (!benchmarkNames().includes(name)) {
    console.error(`unknown benchmark "${name}"; known: ${benchmarkNames().join(', ')}`);
    return 2;
  }
  const bench = await load(name);
  const options = parseOptions(bench, rest);
  const started = performance.now();
  const log = (message: string) =>
    process.stderr.write(
      `[${name} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`,
    );
  const serverUrl = process.env.DATABASE_URL || DEFAULT_SERVER;
  const machine = await describeMachine(serverUrl);
  log(
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, node ${machine.node}, PostgreSQL ${machine.postgres?.version ?? '?'}`,
  );

  const date = new Date().toISOString();
  const m = await bench.run({ options, serverUrl, log });
  const targets = evaluateTargets(bench, m.figures);
  const loadAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  const busiest = Math.max(machine.loadAverage[0] ?? 0, loadAtEnd[0] ?? 0);
  if (busiest > machine.cpus) {
    m.notes.push(
      `The machine was busy with other work (1-minute load average up to ${busiest} on ${machine.cpus} cores): absolute figures are pessimistic; ratios measured in the same run are less affected.`,
    );
  }
  const result: Result = {
    name: bench.name,
    description: bench.description,
    date,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    options,
    machine: { ...machine, loadAverageAtEnd: loadAtEnd },
    dataset: m.dataset,
    figures: m.figures,
    baseline: m.baseline,
    targets,
    met: Object.values(targets).every((t) => t.met),
    details: m.details ?? {},
    notes: m.notes,
  };
  const path = writeResult(join(HERE, 'results'), result);
  for (const [key, f] of Object.entries(result.figures))
    console.log(`${key.padEnd(24)} ${String(f.value).padStart(12)} ${f.unit}`);
  for (const [key, t] of Object.entries(targets)) {
    const bound = t.max !== undefined ? `<= ${t.max}` : `>= ${t.min}`;
    console.log(`target ${key} ${bound} ${t.unit}: ${t.value} ${t.met ? 'met' : 'MISSED'}`);
  }
  console.log(`wrote ${path}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(err.message);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
