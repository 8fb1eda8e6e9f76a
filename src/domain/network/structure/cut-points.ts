import type { Graph } from '../graph.js';
import type { Filter } from './traversal.js';

/** A depth-first spanning forest of the allowed part of a graph, with Tarjan's low points. */
export interface DepthFirstForest {
  /** Discovery time, −1 for excluded nodes. */
  disc: Int32Array;
  /** The earliest discovery time reachable from the node's subtree by one back edge. */
  low: Int32Array;
  /** Tree parent, −1 for roots and excluded nodes. */
  parent: Int32Array;
  /** The tree edge to the parent, −1 for roots and excluded nodes. */
  parentEdge: Int32Array;
  /** Nodes in the node's subtree, itself included. */
  size: Int32Array;
  /** The allowed nodes in discovery order: a parent always comes before its children. */
  preorder: Int32Array;
}

/**
 * Tarjan's depth-first search without recursion, an explicit stack of nodes with a cursor
 * into each one's row: a chain of 200k nodes would overflow the call stack.
 */
export function depthFirstForest(g: Graph, filter: Filter = {}): DepthFirstForest {
  const n = g.order;
  const { offsets, targets, halfEdgeOf } = g;
  const { allowNode, allowEdge } = filter;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root]! >= 0 || (allowNode && !allowNode(root))) continue;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    cursor[root] = offsets[root]!;
    while (top > 0) {
      const v = stack[top - 1]!;
      const h = cursor[v]!;
      if (h < offsets[v + 1]!) {
        cursor[v] = h + 1;
        const w = targets[h]!;
        const e = halfEdgeOf[h]!;
        if (e === parentEdge[v] || (allowEdge && !allowEdge(e))) continue;
        if (disc[w]! >= 0) {
          if (disc[w]! < low[v]!) low[v] = disc[w]!;
        } else if (!allowNode || allowNode(w)) {
          disc[w] = low[w] = time++;
          parent[w] = v;
          parentEdge[w] = e;
          cursor[w] = offsets[w]!;
          stack[top++] = w;
        }
        continue;
      }
      top--;
      size[v]!++;
      const p = parent[v]!;
      if (p >= 0) {
        if (low[v]! < low[p]!) low[p] = low[v]!;
        size[p]! += size[v]!;
      }
    }
  }
  const preorder = new Int32Array(time);
  for (let v = 0; v < n; v++) if (disc[v]! >= 0) preorder[disc[v]!] = v;
  return { disc, low, parent, parentEdge, size, preorder };
}

/**
 * Whether removing each node's tree parent cuts the node's subtree off from the rest: true
 * for every child of a root, and for a deeper child when no back edge from its subtree climbs
 * above the parent. The pieces a removal leaves are exactly these subtrees and the remainder.
 */
export function separatesFromParent(forest: DepthFirstForest, child: number): boolean {
  const p = forest.parent[child]!;
  return p >= 0 && (forest.parent[p]! < 0 || forest.low[child]! >= forest.disc[p]!);
}

/** The nodes whose removal disconnects their component, ascending. */
export function articulationPoints(g: Graph, options: Filter = {}): Int32Array {
  const forest = depthFirstForest(g, options);
  const pieces = new Int32Array(g.order);
  for (const c of forest.preorder) if (separatesFromParent(forest, c)) pieces[forest.parent[c]!]!++;
  // A root is cut by removing it when it leaves two pieces; any other node when it leaves one
  // besides the part holding its parent.
  const points: number[] = [];
  for (let v = 0; v < g.order; v++)
    if (pieces[v]! >= (forest.parent[v]! < 0 ? 2 : 1)) points.push(v);
  return Int32Array.from(points);
}

/** The edges whose removal disconnects their component, ascending. */
export function bridges(g: Graph, options: Filter = {}): Int32Array {
  const forest = depthFirstForest(g, options);
  const edges: number[] = [];
  for (const c of forest.preorder)
    if (forest.parent[c]! >= 0 && forest.low[c]! > forest.disc[forest.parent[c]!]!)
      edges.push(forest.parentEdge[c]!);
  return Int32Array.from(edges.sort((x, y) => x - y));
}
