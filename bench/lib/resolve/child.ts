/**
 * One measured step in a process of its own, so its peak memory is the step's:
 * - `resolve`: resolveAll as the operator (the batch `puente resolve` runs), with its workers;
 * - `arrive`: inserts the arrival records (the product's version write, no matching) and times
 *   matchOnArrival for each, one record at a time.
 * Progress goes to stderr; the outcome is one JSON line on stdout.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  resolveAll,
  type ResolvePhase,
  type ResolveSummary,
} from '../../../src/services/resolution/resolve-all.js';
import { matchOnArrival } from '../../../src/services/resolution/match-on-arrival.js';
import { openDatabase } from '../../../src/storage/database.js';
import { appendRecordVersions } from '../../../src/storage/records.js';
import { asOperator } from '../../../src/storage/session.js';
import type { GeneratedVersion } from '../dataset/generate.js';

export type ChildInput =
  | { op: 'resolve'; url?: string; dataDir?: string; workers?: number }
  | { op: 'arrive'; url?: string; dataDir?: string; file: string; warmup: number };

export interface PhaseMemory {
  phase: ResolvePhase;
  /** Resident memory when the phase began, MB. */
  rssMb: number;
}

export interface ResolveOutput {
  /** Hash of the resolver's code this run loaded (it may change between runs of a benchmark). */
  code: string;
  seconds: number;
  summary: ResolveSummary;
  maxRssMb: number;
  memory: PhaseMemory[];
}

export interface ArriveOutput {
  /** matchOnArrival per measured record, ms, in arrival order. */
  samples: number[];
  warmupSamples: number[];
  outcomes: { matched: number; regrouped: number }[];
  insertSeconds: number;
  maxRssMb: number;
}

const ROOT = new URL('../../../', import.meta.url).pathname;
const CODE = ['src/domain/resolution', 'src/services/resolution', 'src/storage/resolution.ts'];

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => files(join(path, f)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

/** The resolver's code as this process loads it. */
function codeFingerprint(): string {
  const h = createHash('sha256');
  for (const file of CODE.flatMap((c) => files(join(ROOT, c))))
    h.update(file).update(readFileSync(file));
  return h.digest('hex').slice(0, 12);
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const say = (message: string) => process.stderr.write(`${message}\n`);

async function resolve(input: Extract<ChildInput, { op: 'resolve' }>): Promise<ResolveOutput> {
  const code = codeFingerprint();
  const database = await openDatabase({ url: input.url, dataDir: input.dataDir, poolSize: 2 });
  try {
    const memory: PhaseMemory[] = [];
    let phase: ResolvePhase | null = null;
    let lastLog = 0;
    const started = performance.now();
    const summary = await resolveAll(
      { db: database.db, viewer: null, operator: true, purpose: 'resolve benchmark' },
      {
        workers: input.workers,
        onProgress: (p) => {
          const now = performance.now();
          const changed = p.phase !== phase;
          if (changed) {
            phase = p.phase;
            memory.push({ phase: p.phase, rssMb: mb(process.memoryUsage.rss()) });
          }
          if (changed || now - lastLog > 10_000) {
            lastLog = now;
            say(
              `${p.phase} ${p.done}/${p.total} at ${((now - started) / 1000).toFixed(1)} s, rss ${mb(process.memoryUsage.rss())} MB`,
            );
          }
        },
      },
    );
    const seconds = (performance.now() - started) / 1000;
    return { code, seconds, summary, maxRssMb: maxRssMb(), memory };
  } finally {
    await database.close();
  }
}

async function arrive(input: Extract<ChildInput, { op: 'arrive' }>): Promise<ArriveOutput> {
  const versions = JSON.parse(readFileSync(input.file, 'utf8')) as GeneratedVersion[];
  const database = await openDatabase({ url: input.url, dataDir: input.dataDir, poolSize: 2 });
  try {
    const inserted = performance.now();
    await asOperator(database.db, (tx) => appendRecordVersions(tx, versions));
    const insertSeconds = (performance.now() - inserted) / 1000;
    const samples: number[] = [];
    const warmupSamples: number[] = [];
    const outcomes: ArriveOutput['outcomes'] = [];
    for (const [i, v] of versions.entries()) {
      const t0 = performance.now();
      const outcome = await matchOnArrival(database.db, [v.record_id]);
      const ms = performance.now() - t0;
      if (i < input.warmup) warmupSamples.push(ms);
      else {
        samples.push(ms);
        outcomes.push(outcome);
      }
      if ((i + 1) % 100 === 0) say(`arrivals ${i + 1}/${versions.length}`);
    }
    return { samples, warmupSamples, outcomes, insertSeconds, maxRssMb: maxRssMb() };
  } finally {
    await database.close();
  }
}

const input = JSON.parse(process.argv[2]!) as ChildInput;
(input.op === 'resolve' ? resolve(input) : arrive(input)).then(
  (out) => {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    say(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
