/**
 * Quality of a resolution against the ground truth: pairwise precision, recall and F1 of the
 * clustering in puente.entity_member (from cluster-size combinatorics, never by listing pairs),
 * the blocking recall the blocking keys allow, and the same pairwise figures for the baseline
 * (exact match on the normalised full name plus birth date).
 */
import { sql } from 'kysely';
import { blockingKeys, isBlockingKey, MAX_BLOCK } from '../../../src/domain/resolution/blocking.js';
import { prepare, type Prepared } from '../../../src/domain/resolution/prepare.js';
import { profileOf } from '../../../src/domain/resolution/profile.js';
import { foldText } from '../../../src/domain/text/fold.js';
import type { Db } from '../../../src/storage/database.js';
import type { Log } from '../types.js';

export interface TruthRecord {
  id: string;
  properties: Record<string, string[]>;
  country: string | null;
  agency: string;
  /** The real person (bench_truth). */
  person: number;
  source: string;
  /** The resolver's entity (entity_member), null when the record has none. */
  entity: string | null;
}

const PAGE = 20_000;

/** Every person record with its truth and its entity, in id order, a page at a time. */
export async function readRecords(db: Db, onPage: (rows: TruthRecord[]) => void): Promise<number> {
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const { rows }: { rows: TruthRecord[] } = await sql<TruthRecord>`
      SELECT r.id, r.properties, a.country, r.agency, t.person, t.source, m.entity_id AS entity
      FROM puente.record r
      JOIN puente.agency a ON a.code = r.agency
      JOIN public.bench_truth t ON t.record_id = r.id
      LEFT JOIN puente.entity_member m ON m.record_id = r.id
      WHERE (${after}::uuid IS NULL OR r.id > ${after}::uuid)
      ORDER BY r.id LIMIT ${PAGE}`.execute(db);
    if (!rows.length) return total;
    onPage(rows);
    total += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

export const preparedOf = (r: TruthRecord): Prepared =>
  prepare(profileOf({ id: r.id, schema: 'Person', properties: r.properties, country: r.country })!);

/**
 * The baseline's key: the name as written, folded (accents and case, src/domain/text/fold.ts),
 * "SURNAMES, Given" turned to "Given SURNAMES", punctuation and runs of spaces made one space;
 * then the birth date. Without a name or a birth date a record matches nothing.
 */
export function baselineKey(properties: Record<string, string[]>): string | null {
  const name = properties.name?.[0];
  const birth = properties.birthDate?.[0];
  if (!name || !birth) return null;
  let folded = foldText(name);
  const comma = folded.indexOf(',');
  if (comma >= 0) folded = `${folded.slice(comma + 1)} ${folded.slice(0, comma)}`;
  const normal = folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return normal ? `${normal}|${birth}` : null;
}

/** A 53-bit hash of a string (cyrb53): keys kept as numbers, not millions of strings. */
export function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The blocking keys of every record, hashed, and how many records share each. */
export class KeyIndex {
  private data = new Float64Array(1 << 20);
  private size = 0;
  private readonly starts: number[] = [0];
  private sorted: Float64Array | null = null;

  add(keys: readonly string[]): void {
    if (this.size + keys.length > this.data.length) {
      const grown = new Float64Array(Math.max(this.data.length * 2, this.size + keys.length));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    for (const k of keys) this.data[this.size++] = hash53(k);
    this.starts.push(this.size);
  }

  get keys(): number {
    return this.size;
  }

  keysOf(i: number): Float64Array {
    return this.data.subarray(this.starts[i]!, this.starts[i + 1]!);
  }

  /** How many records carry this key (each record carries a key once). */
  blockSize(hash: number): number {
    this.sorted ??= this.data.slice(0, this.size).sort();
    const s = this.sorted;
    const bound = (strict: boolean) => {
      let lo = 0;
      let hi = s.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (s[mid]! < hash || (strict && s[mid] === hash)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return bound(true) - bound(false);
  }

  /** Whether records i and j share a key, and one whose block is compared (≤ maxBlock). */
  shared(i: number, j: number, maxBlock = MAX_BLOCK): { any: boolean; compared: boolean } {
    const a = this.keysOf(i);
    const b = this.keysOf(j);
    let any = false;
    for (const x of a)
      for (const y of b) {
        if (x !== y) continue;
        any = true;
        if (this.blockSize(x) <= maxBlock) return { any, compared: true };
      }
    return { any, compared: false };
  }

  /** Blocks above maxBlock, and the largest block. */
  blockStats(maxBlock = MAX_BLOCK): { distinct: number; skipped: number; largest: number } {
    this.sorted ??= this.data.slice(0, this.size).sort();
    const s = this.sorted;
    let distinct = 0;
    let skipped = 0;
    let largest = 0;
    for (let i = 0; i < s.length;) {
      let j = i + 1;
      while (j < s.length && s[j] === s[i]) j++;
      distinct++;
      if (j - i > maxBlock) skipped++;
      largest = Math.max(largest, j - i);
      i = j;
    }
    return { distinct, skipped, largest };
  }
}

export interface PairCounts {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

export interface PairQuality extends PairCounts {
  precision: number;
  recall: number;
  f1: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise counts of a clustering against the truth, from the sizes of clusters and cells. */
export function pairCounts(truth: Int32Array, predicted: Int32Array): PairCounts {
  const n = truth.length;
  const truthSizes = new Map<number, number>();
  const predictedSizes = new Map<number, number>();
  const cells = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    truthSizes.set(t, (truthSizes.get(t) ?? 0) + 1);
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
    const cell = p * n + t;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  const sum = (m: Map<number, number>) => {
    let s = 0;
    for (const c of m.values()) s += pairs(c);
    return s;
  };
  return {
    truePairs: sum(truthSizes),
    predictedPairs: sum(predictedSizes),
    correctPairs: sum(cells),
  };
}

export function quality(c: PairCounts): PairQuality {
  const precision = c.predictedPairs ? c.correctPairs / c.predictedPairs : 1;
  const recall = c.truePairs ? c.correctPairs / c.truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Integer labels for values: the same value, the same label; null, a label of its own. */
export class Labels<T> {
  private readonly ids = new Map<T, number>();
  private next = 0;
  of(value: T | null): number {
    if (value === null) return this.next++;
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.next++));
    return id;
  }
}

/** Record indices grouped by label, groups of two or more only. */
export function groupsOf(labels: Int32Array): number[][] {
  const by = new Map<number, number[]>();
  labels.forEach((l, i) => {
    const g = by.get(l);
    if (g) g.push(i);
    else by.set(l, [i]);
  });
  return [...by.values()].filter((g) => g.length > 1);
}

export interface SourcePairStats {
  pairs: number;
  /** Pairs in the same entity. */
  found: number;
  /** Pairs sharing a compared blocking key. */
  blocked: number;
}

export interface Evaluation {
  records: number;
  people: number;
  entities: number;
  /** Records the resolver left without an entity (expected: none). */
  withoutEntity: number;
  resolution: PairQuality;
  baseline: PairQuality;
  blocking: {
    /** Share of true pairs sharing at least one key whose block is compared (≤ MAX_BLOCK). */
    recall: number;
    /** …sharing any key at all, however large its block. */
    recallUncapped: number;
    maxBlock: number;
    keysPerRecord: number;
    distinctKeys: number;
    skippedBlocks: number;
    largestBlock: number;
  };
  /** Recall by the pair of sources two records of one person come from. */
  bySourcePair: Record<string, SourcePairStats>;
  /** Predicted pairs that are wrong, by source pair. */
  wrongBySourcePair: Record<string, number>;
  /** Entities by size. */
  entitySizes: Record<number, number>;
  seconds: number;
}

/** Everything evaluate() computes from, kept for the diagnosis. */
export interface EvaluationData {
  rows: TruthRecord[];
  truth: Int32Array;
  entity: Int32Array;
  keys: KeyIndex;
  prepared?: Prepared[];
}

const sourcePair = (a: string, b: string) => (a < b ? `${a} + ${b}` : `${b} + ${a}`);

/**
 * Reads every record and computes the figures. `keep` keeps the records and their prepared
 * profiles for a closer look (memory: about 2 KB per record).
 */
export async function evaluate(
  db: Db,
  log: Log,
  keep = false,
): Promise<{ evaluation: Evaluation; data?: EvaluationData }> {
  const started = performance.now();
  const truthLabels = new Labels<number>();
  const entityLabels = new Labels<string>();
  const baselineLabels = new Labels<string>();
  const truth: number[] = [];
  const entity: number[] = [];
  const baseline: number[] = [];
  const sources: string[] = [];
  const keys = new KeyIndex();
  const kept: TruthRecord[] = [];
  const prepared: Prepared[] = [];
  let withoutEntity = 0;
  await readRecords(db, (rows) => {
    for (const r of rows) {
      truth.push(truthLabels.of(r.person));
      entity.push(entityLabels.of(r.entity));
      if (r.entity === null) withoutEntity++;
      baseline.push(baselineLabels.of(baselineKey(r.properties)));
      sources.push(r.source);
      const p = preparedOf(r);
      // Keys kept for the name search only are never blocked on.
      keys.add(blockingKeys(p).filter(isBlockingKey));
      if (keep) {
        kept.push(r);
        prepared.push(p);
      }
    }
    if (truth.length % 200_000 < rows.length) log(`evaluated ${truth.length} records`);
  });
  const t = Int32Array.from(truth);
  const e = Int32Array.from(entity);
  const resolution = quality(pairCounts(t, e));
  const base = quality(pairCounts(t, Int32Array.from(baseline)));

  let blocked = 0;
  let sharedAny = 0;
  const bySourcePair: Record<string, SourcePairStats> = {};
  const trueGroups = groupsOf(t);
  for (const g of trueGroups)
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) {
        const i = g[x]!;
        const j = g[y]!;
        const s = keys.shared(i, j);
        if (s.compared) blocked++;
        if (s.any) sharedAny++;
        const stats = (bySourcePair[sourcePair(sources[i]!, sources[j]!)] ??= {
          pairs: 0,
          found: 0,
          blocked: 0,
        });
        stats.pairs++;
        if (s.compared) stats.blocked++;
        if (e[i] === e[j]) stats.found++;
      }
  const wrongBySourcePair: Record<string, number> = {};
  const entitySizes: Record<number, number> = {};
  const entityGroups = groupsOf(e);
  const singletons = t.length - entityGroups.reduce((s, g) => s + g.length, 0);
  if (singletons) entitySizes[1] = singletons;
  for (const g of entityGroups) {
    entitySizes[g.length] = (entitySizes[g.length] ?? 0) + 1;
    if (g.length > 1000) continue;
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) {
        const i = g[x]!;
        const j = g[y]!;
        if (t[i] === t[j]) continue;
        const k = sourcePair(sources[i]!, sources[j]!);
        wrongBySourcePair[k] = (wrongBySourcePair[k] ?? 0) + 1;
      }
  }
  const stats = keys.blockStats();
  const truePairs = resolution.truePairs;
  const evaluation: Evaluation = {
    records: t.length,
    people: new Set(truth).size,
    entities: new Set(entity).size,
    withoutEntity,
    resolution,
    baseline: base,
    blocking: {
      recall: truePairs ? blocked / truePairs : 1,
      recallUncapped: truePairs ? sharedAny / truePairs : 1,
      maxBlock: MAX_BLOCK,
      keysPerRecord: keys.keys / Math.max(1, t.length),
      distinctKeys: stats.distinct,
      skippedBlocks: stats.skipped,
      largestBlock: stats.largest,
    },
    bySourcePair: Object.fromEntries(
      Object.entries(bySourcePair).sort((a, b) => b[1].pairs - a[1].pairs),
    ),
    wrongBySourcePair: Object.fromEntries(
      Object.entries(wrongBySourcePair).sort((a, b) => b[1] - a[1]),
    ),
    entitySizes,
    seconds: (performance.now() - started) / 1000,
  };
  return {
    evaluation,
    data: keep ? { rows: kept, truth: t, entity: e, keys, prepared } : undefined,
  };
}

/**
 * How the arrivals were placed: for each arrival, the other members of its entity, right
 * (same person) or wrong, against the records of its person already there.
 */
export async function arrivalQuality(db: Db): Promise<{
  arrivals: number;
  known: number;
  pairsFound: number;
  pairsWrong: number;
  pairsExpected: number;
  precision: number;
  recall: number;
}> {
  const { rows } = await sql<{
    arrivals: number;
    known: number;
    found: number;
    wrong: number;
    expected: number;
  }>`
    WITH arrival AS (
      SELECT a.record_id, a.person, a.known, m.entity_id
      FROM public.bench_arrival_truth a
      LEFT JOIN puente.entity_member m ON m.record_id = a.record_id),
    everyone AS (
      SELECT t.record_id, t.person FROM public.bench_truth t
      UNION ALL SELECT record_id, person FROM public.bench_arrival_truth),
    mates AS (
      SELECT a.record_id, e.person = a.person AS right_person
      FROM arrival a
      JOIN puente.entity_member m ON m.entity_id = a.entity_id AND m.record_id <> a.record_id
      JOIN everyone e ON e.record_id = m.record_id)
    SELECT
      (SELECT count(*)::int FROM arrival) AS arrivals,
      (SELECT count(*)::int FROM arrival WHERE known) AS known,
      (SELECT count(*)::int FROM mates WHERE right_person) AS found,
      (SELECT count(*)::int FROM mates WHERE NOT right_person) AS wrong,
      (SELECT count(*)::int FROM arrival a JOIN everyone e ON e.person = a.person
        AND e.record_id <> a.record_id) AS expected`.execute(db);
  const r = rows[0]!;
  return {
    arrivals: r.arrivals,
    known: r.known,
    pairsFound: r.found,
    pairsWrong: r.wrong,
    pairsExpected: r.expected,
    precision: r.found + r.wrong ? r.found / (r.found + r.wrong) : 1,
    recall: r.expected ? r.found / r.expected : 1,
  };
}
