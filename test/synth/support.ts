import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ManifestEntry } from '../../src/synth/generate.js';

export type ManifestFile = ManifestEntry;

export interface Manifest {
  seed: number;
  scale: number;
  files: ManifestFile[];
  counts: { records: number; links: number };
}

export const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** A CSV export decoded in its declared encoding, as header and row objects. */
export function readCsv(
  dir: string,
  f: ManifestFile,
): { header: string[]; rows: Record<string, string>[] } {
  const bytes = readFileSync(join(dir, f.file));
  const text = new TextDecoder(f.encoding, {
    fatal: f.encoding === 'utf-8',
    ignoreBOM: false,
  }).decode(bytes);
  const all = parse(text, { delimiter: f.delimiter, relax_quotes: false }) as string[][];
  const header = all[0]!;
  const rows = all.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return { header, rows };
}

export const readNdjson = <T>(dir: string, file: string): T[] =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

/** Fills an id template ("FA-{Transaction Number}-{Item}") from a row, as the importer does. */
export const fillTemplate = (template: string, row: Record<string, string>): string =>
  template.replace(/\{([^}]+)\}/g, (_, c: string) => row[c] ?? '');

export const templateColumns = (template: string): string[] =>
  [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
