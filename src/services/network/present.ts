import type { Network, Tie } from '../../domain/network/assemble.js';
import type { NodeKind } from '../../domain/network/ties.js';
import type { Tlp } from '../../domain/policy/sharing.js';

/**
 * Records listed per node, and sources per tie, in an answer; `recordCount` and the tie's
 * `count` say how many there are. A 2-hop answer holds hundreds of nodes and ties: listing
 * every source made it hundreds of kilobytes.
 */
const RECORDS_SHOWN = 5;
const SOURCES_SHOWN = 5;

export interface NodeView {
  id: string;
  kind: NodeKind;
  label: string;
  marking: Tlp;
  countries: string[];
  date: string | null;
  records: string[];
  recordCount: number;
}

export interface EdgeView {
  source: string;
  target: string;
  weight: number;
  first: string | null;
  last: string | null;
  marking: Tlp;
  ties: Tie[];
}

/** `complete`: every record and source (exports), not the first few (answers). */
export function nodeView(net: Network, v: number, complete = false): NodeView {
  const n = net.nodes[v]!;
  return {
    id: n.key,
    kind: n.kind,
    label: n.label,
    marking: n.marking,
    countries: n.countries,
    date: n.date,
    records: complete ? n.records : n.records.slice(0, RECORDS_SHOWN),
    recordCount: n.records.length,
  };
}

export function edgeView(net: Network, e: number, complete = false): EdgeView {
  const edge = net.edges[e]!;
  return {
    source: net.nodes[edge.source]!.key,
    target: net.nodes[edge.target]!.key,
    weight: edge.weight,
    first: edge.first,
    last: edge.last,
    marking: edge.marking,
    ties: complete
      ? edge.ties
      : edge.ties.map((t) => ({ ...t, sources: t.sources.slice(0, SOURCES_SHOWN) })),
  };
}

/** The records behind an answer's nodes and edges, for its audit entry. */
export function recordsBehind(
  net: Network,
  nodes: Iterable<number>,
  edges: Iterable<number> = [],
): string[] {
  const ids = new Set<string>();
  for (const v of nodes) for (const r of net.nodes[v]!.records) ids.add(r);
  for (const e of edges) for (const t of net.edges[e]!.ties) for (const s of t.sources) ids.add(s);
  return [...ids];
}
