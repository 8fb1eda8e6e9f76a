import { invalid } from './invalid.js';
import { scopeFilter, type Scope } from '../../domain/network/scope.js';
import { shortestPath, strongestPath } from '../../domain/network/structure/paths.js';
import type { Call } from '../context.js';
import { edgeView, nodeView, recordsBehind, type EdgeView, type NodeView } from './present.js';
import { nodeFor, withNetwork, type NetworkProgress } from './with-network.js';

export const PATH_MODES = ['shortest', 'strongest'] as const;
export type PathMode = (typeof PATH_MODES)[number];

export interface PathInput extends Scope {
  a: string;
  b: string;
  mode?: PathMode;
}

export interface PathResult {
  mode: PathMode;
  found: boolean;
  nodes: NodeView[];
  edges: EdgeView[];
  /** Strongest paths: the product of the ties' strengths w / (w + 1). */
  strength: number | null;
}

/**
 * How two entities connect in what the viewer may see: the fewest hops, or the chain of the
 * strongest ties (many calls rather than one shared address).
 */
export function networkPath(
  call: Call,
  input: PathInput,
  progress?: NetworkProgress,
): Promise<PathResult> {
  const mode = input.mode ?? 'shortest';
  if (!PATH_MODES.includes(mode)) throw invalid('mode', PATH_MODES.join(', '));
  return withNetwork(
    call,
    'network.path',
    { ...input, mode },
    ({ network: net }) => {
      const a = nodeFor(net, input.a);
      const b = nodeFor(net, input.b);
      const filter = scopeFilter(net, input);
      // The two ends are named by the user; the scope's kinds apply to the nodes between them.
      const options = {
        allowNode: (v: number) => v === a || v === b || filter.allowNode(v),
        allowEdge: filter.allowEdge,
      };
      const path =
        mode === 'shortest'
          ? shortestPath(net.graph, a, b, options)
          : strongestPath(net.graph, a, b, options);
      const result: PathResult = {
        mode,
        found: path !== null,
        nodes: path ? [...path.nodes].map((v) => nodeView(net, v)) : [],
        edges: path ? [...path.edges].map((e) => edgeView(net, e)) : [],
        strength: path && 'strength' in path ? (path.strength as number) : null,
      };
      return {
        result,
        ids: path ? recordsBehind(net, path.nodes, path.edges) : [],
        count: result.nodes.length,
      };
    },
    progress,
  );
}
