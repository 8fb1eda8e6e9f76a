import { clusterRecords, type Judgement } from './cluster.js';
import { compare } from './compare.js';
import { scoreComparison, weightFor, type MatchModel } from './model.js';
import type { Prepared } from './prepare.js';

export interface PairScore {
  a: number;
  b: number;
  weight: number;
  probability: number;
}

/**
 * Splits a group of records (usually one connected set of candidate matches) into entities.
 * The same function serves the whole data set and one viewer's share of it, so an entity as a
 * viewer sees it is exactly what the records that viewer may see add up to.
 */
export function resolveGroup(
  records: readonly Prepared[],
  edges: readonly PairScore[],
  judgements: readonly Judgement[],
  model: MatchModel,
): Int32Array {
  const matchWeight = weightFor(model, model.matchProbability);
  return clusterRecords({
    n: records.length,
    edges: edges.filter((e) => e.probability >= model.matchProbability),
    judgements,
    matchWeight,
    evidence: (i, j) => {
      const s = scoreComparison(model, compare(records[i]!, records[j]!));
      return { weight: s.weight, conflict: s.conflict !== null };
    },
  });
}

/** Every pair of a small group scored: what a viewer's entity is built from. */
export function scoreAllPairs(records: readonly Prepared[], model: MatchModel): PairScore[] {
  const out: PairScore[] = [];
  for (let a = 0; a < records.length; a++)
    for (let b = a + 1; b < records.length; b++) {
      if (records[a]!.kind !== records[b]!.kind) continue;
      const s = scoreComparison(model, compare(records[a]!, records[b]!));
      out.push({ a, b, weight: s.weight, probability: s.probability });
    }
  return out;
}

/** Beyond this many records, a group is clustered on its stored pairs, not on every pair. */
export const ALL_PAIRS_LIMIT = 200;

/**
 * The entities within one group of records a viewer may see (same kind, ordered by id):
 * every pair scored when the group is small, its stored likely pairs otherwise. The entity
 * page and the network both group records this way, so they always agree.
 */
export function clusterVisibleGroup(
  records: readonly Prepared[],
  judgements: readonly Judgement[],
  model: MatchModel,
  storedPairs: readonly PairScore[] = [],
): { labels: Int32Array; pairs: PairScore[] } {
  const pairs =
    records.length <= ALL_PAIRS_LIMIT ? scoreAllPairs(records, model) : [...storedPairs];
  return { labels: resolveGroup(records, pairs, judgements, model), pairs };
}
