import type { Graph } from '../graph.js';
import { levelOf, partitionQuality } from './level.js';

/**
 * Weighted Newman modularity of a partition (labels any non-negative integers), as NetworkX's
 * `modularity(G, communities, weight='weight', resolution=…)`: the sum over communities of
 * L_c / m - resolution (K_c / 2m)^2, with L_c the weight inside c and K_c its total strength.
 * A graph without edges scores 0, where NetworkX divides by zero.
 */
export function modularity(g: Graph, labels: Int32Array, resolution = 1): number {
  if (labels.length !== g.order)
    throw new RangeError(`${labels.length} labels for a graph of ${g.order} nodes`);
  return partitionQuality(levelOf(g), labels, resolution);
}
