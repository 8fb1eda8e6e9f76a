import { FEATURES, MISSING } from './features.js';
import { priorModel, type MatchModel } from './model.js';
import type { Prepared } from './prepare.js';
import type { EntityKind } from './profile.js';

/** How many compared pairs showed these levels. */
export interface Pattern {
  levels: Int8Array;
  count: number;
}

export interface TrainingInput {
  kind: EntityKind;
  /** Levels of the candidate pairs (blocked), matches and non-matches mixed. */
  candidates: Iterable<Pattern>;
  /** Levels of pairs drawn at random: nearly all non-matches, so they give u directly. */
  random: Iterable<Pattern>;
  /** Pairs an analyst judged the same entity. */
  labelled: Iterable<Pattern>;
  frequencies: Record<string, number>;
  minFrequency: number;
  iterations?: number;
}

/** Weight of the prior in every estimate, in pairs: keeps a level never seen from 0 or 1. */
const PSEUDO_PAIRS = 2;
/** An analyst's judgement counts as this many pairs of evidence. */
const LABEL_WEIGHT = 20;

function patterns(input: Iterable<Pattern>): { list: Pattern[]; total: number } {
  const byKey = new Map<string, Pattern>();
  let total = 0;
  for (const { levels, count } of input) {
    total += count;
    const key = levels.join(',');
    const p = byKey.get(key);
    if (p) p.count += count;
    else byKey.set(key, { levels, count });
  }
  return { list: [...byKey.values()], total };
}

function estimateU(kind: EntityKind, prior: number[][], random: Pattern[]): number[][] {
  return FEATURES[kind].map((_, f) => {
    const counts = prior[f]!.map((u) => u * PSEUDO_PAIRS);
    for (const p of random) {
      const level = p.levels[f]!;
      if (level !== MISSING) counts[level]! += p.count;
    }
    const sum = counts.reduce((a, b) => a + b, 0);
    return counts.map((c) => c / sum);
  });
}

/**
 * Estimates m and the prior by expectation–maximisation over the candidate pairs, with u fixed
 * from random pairs (as Splink does: u from random pairs is far more stable than u from EM).
 * Judged pairs join the estimate as known matches, so analysts' decisions shape the weights.
 */
export function trainModel(input: TrainingInput): MatchModel {
  const model = priorModel(input.kind);
  const features = FEATURES[input.kind];
  const candidates = patterns(input.candidates);
  const random = patterns(input.random);
  const u = estimateU(input.kind, model.u, random.list);
  const prior = model.m;
  let m = prior.map((row) => [...row]);
  let lambda = model.lambda;
  const iterations = input.iterations ?? 40;
  const same = patterns(input.labelled);
  let done = 0;
  for (; done < iterations && candidates.total > 0; done++) {
    const counts = prior.map((row) => row.map((x) => x * PSEUDO_PAIRS));
    let matched = 0;
    for (const p of candidates.list) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let f = 0; f < features.length; f++) {
        const level = p.levels[f]!;
        if (level === MISSING) continue;
        pm *= m[f]![level]!;
        pu *= u[f]![level]!;
      }
      const posterior = pm / (pm + pu);
      matched += posterior * p.count;
      const w = posterior * p.count;
      for (let f = 0; f < features.length; f++) {
        const level = p.levels[f]!;
        if (level !== MISSING) counts[f]![level]! += w;
      }
    }
    for (const l of same.list)
      for (let f = 0; f < features.length; f++) {
        const level = l.levels[f]!;
        if (level !== MISSING) counts[f]![level]! += LABEL_WEIGHT * l.count;
      }
    const next = counts.map((row) => {
      const sum = row.reduce((a, b) => a + b, 0);
      return row.map((c) => c / sum);
    });
    const nextLambda = Math.min(0.99, Math.max(1e-6, matched / candidates.total));
    const change = Math.abs(nextLambda - lambda);
    m = next;
    lambda = nextLambda;
    if (change < 1e-6) {
      done++;
      break;
    }
  }
  return {
    ...model,
    lambda,
    m,
    u,
    frequencies: input.frequencies,
    minFrequency: input.minFrequency,
    trainedOn: {
      pairs: candidates.total,
      randomPairs: random.total,
      labelled: same.total,
      iterations: done,
    },
  };
}

/** Keys of the name values a record carries, each once, for the term-frequency table. */
export function frequencyKeysOf(p: Prepared): string[] {
  const keys = new Set<string>();
  if (p.kind === 'person') {
    for (const n of p.names) {
      for (const s of n.surnames) keys.add(`s:${s}`);
      if (n.surnames.length >= 2) keys.add(`ss:${n.surnames[0]}|${n.surnames[1]}`);
      if (n.surnames.length) keys.add(`s:${n.surnameJoined}`);
      if (n.first) keys.add(`g:${n.first}`);
    }
  } else for (const c of p.cores) keys.add(`o:${c}`);
  return [...keys];
}

/**
 * The share of records carrying each name value. Values carried by fewer than `keep` records
 * are left out: the model treats any absent value as one record in the whole set.
 */
export function nameFrequencies(
  keysOfRecords: Iterable<readonly string[]>,
  keep = 3,
): { frequencies: Record<string, number>; minFrequency: number } {
  const counts = new Map<string, number>();
  let n = 0;
  for (const keys of keysOfRecords) {
    n++;
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const frequencies: Record<string, number> = {};
  for (const [k, c] of counts) if (c >= keep) frequencies[k] = c / n;
  return { frequencies, minFrequency: 1 / Math.max(n, 1) };
}
