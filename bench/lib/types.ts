/** A progress line on stderr; stdout stays free for the result. */
export type Log = (message: string) => void;

export type Unit = 'ms' | 'ratio' | 'requests/s' | 'records/s' | 'count' | 's' | 'MB' | 'KB';

/** Every measured number carries its unit. */
export interface Figure {
  value: number;
  unit: Unit;
}

export interface Target {
  /** The key of the figure the target applies to. */
  figure: string;
  /** The figure must stay at or below this… */
  max?: number;
  /** …or at or above this. */
  min?: number;
  unit: Unit;
  description: string;
}

export interface BenchOption {
  name: string;
  description: string;
  default: string;
}

export interface Context {
  /** Option values by name, defaults applied. */
  options: Readonly<Record<string, string>>;
  /** The PostgreSQL server (DATABASE_URL or the local default). */
  serverUrl: string;
  log: Log;
}

/** What a benchmark measured; run.ts adds name, date, machine and evaluates the targets. */
export interface Measurement {
  dataset: Record<string, unknown>;
  figures: Record<string, Figure>;
  /** The reference measured in the same run, by figure key. */
  baseline: { name: string; description: string; figures: string[] };
  /** Per-case details (e.g. one entry per query). */
  details?: Record<string, unknown>;
  notes: string[];
}

export interface Benchmark {
  name: string;
  description: string;
  options: readonly BenchOption[];
  targets: readonly Target[];
  run(ctx: Context): Promise<Measurement>;
}
