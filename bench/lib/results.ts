import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from './machine.js';
import type { Benchmark, Figure, Measurement, Unit } from './types.js';

export interface TargetResult {
  description: string;
  max?: number;
  min?: number;
  unit: Unit;
  value: number | null;
  met: boolean;
}

/** The layout every benchmark writes to bench/results/<name>.json. */
export interface Result {
  name: string;
  description: string;
  date: string;
  durationSeconds: number;
  options: Record<string, string>;
  machine: Machine & { loadAverageAtEnd: number[] };
  dataset: Record<string, unknown>;
  figures: Record<string, Figure>;
  baseline: Measurement['baseline'];
  /** Keyed by the figure each applies to. */
  targets: Record<string, TargetResult>;
  /** All targets met. */
  met: boolean;
  details: Record<string, unknown>;
  notes: string[];
}

export function evaluateTargets(
  bench: Benchmark,
  figures: Record<string, Figure>,
): Record<string, TargetResult> {
  return Object.fromEntries(
    bench.targets.map((t) => {
      const value = figures[t.figure]?.value ?? null;
      return [
        t.figure,
        {
          description: t.description,
          ...(t.max !== undefined ? { max: t.max } : {}),
          ...(t.min !== undefined ? { min: t.min } : {}),
          unit: t.unit,
          value,
          met:
            value !== null &&
            (t.max === undefined || value <= t.max) &&
            (t.min === undefined || value >= t.min),
        },
      ];
    }),
  );
}

export function writeResult(dir: string, result: Result): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${result.name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
