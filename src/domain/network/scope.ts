import type { Network } from './assemble.js';
import { buildGraph, type Graph } from './graph.js';
import type { NodeKind } from './ties.js';

/** What part of a network an analysis looks at. */
export interface Scope {
  /** Date window, ISO days, inclusive. */
  from?: string;
  to?: string;
  kinds?: readonly NodeKind[];
  /** Tie types (link types and derived ties). */
  ties?: readonly string[];
  /** Nodes tied to any of these countries (ISO alpha-2); nodes with no country pass. */
  countries?: readonly string[];
}

export interface ScopeFilter {
  allowNode: (v: number) => boolean;
  allowEdge: (e: number) => boolean;
  /** False when the scope keeps everything (the analyses can then skip the filter). */
  restricted: boolean;
}

const overlaps = (first: string | null, last: string | null, from?: string, to?: string) =>
  first !== null && last !== null && (!from || last >= from) && (!to || first <= to);

/**
 * The nodes and edges a scope keeps. In a date window a dated tie counts when its first to last
 * date meet the window; an undated tie (a membership, a phone's user) holds whatever the date,
 * but only between nodes active in the window (an event in it, or a dated tie in it): without
 * that rule a window would keep every membership of the whole history.
 */
export function scopeFilter(net: Network, scope: Scope): ScopeFilter {
  const { from, to } = scope;
  const windowed = Boolean(from || to);
  const kinds = scope.kinds?.length ? new Set(scope.kinds) : null;
  const ties = scope.ties?.length ? new Set(scope.ties) : null;
  const countries = scope.countries?.length ? new Set(scope.countries) : null;
  const restricted = windowed || kinds !== null || ties !== null || countries !== null;
  let active: Uint8Array | null = null;
  if (windowed) {
    active = new Uint8Array(net.nodes.length);
    net.nodes.forEach((n, v) => {
      if (n.date && overlaps(n.date, n.date, from, to)) active![v] = 1;
    });
    for (const e of net.edges)
      if (overlaps(e.first, e.last, from, to)) active[e.source] = active[e.target] = 1;
  }
  const allowNode = (v: number) => {
    const n = net.nodes[v]!;
    if (kinds && !kinds.has(n.kind)) return false;
    if (countries && n.countries.length && !n.countries.some((c) => countries.has(c))) return false;
    return !active || active[v] === 1;
  };
  const allowEdge = (e: number) => {
    const edge = net.edges[e]!;
    if (ties && !edge.ties.some((t) => ties.has(t.type))) return false;
    if (!windowed) return true;
    if (edge.first !== null) return overlaps(edge.first, edge.last, from, to);
    return active![edge.source] === 1 && active![edge.target] === 1;
  };
  return { allowNode, allowEdge, restricted };
}

export interface ScopedGraph {
  graph: Graph;
  /** The network node of each scoped node. */
  original: Int32Array;
  /** The network edge of each scoped edge. */
  edgeOf: Int32Array;
}

/**
 * The graph of what a scope keeps, renumbered, for the analyses that run on a whole graph
 * (communities, centralities). In a restricted scope, nodes left with no tie are dropped;
 * `within` narrows it further to a set of network nodes (one community).
 */
export function scopedGraph(
  net: Network,
  filter: ScopeFilter,
  within?: ArrayLike<number>,
): ScopedGraph {
  const g = net.graph;
  let nodes: number[];
  const inside = within ? new Uint8Array(g.order) : null;
  if (within && inside) for (let i = 0; i < within.length; i++) inside[within[i]!] = 1;
  const keepNode = (v: number) => (!inside || inside[v] === 1) && filter.allowNode(v);
  const keepEdge = (e: number) =>
    keepNode(g.edgeU[e]!) && keepNode(g.edgeV[e]!) && filter.allowEdge(e);
  if (!filter.restricted && !within) {
    nodes = Array.from({ length: g.order }, (_, v) => v);
  } else {
    const tied = new Uint8Array(g.order);
    for (let e = 0; e < g.size; e++) if (keepEdge(e)) tied[g.edgeU[e]!] = tied[g.edgeV[e]!] = 1;
    nodes = [];
    for (let v = 0; v < g.order; v++)
      if (keepNode(v) && (tied[v] || (within && !filter.restricted))) nodes.push(v);
  }
  const local = new Int32Array(g.order).fill(-1);
  nodes.forEach((v, i) => (local[v] = i));
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  const kept: number[] = [];
  for (let e = 0; e < g.size; e++) {
    const u = local[g.edgeU[e]!]!;
    const v = local[g.edgeV[e]!]!;
    if (u < 0 || v < 0 || !keepEdge(e)) continue;
    from.push(u);
    to.push(v);
    weight.push(g.edgeWeight[e]!);
    kept.push(e);
  }
  // Edges come in (u, v) order of the network and renumbering keeps node order, so the
  // scoped graph numbers its edges in the same order: edge i is kept[i].
  const graph = buildGraph(nodes.length, { from, to, weight }, { shared: true });
  return { graph, original: Int32Array.from(nodes), edgeOf: Int32Array.from(kept) };
}
