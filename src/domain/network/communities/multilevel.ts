import type { Graph } from '../graph.js';
import { seeded, type Rng } from '../random.js';
import { aggregate, levelOf, renumber, totalWeight, type Level } from './level.js';
import { moveNodes } from './local-moving.js';

export interface CommunityOptions {
  /** Above 1 favours smaller communities, below 1 larger ones (default 1). */
  resolution?: number;
  /** The same seed gives the same communities (default 0). */
  seed?: number;
  /**
   * Stop once a level (Louvain) or a whole pass over the levels (Leiden) raises modularity by
   * no more than this (default 1e-7, as NetworkX).
   */
  threshold?: number;
  /**
   * Called after each level with the levels done and, as their number is not known in advance,
   * one more as the total; the last call has done = total.
   */
  onProgress?: (done: number, total: number) => void;
  /** At most this many levels of local moving in all (default: no limit). */
  maxLevels?: number;
}

/**
 * Splits the communities of a level (labels 0..count-1) into sub-communities (labels
 * 0..order-1), which become the next level's nodes instead of the communities themselves.
 */
export type Refine = (
  level: Level,
  community: Int32Array,
  count: number,
  scale: number,
  rng: Rng,
) => Int32Array;

interface Search {
  base: Level;
  /** Twice the input graph's total edge weight, 2m. */
  twiceM: number;
  /** resolution / 2m. */
  scale: number;
  threshold: number;
  maxLevels: number;
  rng: Rng;
  refine: Refine | undefined;
  levels: number;
  report: (done: number, total: number) => void;
}

/**
 * The multilevel search Louvain and Leiden share: move nodes, then merge each community into
 * one node of a smaller graph and start again from there. Louvain stops once a level gains no
 * more than the threshold. Leiden (with `refine`) merges each sub-community instead, starting
 * the smaller graph from the communities, goes on until every community is a single node, and
 * runs such passes again from their result while a pass gains more than the threshold.
 * Returns each input node's community (ids not yet ordered) and the number of levels.
 */
export function optimise(
  g: Graph,
  options: CommunityOptions,
  refine?: Refine,
): { labels: Int32Array; levels: number } {
  const resolution = options.resolution ?? 1;
  const maxLevels = options.maxLevels ?? Infinity;
  if (!(resolution > 0 && resolution < Infinity))
    throw new RangeError('resolution must be a positive number');
  if (!(maxLevels >= 1)) throw new RangeError('maxLevels must be at least 1');
  const base = levelOf(g);
  let labels: Int32Array = new Int32Array(g.order);
  for (let v = 0; v < g.order; v++) labels[v] = v;
  const twiceM = totalWeight(base);
  const search: Search = {
    base,
    twiceM,
    scale: resolution / twiceM,
    threshold: options.threshold ?? 1e-7,
    maxLevels,
    rng: seeded(options.seed ?? 0),
    refine,
    levels: 0,
    report: options.onProgress ?? (() => {}),
  };
  // Without edges every node stays alone, and the scale would be infinite.
  if (twiceM > 0) {
    for (;;) {
      const pass = descend(search, labels);
      labels = pass.labels;
      if (!refine || pass.gain <= search.threshold || search.levels >= maxLevels) break;
    }
  }
  search.report(search.levels, search.levels);
  return { labels, levels: search.levels };
}

/** One pass over the levels, from a partition of the input graph's nodes. */
function descend(search: Search, start: Int32Array): { labels: Int32Array; gain: number } {
  const { scale, rng, refine } = search;
  let level = search.base;
  const membership = new Int32Array(level.order);
  for (let v = 0; v < level.order; v++) membership[v] = v;
  let community: Int32Array = start.slice();
  renumber(community);
  let total = 0;
  for (;;) {
    const gain = (2 * moveNodes(level, community, scale, rng)) / search.twiceM;
    total += gain;
    const count = renumber(community);
    if (count === level.order) break;
    search.levels++;
    search.report(search.levels, search.levels + 1);
    if ((!refine && gain <= search.threshold) || search.levels === search.maxLevels) break;

    let group = community;
    let groupCount = count;
    if (refine) {
      const refined = refine(level, community, count, scale, rng);
      const refinedCount = renumber(refined);
      // A refinement that merges nothing would give back the same graph, and so the same
      // level again: merge the communities themselves instead, as igraph does.
      if (refinedCount < level.order) {
        group = refined;
        groupCount = refinedCount;
      }
    }
    for (let v = 0; v < membership.length; v++) membership[v] = group[membership[v]!]!;
    const next = new Int32Array(groupCount);
    for (let v = 0; v < level.order; v++) next[group[v]!] = community[v]!;
    level = aggregate(level, group, groupCount);
    community = next;
  }
  const labels = new Int32Array(membership.length);
  for (let v = 0; v < membership.length; v++) labels[v] = community[membership[v]!]!;
  return { labels, gain: total };
}
