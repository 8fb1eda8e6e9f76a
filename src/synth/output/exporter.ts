import { join } from 'node:path';
import { POOL_RANGE, rangeOf, type EntityKind } from '../keys.js';
import type { SourceName } from '../sources.js';
import { SOURCES } from '../sources.js';
import { csvLine } from '../../domain/text/csv.js';
import { FileSink, type FileEncoding } from './file-sink.js';
import type { Mapping } from './mapping.js';
import type { TruthWriter } from './truth.js';

/** One partner export as the manifest describes it. */
export interface ExportSpec {
  file: string;
  source: SourceName;
  format: 'csv' | 'ndjson';
  encoding: FileEncoding;
  delimiter?: string;
  marking: string;
  rel?: string[];
  recipients?: string[];
  mapping: Mapping | null;
  columns?: readonly string[];
}

export interface FileStats {
  rows: number;
  records: Record<string, number>;
  links: number;
  bytes: number;
}

export interface Progress {
  (file: string, rows: number): void;
}

/**
 * Writes one export: rows or lines, the records they hold (counted once per partner id), and
 * the ground-truth line for every record that stands for a real-world entity.
 */
export class Exporter {
  readonly stats: FileStats = { rows: 0, records: {}, links: 0, bytes: 0 };
  readonly agency: string;
  private readonly sink: FileSink;
  private readonly seen = new Map<EntityKind, Set<number>>();
  private readonly lastOnce = new Map<EntityKind, number>();

  constructor(
    readonly spec: ExportSpec,
    dir: string,
    private readonly truth: TruthWriter,
    private readonly progress: Progress,
  ) {
    this.agency = SOURCES[spec.source].agency;
    this.sink = new FileSink(join(dir, spec.file), spec.encoding);
    if (spec.columns) this.sink.write(csvLine(spec.columns, spec.delimiter ?? ','));
  }

  row(fields: readonly string[]): void {
    this.sink.write(csvLine(fields, this.spec.delimiter ?? ','));
    this.tick();
  }

  line(item: object): void {
    this.sink.write(`${JSON.stringify(item)}\n`);
    if ('schema' in item) this.tick();
  }

  /** Counts a record that appears once (the row's own event, a sold gun). */
  record(schema: string): void {
    this.stats.records[schema] = (this.stats.records[schema] ?? 0) + 1;
  }

  links(n: number): void {
    this.stats.links += n;
  }

  /**
   * A record standing for real-world entity `key`. Returns whether this partner id is new to
   * the file; the first time, it is counted and written to the ground truth.
   */
  entity(
    kind: EntityKind,
    key: number,
    variant: number,
    id: string,
    schema: string,
    entity: string,
  ): boolean {
    // Once-only keys recur only in consecutive rows (one buyer, several guns); only shared
    // keys need remembering, so memory grows with the pool and networks, not the file.
    if (rangeOf(key) > POOL_RANGE) {
      if (this.lastOnce.get(kind) === key) return false;
      this.lastOnce.set(kind, key);
    } else {
      let set = this.seen.get(kind);
      if (!set) this.seen.set(kind, (set = new Set()));
      const slot = key * 2 + variant;
      if (set.has(slot)) return false;
      set.add(slot);
    }
    this.unique(kind, id, schema, entity);
    return true;
  }

  /** A record of a real-world entity that this file holds exactly once (a sold gun). */
  unique(kind: EntityKind, id: string, schema: string, entity: string): void {
    this.record(schema);
    this.truth.record(entity, kind, { agency: this.agency, id }, this.spec.file, schema);
  }

  close(): FileStats {
    this.sink.close();
    this.stats.bytes = this.sink.bytes;
    this.progress(this.spec.file, this.stats.rows);
    return this.stats;
  }

  private tick(): void {
    if (++this.stats.rows % 20_000 === 0) this.progress(this.spec.file, this.stats.rows);
  }
}
