import { DERIVED_TIES, NODE_KINDS, type NodeKind } from '../../../src/domain/network/ties.js';
import { LINK_TYPE_DEFS } from '../../../src/domain/model/link-types.js';

// The shapes of the /api/v1/network answers the explorer reads (src/http/schemas/network.ts).

export { NODE_KINDS, type NodeKind };

/** Every tie type the network carries: the partners' link types, then the derived ties. */
export const TIE_TYPES: readonly string[] = [...LINK_TYPE_DEFS.map((l) => l.name), ...DERIVED_TIES];
export const DERIVED: ReadonlySet<string> = new Set(DERIVED_TIES);

/** A node: an entity (person, organization), an object (phone, vehicle…) or an event. */
export interface NodeView {
  id: string;
  kind: NodeKind;
  label: string;
  /** TLP without its prefix: CLEAR, GREEN, AMBER, AMBER+STRICT, RED. */
  marking: string;
  countries: string[];
  date: string | null;
  /** The first records behind it; `recordCount` says how many there are. */
  records: string[];
  recordCount: number;
}

export interface Tie {
  type: string;
  count: number;
  first: string | null;
  last: string | null;
  sources: string[];
  marking: string;
}

export interface EdgeView {
  source: string;
  target: string;
  weight: number;
  first: string | null;
  last: string | null;
  marking: string;
  ties: Tie[];
}

export interface AroundResult {
  center: string;
  hops: number;
  nodes: (NodeView & { distance: number })[];
  edges: EdgeView[];
  truncated: boolean;
}

export const PATH_MODES = ['shortest', 'strongest'] as const;
export type PathMode = (typeof PATH_MODES)[number];

export interface PathResult {
  mode: PathMode;
  found: boolean;
  nodes: NodeView[];
  edges: EdgeView[];
  strength: number | null;
}

export interface KeyPlayer {
  rank: number;
  node: NodeView;
  score: number;
  betweenness: number;
  pagerank: number;
  degree: number;
  strength: number;
  core: number;
  cutPoint: boolean;
}

export interface KeyPlayersResult {
  community: number | null;
  nodes: number;
  edges: number;
  betweenness: { exact: boolean; samples: number; errorBound: number | null };
  players: KeyPlayer[];
}

export const MEASURES = ['largest_component', 'efficiency'] as const;
export type Measure = (typeof MEASURES)[number];

export interface DisruptResult {
  community: number;
  nodes: number;
  edges: number;
  measure: Measure;
  initial: number;
  final: number;
  approximate: boolean;
  steps: { node: NodeView; before: number; after: number; components: number }[];
}

export interface NetworkJson {
  marking: string;
  nodes: (NodeView & { community: number | null })[];
  edges: EdgeView[];
}

/** The TLP label as the app's marking components show it ("AMBER" → "TLP:AMBER"). */
export const tlp = (marking: string): string =>
  marking.startsWith('TLP:') ? marking : `TLP:${marking}`;
