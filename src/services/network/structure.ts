import { connectedComponents } from '../../domain/network/structure/components.js';
import { articulationPoints, bridges } from '../../domain/network/structure/cut-points.js';
import { coreNumbers } from '../../domain/network/structure/kcore.js';
import type { Call } from '../context.js';
import {
  communityFor,
  membersOf,
  partitionOf,
  scopedOf,
  type CommunityInput,
} from './communities.js';
import { edgeView, nodeView, recordsBehind, type EdgeView, type NodeView } from './present.js';
import { scopedGraph, scopeFilter } from '../../domain/network/scope.js';
import { withNetwork, type NetworkProgress } from './with-network.js';

/** Cut points, bridges and the innermost core are listed up to this many each. */
const LISTED = 100;

export interface StructureInput extends CommunityInput {
  community?: string;
}

export interface StructureResult {
  community: number | null;
  nodes: number;
  edges: number;
  /** Connected pieces, largest first (the first 20 sizes), and how many there are. */
  components: { count: number; sizes: number[] };
  /** The innermost k-core: its k and its members. */
  core: { k: number; size: number; members: NodeView[] };
  /** Nodes whose removal splits their piece, and ties whose removal does. */
  cutPoints: { count: number; nodes: NodeView[] };
  bridges: { count: number; edges: EdgeView[] };
}

/** How a community, or the whole visible network, holds together. */
export function networkStructure(
  call: Call,
  input: StructureInput,
  progress?: NetworkProgress,
): Promise<StructureResult> {
  return withNetwork(
    call,
    'network.structure',
    input,
    async (vn) => {
      const net = vn.network;
      let community: number | null = null;
      let scoped;
      if (input.community !== undefined) {
        const p = await partitionOf(vn, input, progress);
        community = communityFor(net, p, input.community);
        scoped = scopedGraph(net, scopeFilter(net, input), membersOf(p, community));
      } else scoped = scopedOf(vn, input);
      const g = scoped.graph;
      const pieces = connectedComponents(g);
      const cores = coreNumbers(g);
      let k = 0;
      for (const c of cores) k = Math.max(k, c);
      const inner = [...cores.keys()].filter((i) => cores[i] === k);
      const cuts = articulationPoints(g);
      const spans = bridges(g);
      const shownNodes = [...inner.slice(0, LISTED), ...cuts.slice(0, LISTED)].map(
        (i) => scoped.original[i]!,
      );
      const shownEdges = [...spans.slice(0, LISTED)].map((e) => scoped.edgeOf[e]!);
      const result: StructureResult = {
        community,
        nodes: g.order,
        edges: g.size,
        components: { count: pieces.count, sizes: pieces.sizes.slice(0, 20) },
        core: {
          k,
          size: inner.length,
          members: inner.slice(0, LISTED).map((i) => nodeView(net, scoped.original[i]!)),
        },
        cutPoints: {
          count: cuts.length,
          nodes: [...cuts.slice(0, LISTED)].map((i) => nodeView(net, scoped.original[i]!)),
        },
        bridges: { count: spans.length, edges: shownEdges.map((e) => edgeView(net, e)) },
      };
      return { result, ids: recordsBehind(net, shownNodes, shownEdges), count: g.order };
    },
    progress,
  );
}
