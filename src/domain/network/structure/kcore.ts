import type { Graph } from '../graph.js';

/**
 * Each node's core number: the largest k such that the node belongs to a subgraph where
 * everyone has at least k ties (edge weights ignored). Batagelj–Zaversnik, O(n + m): nodes
 * sit in an array sorted by current degree, with `bin` marking where each degree starts, so
 * lowering a neighbour's degree is one swap to the front of its bin.
 */
export function coreNumbers(g: Graph): Int32Array {
  const n = g.order;
  const { offsets, targets } = g;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = offsets[v + 1]! - offsets[v]!;
    if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  }
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) bin[deg[v]!]!++;
  for (let d = 0, start = 0; d <= maxDeg; d++) {
    const count = bin[d]!;
    bin[d] = start;
    start += count;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]!]!++;
    vert[pos[v]!] = v;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (let h = offsets[v]!; h < offsets[v + 1]!; h++) {
      const u = targets[h]!;
      const du = deg[u]!;
      if (du <= deg[v]!) continue;
      const pu = pos[u]!;
      const pw = bin[du]!;
      const w = vert[pw]!;
      if (u !== w) {
        pos[u] = pw;
        vert[pu] = w;
        pos[w] = pu;
        vert[pw] = u;
      }
      bin[du]!++;
      deg[u] = du - 1;
    }
  }
  return deg;
}

/** The nodes whose core number is at least k, ascending. */
export function kCore(g: Graph, k: number): Int32Array {
  const core = coreNumbers(g);
  const nodes: number[] = [];
  for (let v = 0; v < g.order; v++) if (core[v]! >= k) nodes.push(v);
  return Int32Array.from(nodes);
}
