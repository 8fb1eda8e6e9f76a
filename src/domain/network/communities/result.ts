import type { Graph } from '../graph.js';
import { modularity } from './modularity.js';

export interface CommunityResult {
  /** Each node's community, 0..count-1 by decreasing size (ties: smallest member first). */
  labels: Int32Array;
  count: number;
  modularity: number;
  /** Levels of local moving run (over all of Leiden's passes). */
  levels: number;
}

/** Numbers the communities of `raw` (labels 0..order-1) by size and scores them. */
export function communityResult(
  g: Graph,
  raw: Int32Array,
  levels: number,
  resolution: number,
): CommunityResult {
  const size = new Int32Array(g.order);
  const first = new Int32Array(g.order).fill(-1);
  for (let v = 0; v < g.order; v++) {
    const c = raw[v]!;
    size[c]!++;
    if (first[c] === -1) first[c] = v;
  }
  const present: number[] = [];
  for (let c = 0; c < g.order; c++) if (size[c]! > 0) present.push(c);
  present.sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(g.order);
  present.forEach((c, i) => (rank[c] = i));
  const labels = new Int32Array(g.order);
  for (let v = 0; v < g.order; v++) labels[v] = rank[raw[v]!]!;
  return { labels, count: present.length, modularity: modularity(g, labels, resolution), levels };
}
