import { candidatePairs } from '../../domain/resolution/blocking.js';
import { components } from '../../domain/resolution/cluster.js';
import type { MatchModel } from '../../domain/resolution/model.js';
import type { EntityKind } from '../../domain/resolution/profile.js';
import type { PairScore } from '../../domain/resolution/resolve-group.js';
import { trainModel } from '../../domain/resolution/train.js';
import {
  allDecisions,
  analyzeResolution,
  clearResolution,
  countResolvable,
  insertEdges,
  insertKeys,
  insertMembers,
  lockResolution,
  readResolvable,
  saveModel,
  type EdgeRow,
} from '../../storage/resolution.js';
import type { Tx } from '../../storage/session.js';
import { audited } from '../audited.js';
import type { Call } from '../context.js';
import { coarseFrequencies } from './frequencies.js';
import { WorkerPool } from './pool.js';
import type { AddResult, ClusterResult, PatternsResult, ScoreResult } from './protocol.js';
import { RESOLVED_SCHEMAS, kindOf } from './schemas.js';

export type ResolvePhase = 'read' | 'compare' | 'train' | 'score' | 'cluster' | 'write';

export interface ResolveProgress {
  phase: ResolvePhase;
  done: number;
  total: number;
}

export interface ResolveSummary {
  records: number;
  persons: number;
  organizations: number;
  candidatePairs: number;
  /** Blocks left out because too many records share their key. */
  skippedBlocks: number;
  /** Pairs kept for matching or review. */
  pairs: number;
  entities: number;
  /** Entities made of two or more records. */
  mergedEntities: number;
  seconds: number;
  phases: Partial<Record<ResolvePhase, number>>;
  models: Record<EntityKind, Pick<MatchModel, 'lambda' | 'trainedOn'>>;
}

export interface ResolveOptions {
  onProgress?: (p: ResolveProgress) => void;
  workers?: number;
  /** Random pairs drawn to estimate u, per kind. */
  randomPairs?: number;
  pageSize?: number;
}

const KINDS: readonly EntityKind[] = ['person', 'organization'];

/** A small deterministic generator: the same data give the same u estimate. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPairs(indices: readonly number[], count: number): Uint32Array {
  const n = indices.length;
  if (n < 2) return new Uint32Array(0);
  const total = Math.min(count, (n * (n - 1)) / 2);
  const next = random(n);
  const out = new Uint32Array(total * 2);
  for (let k = 0; k < total; k++) {
    const i = Math.floor(next() * n);
    let j = Math.floor(next() * (n - 1));
    if (j >= i) j++;
    out[2 * k] = indices[Math.min(i, j)]!;
    out[2 * k + 1] = indices[Math.max(i, j)]!;
  }
  return out;
}

/** Splits a flat pair list into one slice per worker. */
function slices(pairs: Uint32Array, parts: number): Uint32Array[] {
  const n = pairs.length / 2;
  const size = Math.ceil(n / parts);
  return Array.from({ length: parts }, (_, i) =>
    pairs.slice(2 * i * size, 2 * Math.min(n, (i + 1) * size)),
  );
}

const levelsOfKey = (key: string) => Int8Array.from(key.split(',').map(Number));

/**
 * Resolves every person and organization again: blocking, comparison, a model fitted to the
 * data (EM, with analysts' judgements), scoring, clustering, and the result written in one
 * transaction. Comparison and clustering run in worker threads, one per core.
 */
export async function resolveAll(
  call: Call,
  options: ResolveOptions = {},
): Promise<ResolveSummary> {
  return audited(
    call,
    'entity.resolve',
    {},
    async (tx) => {
      const summary = await run(tx, options);
      return { result: summary, count: summary.records };
    },
    { operatorAllowed: true },
  );
}

async function run(tx: Tx, options: ResolveOptions): Promise<ResolveSummary> {
  const started = Date.now();
  const phases: ResolveSummary['phases'] = {};
  let phaseStart = Date.now();
  const endPhase = (p: ResolvePhase) => {
    phases[p] = (Date.now() - phaseStart) / 1000;
    phaseStart = Date.now();
  };
  const progress = (phase: ResolvePhase, done: number, total: number) =>
    options.onProgress?.({ phase, done, total });
  await lockResolution(tx);
  const total = await countResolvable(tx, RESOLVED_SCHEMAS);
  const pool = WorkerPool.start(options.workers);
  try {
    const ids: string[] = [];
    const kinds: EntityKind[] = [];
    const keys: string[][] = [];
    const frequencyKeys: string[][] = [];
    let after: string | null = null;
    let page = 0;
    progress('read', 0, total);
    // Workers prepare one page while the next is read; answers are taken in page order.
    let pending: Promise<void> = Promise.resolve();
    for (;;) {
      const rows = await readResolvable(tx, RESOLVED_SCHEMAS, after, options.pageSize ?? 10_000);
      if (!rows.length) break;
      after = rows[rows.length - 1]!.id;
      const replier = page++ % pool.size;
      const answers = pool.workers.map((_, w) =>
        pool.ask<AddResult>(w, { op: 'add', rows, reply: w === replier }),
      );
      const previous = pending;
      pending = (async () => {
        const [answer] = await Promise.all([answers[replier]!, ...answers, previous]);
        for (const row of rows) {
          ids.push(row.id);
          kinds.push(kindOf(row.schema));
        }
        keys.push(...answer.keys!);
        frequencyKeys.push(...answer.frequencyKeys!);
        progress('read', ids.length, total);
      })();
      // Two pages in flight at most: memory stays at a few pages whatever the data set.
      await previous;
    }
    await pending;
    endPhase('read');

    const { pairs, skippedBlocks } = candidatePairs(keys);
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const decisions = (await allDecisions(tx)).filter(
      (d) => indexOf.has(d.a) && indexOf.has(d.b) && d.verdict !== 'unsure',
    );
    const byKind = (kind: EntityKind) => {
      const list: number[] = [];
      for (let k = 0; k < pairs.length; k += 2) if (kinds[pairs[k]!] === kind) list.push(k);
      const out = new Uint32Array(list.length * 2);
      list.forEach((k, i) => {
        out[2 * i] = pairs[k]!;
        out[2 * i + 1] = pairs[k + 1]!;
      });
      return out;
    };

    const models = {} as Record<EntityKind, MatchModel>;
    let trainSeconds = 0;
    const kindPairs = {} as Record<EntityKind, Uint32Array>;
    progress('compare', 0, pairs.length / 2);
    for (const kind of KINDS) {
      const own = byKind(kind);
      kindPairs[kind] = own;
      const members = ids.map((_, i) => i).filter((i) => kinds[i] === kind);
      const sample = randomPairs(members, options.randomPairs ?? 200_000);
      const same = decisions.filter(
        (d) => d.verdict === 'same' && kinds[indexOf.get(d.a)!] === kind,
      );
      const labelledPairs = Uint32Array.from(
        same.flatMap((d) => [indexOf.get(d.a)!, indexOf.get(d.b)!]),
      );
      const parts = slices(own, pool.size);
      const randomParts = slices(sample, pool.size);
      const results = await Promise.all(
        parts.map((p, w) =>
          pool.ask<PatternsResult>(w, { op: 'patterns', pairs: p, random: randomParts[w]! }),
        ),
      );
      const labelled = await pool.ask<PatternsResult>(0, {
        op: 'patterns',
        pairs: labelledPairs,
        random: new Uint32Array(0),
      });
      const expand = (list: [string, number][]) =>
        list.map(([key, count]) => ({ levels: levelsOfKey(key), count }));
      const { frequencies, minFrequency } = coarseFrequencies(
        frequencyKeys.filter((_, i) => kinds[i] === kind),
      );
      const training = Date.now();
      models[kind] = trainModel({
        kind,
        candidates: expand(results.flatMap((r) => r.candidates)),
        random: expand(results.flatMap((r) => r.random)),
        labelled: expand(labelled.candidates),
        frequencies,
        minFrequency,
        records: members.length,
      });
      trainSeconds += (Date.now() - training) / 1000;
    }
    endPhase('compare');
    progress('train', 1, 1);
    phases.compare! -= trainSeconds;
    phases.train = trainSeconds;

    // Score every candidate pair with its kind's model; keep what reaches review.
    const edges: EdgeRow[] = [];
    const matchEdges: PairScore[] = [];
    for (const kind of KINDS) {
      const model = models[kind];
      const parts = slices(kindPairs[kind], pool.size);
      const scored = await Promise.all(
        parts.map((p, w) => pool.ask<ScoreResult>(w, { op: 'score', pairs: p, model })),
      );
      scored.forEach((s, w) => {
        const p = parts[w]!;
        for (let k = 0; k < s.weights.length; k++) {
          const probability = s.probabilities[k]!;
          if (probability < model.reviewProbability) continue;
          const a = p[2 * k]!;
          const b = p[2 * k + 1]!;
          edges.push({ a: ids[a]!, b: ids[b]!, weight: s.weights[k]!, probability });
          if (probability >= model.matchProbability)
            matchEdges.push({ a, b, weight: s.weights[k]!, probability });
        }
      });
    }
    progress('score', pairs.length / 2, pairs.length / 2);
    endPhase('score');

    progress('cluster', 0, matchEdges.length);
    const entityOf = await clusterAll(pool, ids, kinds, matchEdges, decisions, indexOf, models);
    progress('cluster', matchEdges.length, matchEdges.length);
    endPhase('cluster');

    progress('write', 0, ids.length);
    await clearResolution(tx);
    // Keys go in chunks as they are built: all of them at once would be millions of objects.
    let keyRows: { key: string; record_id: string }[] = [];
    for (let i = 0; i < keys.length; i++) {
      for (const key of keys[i]!) keyRows.push({ key, record_id: ids[i]! });
      if (keyRows.length >= 20_000) {
        await insertKeys(tx, keyRows);
        keyRows = [];
      }
    }
    await insertKeys(tx, keyRows);
    await insertEdges(tx, edges);
    await insertMembers(
      tx,
      ids.map((id, i) => ({ record_id: id, entity_id: ids[entityOf[i]!]!, kind: kinds[i]! })),
    );
    for (const kind of KINDS) await saveModel(tx, models[kind]);
    await analyzeResolution(tx);
    progress('write', ids.length, ids.length);
    endPhase('write');

    let entities = 0;
    const sizes = new Map<number, number>();
    for (let i = 0; i < ids.length; i++) {
      if (entityOf[i] === i) entities++;
      sizes.set(entityOf[i]!, (sizes.get(entityOf[i]!) ?? 0) + 1);
    }
    return {
      records: ids.length,
      persons: kinds.filter((k) => k === 'person').length,
      organizations: kinds.filter((k) => k === 'organization').length,
      candidatePairs: pairs.length / 2,
      skippedBlocks,
      pairs: edges.length,
      entities,
      mergedEntities: [...sizes.values()].filter((s) => s > 1).length,
      seconds: (Date.now() - started) / 1000,
      phases,
      models: {
        person: { lambda: models.person.lambda, trainedOn: models.person.trainedOn },
        organization: {
          lambda: models.organization.lambda,
          trainedOn: models.organization.trainedOn,
        },
      },
    };
  } finally {
    await pool.close();
  }
}

/** Clusters each connected set of likely matches in the workers; returns each record's entity. */
async function clusterAll(
  pool: WorkerPool,
  ids: readonly string[],
  kinds: readonly EntityKind[],
  matchEdges: readonly PairScore[],
  decisions: readonly { a: string; b: string; verdict: string }[],
  indexOf: ReadonlyMap<string, number>,
  models: Record<EntityKind, MatchModel>,
): Promise<Int32Array> {
  const judged = decisions.map((d) => ({
    a: indexOf.get(d.a)!,
    b: indexOf.get(d.b)!,
    same: d.verdict === 'same',
  }));
  const linked = [...matchEdges, ...judged.filter((j) => j.same)];
  const entityOf = Int32Array.from({ length: ids.length }, (_, i) => i);
  const groups = components(ids.length, linked).filter((g) => g.length > 1);
  const edgesByRecord = new Map<number, PairScore[]>();
  for (const e of matchEdges) {
    const list = edgesByRecord.get(e.a);
    if (list) list.push(e);
    else edgesByRecord.set(e.a, [e]);
  }
  const judgedByRecord = new Map<number, typeof judged>();
  for (const j of judged) {
    const key = Math.min(j.a, j.b);
    const list = judgedByRecord.get(key);
    if (list) list.push(j);
    else judgedByRecord.set(key, [j]);
  }
  for (const kind of KINDS) {
    const tasks = groups
      .filter((g) => kinds[g[0]!] === kind)
      .map((members) => {
        const local = new Map(members.map((g, i) => [g, i]));
        const edges = members.flatMap((g) =>
          (edgesByRecord.get(g) ?? [])
            .filter((e) => local.has(e.b))
            .map((e) => ({ ...e, a: local.get(e.a)!, b: local.get(e.b)! })),
        );
        const judgements = members.flatMap((g) =>
          (judgedByRecord.get(g) ?? [])
            .filter((j) => local.has(j.a) && local.has(j.b))
            .map((j) => ({ a: local.get(j.a)!, b: local.get(j.b)!, same: j.same })),
        );
        return { members, edges, judgements };
      });
    const parts = Array.from({ length: pool.size }, (_, w) =>
      tasks.filter((_, i) => i % pool.size === w),
    );
    const answers = await Promise.all(
      parts.map((groupsOfWorker, w) =>
        pool.ask<ClusterResult>(w, { op: 'cluster', groups: groupsOfWorker, model: models[kind] }),
      ),
    );
    answers.forEach((answer, w) =>
      answer.labels.forEach((labels, t) => {
        const { members } = parts[w]![t]!;
        labels.forEach((label, i) => (entityOf[members[i]!] = members[label]!));
      }),
    );
  }
  return entityOf;
}
