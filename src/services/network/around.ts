import { invalid } from './invalid.js';
import { scopeFilter, type Scope } from '../../domain/network/scope.js';
import { neighbourhood } from '../../domain/network/structure/traversal.js';
import type { Call } from '../context.js';
import {
  edgeView,
  nodeAtDistance,
  recordsBehind,
  type EdgeView,
  type NodeView,
} from './present.js';
import { nodeFor, withNetwork, type NetworkProgress } from './with-network.js';

export const MAX_HOPS = 4;
export const DEFAULT_MAX_NODES = 500;
export const MAX_NODES = 5000;

export interface AroundInput extends Scope {
  entity: string;
  hops?: number;
  maxNodes?: number;
}

export interface AroundResult {
  center: string;
  hops: number;
  nodes: (NodeView & { distance: number })[];
  edges: EdgeView[];
  /** More nodes lay within reach than `maxNodes`: the nearest were kept. */
  truncated: boolean;
}

export function checkHops(hops: number | undefined, fallback: number): number {
  const h = hops ?? fallback;
  if (!Number.isInteger(h) || h < 1 || h > MAX_HOPS) throw invalid('hops', `1–${MAX_HOPS}`);
  return h;
}

/** An entity's neighbourhood to k hops in what the viewer may see, nearest first. */
export function networkAround(
  call: Call,
  input: AroundInput,
  progress?: NetworkProgress,
): Promise<AroundResult> {
  const hops = checkHops(input.hops, 2);
  const maxNodes = Math.min(input.maxNodes ?? DEFAULT_MAX_NODES, MAX_NODES);
  return withNetwork(
    call,
    'network.around',
    { ...input, hops, maxNodes },
    ({ network: net }) => {
      const center = nodeFor(net, input.entity);
      const filter = scopeFilter(net, input);
      const near = neighbourhood(
        net.graph,
        [center],
        hops,
        filter.restricted
          ? {
              allowNode: (v) => v === center || filter.allowNode(v),
              allowEdge: filter.allowEdge,
              maxNodes,
            }
          : { maxNodes },
      );
      const nodes = [...near.nodes].map((v, i) => nodeAtDistance(net, v, near.distance[i]!));
      const result: AroundResult = {
        center: net.nodes[center]!.key,
        hops,
        nodes,
        edges: [...near.edges].map((e) => edgeView(net, e)),
        truncated: near.truncated,
      };
      return { result, ids: recordsBehind(net, near.nodes, near.edges), count: nodes.length };
    },
    progress,
  );
}
