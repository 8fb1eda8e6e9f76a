import Graph from 'graphology';
import type Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { mostRestrictive } from '../marking/marking';
import {
  communityColour,
  DIMMED_EDGE,
  DIMMED_NODE,
  EDGE,
  KIND_COLOURS,
  PATH_EDGE,
  SELECTED_EDGE,
} from './colors';
import { tlp, type EdgeView, type NodeKind, type NodeView } from './types';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  label: string;
  kind: NodeKind;
  view: NodeView;
  community: number | null;
}

export interface EdgeAttributes {
  size: number;
  view: EdgeView;
}

export type NetworkGraph = Graph<NodeAttributes, EdgeAttributes>;
export type Renderer = Sigma<NodeAttributes, EdgeAttributes>;

/** Key players: leaders, and brokers (cut points, or high betweenness). */
export type Role = 'leader' | 'broker';
export type Colouring = 'kind' | 'community';

export interface Snapshot {
  /** Changes whenever nodes or ties are added or changed. */
  version: number;
  /** Changes whenever the selection, a highlight or the colouring changes. */
  look: number;
  order: number;
  size: number;
  /** The most restrictive marking of the nodes and ties in the graph (TLP:…). */
  marking: string | undefined;
  selected: string | null;
}

export const edgeKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

const nodeSize = (degree: number) => Math.min(18, 3 + 2 * Math.log2(1 + degree));
const edgeSize = (weight: number) => Math.min(4, 0.8 + 0.6 * Math.log2(1 + Math.max(0, weight)));

/**
 * The network on screen: a graphology graph that sigma draws, and what is highlighted on it.
 * React reads a snapshot that changes once per change of the graph, never once per node; the
 * canvas reads the graph itself.
 */
export class NetworkStore {
  readonly graph: NetworkGraph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'undirected',
    allowSelfLoops: false,
  });
  /** The reads the graph is made of: the node read around, and how many hops. */
  readonly seeds = new Map<string, number>();
  /** Nodes whose neighbours are all on the graph (within the filters). */
  readonly expanded = new Set<string>();
  selected: string | null = null;
  players: ReadonlyMap<string, Role> = new Map();
  pathNodes: ReadonlySet<string> = new Set();
  pathEdges: ReadonlySet<string> = new Set();
  removed: ReadonlySet<string> = new Set();
  colouring: Colouring = 'kind';
  /** Community of each node read so far (kept for nodes added later). */
  private communities = new Map<string, number | null>();
  private renderer: Renderer | null = null;
  private listeners = new Set<() => void>();
  private snapshot: Snapshot = {
    version: 0,
    look: 0,
    order: 0,
    size: 0,
    marking: undefined,
    selected: null,
  };

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  attach(renderer: Renderer | null): void {
    this.renderer = renderer;
    this.tune();
    // What needs the canvas (the PNG export) is now possible.
    this.changed(false);
  }

  getRenderer(): Renderer | null {
    return this.renderer;
  }

  node(id: string): NodeView | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'view') : undefined;
  }

  /**
   * Adds what an answer holds: new nodes are placed beside a neighbour already drawn (or around
   * `anchor`, else in rings by distance), known ones keep their place.
   */
  merge(
    nodes: readonly (NodeView & { distance?: number })[],
    edges: readonly EdgeView[],
    anchor?: string,
  ): { nodes: number; ties: number } {
    const g = this.graph;
    const fresh: { id: string; distance: number }[] = [];
    for (const n of nodes) {
      if (g.hasNode(n.id)) {
        g.mergeNodeAttributes(n.id, { view: n, label: n.label });
        continue;
      }
      fresh.push({ id: n.id, distance: n.distance ?? 1 });
      g.addNode(n.id, {
        x: 0,
        y: 0,
        size: 4,
        label: n.label,
        kind: n.kind,
        view: n,
        community: this.communities.get(n.id) ?? null,
      });
    }
    let ties = 0;
    for (const e of edges) {
      if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
      const key = edgeKey(e.source, e.target);
      if (g.hasEdge(key)) g.mergeEdgeAttributes(key, { view: e, size: edgeSize(e.weight) });
      else {
        g.addUndirectedEdgeWithKey(key, e.source, e.target, { view: e, size: edgeSize(e.weight) });
        ties++;
      }
    }
    this.place(fresh, anchor);
    // One update for the whole graph: sigma redraws once, not once per node. (No hint that
    // only sizes changed: sigma would then skip indexing the nodes just added.)
    g.updateEachNodeAttributes((n, a) => {
      a.size = nodeSize(g.degree(n));
      return a;
    });
    this.tune();
    this.changed(true);
    return { nodes: fresh.length, ties };
  }

  /** New nodes start near what they are tied to, so the layout has little to undo. */
  private place(fresh: { id: string; distance: number }[], anchor?: string): void {
    if (fresh.length === 0) return;
    const g = this.graph;
    const isNew = new Set(fresh.map((f) => f.id));
    const placed = g.order - fresh.length;
    const unit = placed > 1 ? this.spread() / Math.sqrt(placed) : 10;
    const at = (id: string) => g.getNodeAttributes(id);
    let ring = 0;
    fresh.forEach(({ id, distance }, i) => {
      const near =
        g.findNeighbor(id, (n) => !isNew.has(n)) ??
        (anchor && g.hasNode(anchor) && !isNew.has(anchor) ? anchor : undefined);
      const angle = i * 2.399963 + Math.random() * 0.3;
      let x: number;
      let y: number;
      if (near) {
        const r = unit * (0.6 + Math.random() * 0.6);
        x = at(near).x + Math.cos(angle) * r;
        y = at(near).y + Math.sin(angle) * r;
      } else {
        const r = placed > 0 ? this.spread() * 0.6 + unit * ++ring : 10 * distance;
        x = Math.cos(angle) * r;
        y = Math.sin(angle) * r;
      }
      g.mergeNodeAttributes(id, { x, y });
    });
  }

  private spread(): number {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    this.graph.forEachNode((_, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    return Math.max(1, Math.hypot(maxX - minX, maxY - minY));
  }

  /** Fewer labels when the graph is large. */
  private tune(): void {
    const r = this.renderer;
    if (!r) return;
    const order = this.graph.order;
    r.setSetting('labelRenderedSizeThreshold', order > 2000 ? 12 : order > 500 ? 9 : 4);
    r.setSetting('labelDensity', order > 2000 ? 0.25 : 0.7);
  }

  /** Communities of nodes (from the export); kept for nodes that arrive later. */
  setCommunities(communities: ReadonlyMap<string, number | null>): void {
    for (const [id, c] of communities) this.communities.set(id, c);
    this.graph.updateEachNodeAttributes((n, a) => {
      a.community = this.communities.get(n) ?? null;
      return a;
    });
    this.changed(false);
  }

  setColouring(colouring: Colouring): void {
    this.colouring = colouring;
    this.look();
  }

  select(id: string | null): void {
    this.selected = id !== null && this.graph.hasNode(id) ? id : null;
    this.look();
  }

  setPlayers(players: ReadonlyMap<string, Role>): void {
    this.players = players;
    this.look();
  }

  setPath(nodes: readonly string[]): void {
    this.pathNodes = new Set(nodes);
    const edges = new Set<string>();
    for (let i = 1; i < nodes.length; i++) edges.add(edgeKey(nodes[i - 1]!, nodes[i]!));
    this.pathEdges = edges;
    this.look();
  }

  setRemoved(nodes: readonly string[]): void {
    this.removed = new Set(nodes);
    this.look();
  }

  /** Something to pick out: others are dimmed. */
  get focused(): boolean {
    return this.players.size > 0 || this.pathNodes.size > 0 || this.removed.size > 0;
  }

  private look(): void {
    this.renderer?.refresh({ schedule: true });
    this.changed(false);
  }

  private changed(data: boolean): void {
    const s = this.snapshot;
    this.snapshot = {
      version: s.version + (data ? 1 : 0),
      look: s.look + 1,
      order: this.graph.order,
      size: this.graph.size,
      marking: data ? this.strictest() : s.marking,
      selected: this.selected,
    };
    for (const listener of this.listeners) listener();
  }

  private strictest(): string | undefined {
    const markings = new Set<string>();
    this.graph.forEachNode((_, a) => markings.add(a.view.marking));
    this.graph.forEachEdge((_, a) => markings.add(a.view.marking));
    return mostRestrictive([...markings].map(tlp));
  }

  /** How sigma draws a node: its kind's or community's colour, dimmed outside a highlight. */
  nodeLook = (node: string, a: NodeAttributes): Partial<NodeDisplayData> => {
    const colour =
      this.colouring === 'community' ? communityColour(a.community) : KIND_COLOURS[a.kind];
    const picked =
      node === this.selected ||
      this.players.has(node) ||
      this.pathNodes.has(node) ||
      this.removed.has(node);
    if (picked)
      return {
        ...a,
        color: colour,
        zIndex: 2,
        forceLabel: true,
        highlighted: node === this.selected,
      };
    if (this.focused)
      return {
        ...a,
        color: DIMMED_NODE,
        zIndex: 0,
        label: this.graph.order < 200 ? a.label : null,
      };
    return { ...a, color: colour, zIndex: 1 };
  };

  /** How sigma draws a tie: the path's stand out, the removed nodes' are gone. */
  edgeLook = (edge: string, a: EdgeAttributes): Partial<EdgeDisplayData> => {
    const { source, target } = a.view;
    if (this.pathEdges.has(edge))
      return { size: Math.max(3, a.size * 2), color: PATH_EDGE, zIndex: 2 };
    if (this.removed.has(source) || this.removed.has(target)) return { ...a, hidden: true };
    if (this.selected === source || this.selected === target)
      return { size: Math.max(1.5, a.size), color: SELECTED_EDGE, zIndex: 1 };
    return { size: a.size, color: this.focused ? DIMMED_EDGE : EDGE, zIndex: 0 };
  };
}
