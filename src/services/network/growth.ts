import { growthByMonth, type Growth } from '../../domain/network/growth.js';
import { scopeFilter } from '../../domain/network/scope.js';
import type { Call } from '../context.js';
import { communityFor, membersOf, partitionOf, type CommunityInput } from './communities.js';
import { withNetwork, type NetworkProgress } from './with-network.js';

export interface GrowthInput extends CommunityInput {
  /** A community (number or member); absent: the whole visible network. */
  community?: string;
}

/** Members and ties by month: how a network, or the whole visible graph, grew. */
export function networkGrowth(
  call: Call,
  input: GrowthInput,
  progress?: NetworkProgress,
): Promise<Growth & { community: number | null }> {
  return withNetwork(
    call,
    'network.growth',
    input,
    async (vn) => {
      const net = vn.network;
      let nodes: ArrayLike<number>;
      let community: number | null = null;
      if (input.community !== undefined) {
        const p = await partitionOf(vn, input, progress);
        community = communityFor(net, p, input.community);
        nodes = membersOf(p, community);
      } else nodes = Int32Array.from({ length: net.nodes.length }, (_, v) => v);
      const growth = growthByMonth(net, nodes, scopeFilter(net, input));
      return { result: { community, ...growth }, count: growth.months.length };
    },
    progress,
  );
}
