import type { Graph } from '../graph.js';

/** The part of the graph an analysis may use: e.g. what a viewer may see, a date window. */
export interface Filter {
  allowNode?: (v: number) => boolean;
  /** Undirected edge index. */
  allowEdge?: (e: number) => boolean;
}

/**
 * A visited set, the queue of visited nodes, and how each was reached. A node is marked when
 * its stamp equals the current epoch, so starting afresh costs nothing: a query that touches
 * 500 nodes of a 200k-node graph never fills a 200k-entry array.
 */
export class Search {
  readonly queue: Int32Array;
  /** The edge each marked node was reached by, −1 for a seed. */
  readonly via: Int32Array;
  length = 0;
  private readonly stamp: Int32Array;
  private epoch = 0;
  private cost?: Float64Array;

  constructor(order: number) {
    this.queue = new Int32Array(order);
    this.via = new Int32Array(order);
    this.stamp = new Int32Array(order);
  }

  reset(): void {
    this.length = 0;
    if (++this.epoch === 0x7fffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
  }

  has(v: number): boolean {
    return this.stamp[v] === this.epoch;
  }

  add(v: number, via: number): void {
    this.stamp[v] = this.epoch;
    this.via[v] = via;
    this.queue[this.length++] = v;
  }

  /** A per-node number for weighted searches, meaningful only for marked nodes. */
  costs(): Float64Array {
    return (this.cost ??= new Float64Array(this.queue.length));
  }
}

// Searches are pooled per graph: repeated queries reuse their arrays, and a search that runs
// while another is open (a filter callback that queries the same graph, the two sides of a
// bidirectional search) borrows its own.
const pools = new WeakMap<Graph, Search[]>();

export function withSearch<T>(g: Graph, run: (search: Search) => T): T {
  let pool = pools.get(g);
  if (!pool) pools.set(g, (pool = []));
  const search = pool.pop() ?? new Search(g.order);
  search.reset();
  try {
    return run(search);
  } finally {
    pool.push(search);
  }
}

/**
 * The breadth-first kernel: marks and enqueues every allowed, unmarked neighbour of
 * search.queue[from..to). With `to` at the current length that is one level; with Infinity
 * the search runs to the end of the component. Returns true when it stopped because the
 * search held `limit` nodes and another was waiting.
 */
export function expand(
  g: Graph,
  search: Search,
  from: number,
  to: number,
  filter: Filter,
  limit = Infinity,
): boolean {
  const { offsets, targets, halfEdgeOf } = g;
  const { allowNode, allowEdge } = filter;
  for (let i = from; i < to && i < search.length; i++) {
    const v = search.queue[i]!;
    for (let h = offsets[v]!; h < offsets[v + 1]!; h++) {
      const w = targets[h]!;
      if (search.has(w)) continue;
      if (allowNode && !allowNode(w)) continue;
      const e = halfEdgeOf[h]!;
      if (allowEdge && !allowEdge(e)) continue;
      if (search.length >= limit) return true;
      search.add(w, e);
    }
  }
  return false;
}

/** The nodes from `v` back to the seed its search started from, and the edges between them. */
export function trail(g: Graph, search: Search, v: number): { nodes: number[]; edges: number[] } {
  const nodes = [v];
  const edges: number[] = [];
  for (let e = search.via[v]!; e !== -1; e = search.via[v]!) {
    edges.push(e);
    v = g.edgeU[e]! + g.edgeV[e]! - v;
    nodes.push(v);
  }
  return { nodes, edges };
}

export interface NeighbourhoodOptions extends Filter {
  /** Stop once this many nodes are found (nearest first); `truncated` then says so. */
  maxNodes?: number;
}

export interface Neighbourhood {
  /** Breadth-first order, seeds first. */
  nodes: Int32Array;
  /** Hops from the nearest seed, aligned with `nodes`. */
  distance: Int32Array;
  /** The allowed edges among `nodes`, ascending. */
  edges: Int32Array;
  truncated: boolean;
}

/** The nodes within `hops` of the seeds, e.g. a person's two-step network. */
export function neighbourhood(
  g: Graph,
  seeds: readonly number[],
  hops: number,
  options: NeighbourhoodOptions = {},
): Neighbourhood {
  const limit = options.maxNodes ?? Infinity;
  return withSearch(g, (search) => {
    let truncated = false;
    for (const s of seeds) {
      if (search.has(s) || (options.allowNode && !options.allowNode(s))) continue;
      if (search.length >= limit) truncated = true;
      else search.add(s, -1);
    }
    const levelEnds = [search.length];
    for (let hop = 0, from = 0; hop < hops && !truncated && from < search.length; hop++) {
      const to = search.length;
      truncated = expand(g, search, from, to, options, limit);
      levelEnds.push(search.length);
      from = to;
    }
    const nodes = search.queue.slice(0, search.length);
    const distance = new Int32Array(nodes.length);
    for (let d = 1; d < levelEnds.length; d++) distance.fill(d, levelEnds[d - 1], levelEnds[d]);
    const edges: number[] = [];
    for (const v of nodes) {
      for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) {
        const w = g.targets[h]!;
        const e = g.halfEdgeOf[h]!;
        if (w > v && search.has(w) && (!options.allowEdge || options.allowEdge(e))) edges.push(e);
      }
    }
    return { nodes, distance, edges: Int32Array.from(edges).sort(), truncated };
  });
}
