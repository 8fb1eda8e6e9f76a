/**
 * The compact graph every analysis runs on: an undirected, weighted, simple graph over nodes
 * 0..order-1 in compressed sparse rows. Parallel ties between two nodes are summed into one
 * edge and self-ties dropped, so that degree, paths and modularity count each pair once.
 * The arrays may live on SharedArrayBuffers, so that worker threads read one copy.
 */
export interface Graph {
  readonly order: number;
  /** Undirected edges. */
  readonly size: number;
  /** Node v's half-edges are offsets[v] .. offsets[v + 1] - 1 (length order + 1). */
  readonly offsets: Int32Array;
  /** The node at the other end of each half-edge (length 2 * size). */
  readonly targets: Int32Array;
  /** The weight of each half-edge's edge (length 2 * size). */
  readonly weights: Float64Array;
  /** The undirected edge of each half-edge (length 2 * size). */
  readonly halfEdgeOf: Int32Array;
  /** The ends of each undirected edge, u < v (length size each), and its weight. */
  readonly edgeU: Int32Array;
  readonly edgeV: Int32Array;
  readonly edgeWeight: Float64Array;
}

export interface EdgeList {
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  /** 1 for every edge when absent. */
  weight?: ArrayLike<number>;
}

export interface BuildOptions {
  /** Allocate on SharedArrayBuffers, for worker threads. */
  shared?: boolean;
}

function int32(length: number, shared: boolean): Int32Array {
  return shared
    ? new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT))
    : new Int32Array(length);
}

function float64(length: number, shared: boolean): Float64Array {
  return shared
    ? new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT))
    : new Float64Array(length);
}

/** Builds the graph of `order` nodes from an edge list (ends must be 0..order-1). */
export function buildGraph(order: number, list: EdgeList, options: BuildOptions = {}): Graph {
  const shared = options.shared ?? false;
  const m = list.from.length;
  if (list.to.length !== m || (list.weight && list.weight.length !== m))
    throw new RangeError('edge list arrays differ in length');
  // Pass 1: every half-edge of every non-loop edge, duplicates included, bucketed by node.
  const count = new Int32Array(order + 1);
  for (let i = 0; i < m; i++) {
    const u = list.from[i]!;
    const v = list.to[i]!;
    if (!(u >= 0 && u < order && v >= 0 && v < order))
      throw new RangeError(`edge ${i} has an end outside 0..${order - 1}`);
    if (u === v) continue;
    count[u + 1]!++;
    count[v + 1]!++;
  }
  for (let v = 0; v < order; v++) count[v + 1]! += count[v]!;
  const rawTarget = new Int32Array(count[order]!);
  const rawWeight = new Float64Array(count[order]!);
  const fill = count.slice(0, order);
  for (let i = 0; i < m; i++) {
    const u = list.from[i]!;
    const v = list.to[i]!;
    if (u === v) continue;
    const w = list.weight ? list.weight[i]! : 1;
    rawTarget[fill[u]!] = v;
    rawWeight[fill[u]!++] = w;
    rawTarget[fill[v]!] = u;
    rawWeight[fill[v]!++] = w;
  }
  // Pass 2: merge each node's duplicate neighbours (weights summed in a dense scratch array
  // indexed by neighbour) and sort each row, so that results never depend on input order.
  const seen = new Int32Array(order).fill(-1);
  const acc = new Float64Array(order);
  const offsets = int32(order + 1, shared);
  const merged = new Int32Array(rawTarget.length);
  const mergedWeight = new Float64Array(rawTarget.length);
  let out = 0;
  for (let v = 0; v < order; v++) {
    offsets[v] = out;
    const begin = out;
    for (let h = count[v]!; h < count[v + 1]!; h++) {
      const t = rawTarget[h]!;
      if (seen[t] !== v) {
        seen[t] = v;
        merged[out++] = t;
      }
      acc[t]! += rawWeight[h]!;
    }
    merged.subarray(begin, out).sort();
    for (let h = begin; h < out; h++) {
      const t = merged[h]!;
      mergedWeight[h] = acc[t]!;
      acc[t] = 0;
    }
  }
  offsets[order] = out;
  const size = out / 2;
  const targets = int32(out, shared);
  const weights = float64(out, shared);
  targets.set(merged.subarray(0, out));
  weights.set(mergedWeight.subarray(0, out));
  // Pass 3: number the undirected edges in (u, v) order, u < v. Rows are sorted, so v's lower
  // neighbours open its row in increasing order: visiting u ascending, the twin of u→v is the
  // next unpaired slot of v's row.
  const halfEdgeOf = int32(out, shared);
  const edgeU = int32(size, shared);
  const edgeV = int32(size, shared);
  const edgeWeight = float64(size, shared);
  const cursor = offsets.slice(0, order);
  let e = 0;
  for (let u = 0; u < order; u++) {
    for (let h = offsets[u]!; h < offsets[u + 1]!; h++) {
      const v = targets[h]!;
      if (v < u) continue;
      edgeU[e] = u;
      edgeV[e] = v;
      edgeWeight[e] = weights[h]!;
      halfEdgeOf[h] = e;
      halfEdgeOf[cursor[v]!++] = e++;
    }
  }
  return { order, size, offsets, targets, weights, halfEdgeOf, edgeU, edgeV, edgeWeight };
}

/** The graph restricted to the edges `keep` accepts (same nodes), e.g. a date window. */
export function filterEdges(
  g: Graph,
  keep: (edge: number) => boolean,
  options: BuildOptions = {},
): Graph {
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (let e = 0; e < g.size; e++) {
    if (!keep(e)) continue;
    from.push(g.edgeU[e]!);
    to.push(g.edgeV[e]!);
    weight.push(g.edgeWeight[e]!);
  }
  return buildGraph(g.order, { from, to, weight }, options);
}

export interface Subgraph {
  graph: Graph;
  /** The original node of each subgraph node. */
  original: Int32Array;
}

/** The subgraph induced by `nodes` (original ids, distinct), renumbered 0..n-1 in their order. */
export function inducedSubgraph(
  g: Graph,
  nodes: ArrayLike<number>,
  options: BuildOptions = {},
): Subgraph {
  const local = new Int32Array(g.order).fill(-1);
  const original = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    local[nodes[i]!] = i;
    original[i] = nodes[i]!;
  }
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const u = nodes[i]!;
    for (let h = g.offsets[u]!; h < g.offsets[u + 1]!; h++) {
      const j = local[g.targets[h]!]!;
      if (j > i) {
        from.push(i);
        to.push(j);
        weight.push(g.weights[h]!);
      }
    }
  }
  return { graph: buildGraph(nodes.length, { from, to, weight }, options), original };
}

/** Sum of the weights of a node's edges. */
export function strength(g: Graph, v: number): number {
  let s = 0;
  for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) s += g.weights[h]!;
  return s;
}

export function degree(g: Graph, v: number): number {
  return g.offsets[v + 1]! - g.offsets[v]!;
}

/** The edge between u and v, or -1 (rows are sorted: a binary search). */
export function edgeBetween(g: Graph, u: number, v: number): number {
  let lo = g.offsets[u]!;
  let hi = g.offsets[u + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = g.targets[mid]!;
    if (t === v) return g.halfEdgeOf[mid]!;
    if (t < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
