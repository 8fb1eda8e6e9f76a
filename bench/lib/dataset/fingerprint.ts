import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadMigrations } from '../../../src/storage/migrate.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

// What a loaded dataset depends on: the generator, the product's normalisation and term
// derivation (src/domain), and the schema (migrations). Any change there means a reload.
const SOURCES = [
  'bench/lib/dataset',
  'src/synth/random.ts',
  'src/synth/pick-names.ts',
  'src/synth/curp.ts',
  'src/synth/tables',
  'src/domain',
];

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => files(join(path, f)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

/**
 * A source file and every file it imports for its running code, transitively (type-only
 * imports left out): what a step of a build depends on, and nothing the rest of a folder holds.
 */
export function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/^(?:import|export) (?!type )[^;]*?from '(\.[^']+)\.js';/gmsu)) {
      visit(relative(ROOT, join(ROOT, dirname(file), `${m[1]}.ts`)));
    }
  };
  visit(entry);
  return [...seen].sort();
}

/**
 * A fingerprint of a benchmark data set: its parameters, the source files (or folders) it is
 * built from, and the migrations. Data sets are reused while it matches.
 */
export function fingerprintOf(sources: readonly string[], params: object): string {
  const h = createHash('sha256').update(JSON.stringify(params));
  for (const file of sources.flatMap((s) => files(join(ROOT, s)))) {
    h.update(relative(ROOT, file)).update(readFileSync(file));
  }
  for (const m of loadMigrations()) h.update(m.checksum);
  return h.digest('hex').slice(0, 16);
}

export const datasetFingerprint = (records: number, seed: number): string =>
  fingerprintOf(SOURCES, { records, seed });
