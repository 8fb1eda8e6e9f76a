import { degree, type Graph } from '../graph.js';
import { expand, trail, withSearch, type Filter, type Search } from './traversal.js';

export interface Path {
  /** From the first node asked for to the second. */
  nodes: Int32Array;
  edges: Int32Array;
}

export interface StrongestPath extends Path {
  /** The product of the ties' strengths w / (w + 1), in (0, 1]. */
  strength: number;
}

export interface ShortestPathOptions extends Filter {
  maxHops?: number;
}

function join(g: Graph, fromA: Search, fromB: Search, meet: number): Path {
  const a = trail(g, fromA, meet);
  const b = trail(g, fromB, meet);
  return {
    nodes: Int32Array.from([...a.nodes.reverse(), ...b.nodes.slice(1)]),
    edges: Int32Array.from([...a.edges.reverse(), ...b.edges]),
  };
}

function allowedEnds(a: number, b: number, filter: Filter): boolean {
  return !filter.allowNode || (filter.allowNode(a) && filter.allowNode(b));
}

/**
 * The path of fewest hops, or null. Searches from both ends, one level at a time from the
 * side whose frontier has fewer ties to scan (a hub's level costs more than many leaves').
 * While the two searched balls are disjoint the distance exceeds the sum of their radii, so
 * the first node one side reaches inside the other's ball closes a shortest path, and the
 * search stops there, mid-level.
 */
export function shortestPath(
  g: Graph,
  a: number,
  b: number,
  options: ShortestPathOptions = {},
): Path | null {
  if (!allowedEnds(a, b, options)) return null;
  if (a === b) return { nodes: Int32Array.of(a), edges: new Int32Array(0) };
  const maxHops = options.maxHops ?? Infinity;
  const ties = (search: Search, from: number) => {
    let t = 0;
    for (let i = from; i < search.length; i++) t += degree(g, search.queue[i]!);
    return t;
  };
  return withSearch(g, (fromA) =>
    withSearch(g, (fromB) => {
      fromA.add(a, -1);
      fromB.add(b, -1);
      // Each side's frontier is its queue from `frontier` on.
      const sa = { search: fromA, other: fromB, frontier: 0 };
      const sb = { search: fromB, other: fromA, frontier: 0 };
      for (let hops = 0; hops < maxHops; hops++) {
        const side = ties(sa.search, sa.frontier) <= ties(sb.search, sb.frontier) ? sa : sb;
        const { search, other } = side;
        const end = search.length;
        if (end === side.frontier) return null;
        for (let i = side.frontier; i < end; i++) {
          const found = search.length;
          expand(g, search, i, i + 1, options);
          for (let j = found; j < search.length; j++)
            if (other.has(search.queue[j]!)) return join(g, fromA, fromB, search.queue[j]!);
        }
        side.frontier = end;
      }
      return null;
    }),
  );
}

/** A binary min-heap of (cost, node) that keeps stale entries; readers skip them. */
class Heap {
  keys = new Float64Array(64);
  nodes = new Int32Array(64);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const nodes = new Int32Array(this.size * 2);
      keys.set(this.keys);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes the top entry; read it first from keys[0] and nodes[0]. */
  pop(): void {
    const key = this.keys[--this.size]!;
    const node = this.nodes[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[i] = this.keys[child]!;
      this.nodes[i] = this.nodes[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
}

/**
 * The path whose ties are strongest together, or null: it maximises the product of the
 * strengths s = w / (w + 1), which treats a tie as a chance of passing information on (one
 * call 0.5, ten calls 0.91), so a chain of strong ties beats a single weak one. Dijkstra on
 * the cost −ln s = ln(1 + 1/w); ties of weight 0 or less carry nothing and are skipped.
 */
export function strongestPath(
  g: Graph,
  a: number,
  b: number,
  options: Filter = {},
): StrongestPath | null {
  if (!allowedEnds(a, b, options)) return null;
  if (a === b) return { nodes: Int32Array.of(a), edges: new Int32Array(0), strength: 1 };
  const { offsets, targets, weights, halfEdgeOf } = g;
  const { allowNode, allowEdge } = options;
  return withSearch(g, (search) => {
    const cost = search.costs();
    const heap = new Heap();
    search.add(a, -1);
    cost[a] = 0;
    heap.push(0, a);
    while (heap.size > 0) {
      const c = heap.keys[0]!;
      const v = heap.nodes[0]!;
      heap.pop();
      if (c > cost[v]!) continue;
      if (v === b) {
        const { nodes, edges } = trail(g, search, b);
        let strength = 1;
        for (const e of edges) strength *= g.edgeWeight[e]! / (g.edgeWeight[e]! + 1);
        return {
          nodes: Int32Array.from(nodes.reverse()),
          edges: Int32Array.from(edges.reverse()),
          strength,
        };
      }
      for (let h = offsets[v]!; h < offsets[v + 1]!; h++) {
        const w = weights[h]!;
        if (!(w > 0)) continue;
        const u = targets[h]!;
        const e = halfEdgeOf[h]!;
        if (allowEdge && !allowEdge(e)) continue;
        const next = c + Math.log1p(1 / w);
        if (search.has(u)) {
          if (next >= cost[u]!) continue;
          search.via[u] = e;
        } else {
          if (allowNode && !allowNode(u)) continue;
          search.add(u, e);
        }
        cost[u] = next;
        heap.push(next, u);
      }
    }
    return null;
  });
}
