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

// The views are object literals of one fixed shape, and reuse the network's own lists when
// they are short enough: a 2-hop answer makes thousands of them, and both their making and
// their serialising were most of its cost.
const firstOf = (list: string[], n: number) => (list.length <= n ? list : list.slice(0, n));

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
    records: complete ? n.records : firstOf(n.records, RECORDS_SHOWN),
    recordCount: n.records.length,
  };
}

/** A node's view with its distance from the centre of a neighbourhood. */
export function nodeAtDistance(
  net: Network,
  v: number,
  distance: number,
): NodeView & { distance: number } {
  return Object.assign(nodeView(net, v), { distance });
}

const tieView = (t: Tie): Tie =>
  t.sources.length <= SOURCES_SHOWN
    ? t
    : {
        type: t.type,
        count: t.count,
        first: t.first,
        last: t.last,
        sources: t.sources.slice(0, SOURCES_SHOWN),
        marking: t.marking,
      };

export function edgeView(net: Network, e: number, complete = false): EdgeView {
  const edge = net.edges[e]!;
  return {
    source: net.nodes[edge.source]!.key,
    target: net.nodes[edge.target]!.key,
    weight: edge.weight,
    first: edge.first,
    last: edge.last,
    marking: edge.marking,
    ties: complete ? edge.ties : edge.ties.map(tieView),
  };
}

/** Audit entries list at most this many record ids; their `count` says how many an answer drew on. */
export const AUDITED_IDS = 1000;

/**
 * The records behind an answer's nodes and edges, for its audit entry: the first AUDITED_IDS
 * of them (a 2-hop answer draws on thousands, and listing them all cost more than the answer).
 */
export function recordsBehind(
  net: Network,
  nodes: Iterable<number>,
  edges: Iterable<number> = [],
): string[] {
  const ids = new Set<string>();
  const add = (list: readonly string[]) => {
    for (const id of list) {
      if (ids.size >= AUDITED_IDS) return false;
      ids.add(id);
    }
    return true;
  };
  for (const v of nodes) if (!add(net.nodes[v]!.records)) return [...ids];
  for (const e of edges) for (const t of net.edges[e]!.ties) if (!add(t.sources)) return [...ids];
  return [...ids];
}
