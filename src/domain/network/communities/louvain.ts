import type { Graph } from '../graph.js';
import { optimise, type CommunityOptions } from './multilevel.js';
import { communityResult, type CommunityResult } from './result.js';

export type { CommunityOptions, CommunityResult };

/**
 * Louvain communities (Blondel et al. 2008), maximising modularity as NetworkX's
 * `louvain_communities` does: move nodes, merge each community into one node, repeat.
 */
export function louvain(g: Graph, options: CommunityOptions = {}): CommunityResult {
  const { labels, levels } = optimise(g, options);
  return communityResult(g, labels, levels, options.resolution ?? 1);
}
