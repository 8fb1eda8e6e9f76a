import type { Graph } from '../graph.js';

/**
 * One level of a multilevel community search: a graph whose nodes stand for groups of the input
 * graph's nodes. The edges inside a group leave the adjacency (the Graph type has no loops) but
 * stay in `nodeWeight` and `inner`, so that modularity on any level is modularity on the input.
 */
export interface Level {
  readonly order: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  /** The summed strength, in the input graph, of the nodes each node stands for. */
  readonly nodeWeight: Float64Array;
  /** The weight of the input graph's edges inside each node, each edge once. */
  readonly inner: Float64Array;
}

export function levelOf(g: Graph): Level {
  const nodeWeight = new Float64Array(g.order);
  for (let v = 0; v < g.order; v++)
    for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) nodeWeight[v]! += g.weights[h]!;
  return {
    order: g.order,
    offsets: g.offsets,
    targets: g.targets,
    weights: g.weights,
    nodeWeight,
    inner: new Float64Array(g.order),
  };
}

/** Twice the total edge weight of the input graph. */
export function totalWeight(level: Level): number {
  let total = 0;
  for (let v = 0; v < level.order; v++) total += level.nodeWeight[v]!;
  return total;
}

/**
 * Newman modularity of a partition of the level's nodes (labels any non-negative integers),
 * with NetworkX's resolution: the sum over communities of L_c / m - resolution (K_c / 2m)^2.
 */
export function partitionQuality(level: Level, labels: Int32Array, resolution: number): number {
  let top = -1;
  for (let v = 0; v < level.order; v++) {
    const c = labels[v]!;
    if (c < 0) throw new RangeError(`node ${v} has a negative community label`);
    if (c > top) top = c;
  }
  const twiceM = totalWeight(level);
  if (twiceM === 0) return 0;
  const communityWeight = new Float64Array(top + 1);
  let twiceInside = 0;
  for (let v = 0; v < level.order; v++) {
    const c = labels[v]!;
    communityWeight[c]! += level.nodeWeight[v]!;
    twiceInside += 2 * level.inner[v]!;
    for (let h = level.offsets[v]!; h < level.offsets[v + 1]!; h++)
      if (labels[level.targets[h]!] === c) twiceInside += level.weights[h]!;
  }
  let expected = 0;
  for (let c = 0; c <= top; c++) expected += communityWeight[c]! * communityWeight[c]!;
  return twiceInside / twiceM - (resolution * expected) / (twiceM * twiceM);
}

/**
 * Renumbers labels in place to 0..k-1 in order of first appearance and returns k. Labels must
 * lie in 0..labels.length-1, as community ids on a level do.
 */
export function renumber(labels: Int32Array): number {
  const next = new Int32Array(labels.length).fill(-1);
  let count = 0;
  for (let v = 0; v < labels.length; v++) {
    const c = labels[v]!;
    if (next[c] === -1) next[c] = count++;
    labels[v] = next[c]!;
  }
  return count;
}

/**
 * The level whose nodes are the groups of `level` (labels 0..count-1): edges between two groups
 * are summed into one, and edges inside a group move into its `inner` weight.
 */
export function aggregate(level: Level, group: Int32Array, count: number): Level {
  const start = new Int32Array(count + 1);
  for (let v = 0; v < level.order; v++) start[group[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const members = new Int32Array(level.order);
  const fill = start.slice(0, count);
  for (let v = 0; v < level.order; v++) members[fill[group[v]!]!++] = v;

  const nodeWeight = new Float64Array(count);
  const inner = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  const targets = new Int32Array(level.targets.length);
  const weights = new Float64Array(level.targets.length);
  // Weights towards each neighbouring group gather in a dense scratch array; `slot` remembers
  // where in the current row each group already has its half-edge.
  const slot = new Int32Array(count).fill(-1);
  let out = 0;
  for (let c = 0; c < count; c++) {
    offsets[c] = out;
    const begin = out;
    let twiceInside = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = members[i]!;
      nodeWeight[c]! += level.nodeWeight[v]!;
      inner[c]! += level.inner[v]!;
      for (let h = level.offsets[v]!; h < level.offsets[v + 1]!; h++) {
        const d = group[level.targets[h]!]!;
        if (d === c) {
          twiceInside += level.weights[h]!;
        } else if (slot[d]! < begin) {
          slot[d] = out;
          targets[out] = d;
          weights[out++] = level.weights[h]!;
        } else {
          weights[slot[d]!]! += level.weights[h]!;
        }
      }
    }
    inner[c]! += twiceInside / 2;
  }
  offsets[count] = out;
  return {
    order: count,
    offsets,
    targets: targets.slice(0, out),
    weights: weights.slice(0, out),
    nodeWeight,
    inner,
  };
}
