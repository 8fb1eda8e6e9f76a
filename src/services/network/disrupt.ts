import { invalid } from './invalid.js';
import { scopedGraph, scopeFilter } from '../../domain/network/scope.js';
import type { DisruptionMeasure } from '../../domain/network/structure/disruption.js';
import { runAnalysis } from './analysis-pool.js';
import { PARTY_KINDS, type NodeKind } from '../../domain/network/ties.js';
import type { Call } from '../context.js';
import { communityFor, membersOf, partitionOf, type CommunityInput } from './communities.js';
import { nodeView, recordsBehind, type NodeView } from './present.js';
import { withNetwork, type NetworkProgress } from './with-network.js';

export const MEASURES: readonly DisruptionMeasure[] = ['largest_component', 'efficiency'];
export const MAX_REMOVE = 20;

export interface DisruptInput extends CommunityInput {
  community: string;
  remove?: number;
  measure?: DisruptionMeasure;
  /** The kinds of node that may be removed (default persons, organizations and companies). */
  players?: readonly NodeKind[];
}

export interface DisruptResult {
  community: number;
  nodes: number;
  edges: number;
  measure: DisruptionMeasure;
  /** The measure before anything is removed and after the last removal. */
  initial: number;
  final: number;
  steps: { node: NodeView; before: number; after: number; components: number }[];
  /** Efficiency on a large network is judged on a shortlist of candidates. */
  approximate: boolean;
}

/**
 * Which few people, if removed (arrested, turned), would fragment a community most: greedy,
 * each step the removal that drops the largest remaining piece (or the network's efficiency)
 * the most, judged again after each removal.
 */
export function networkDisrupt(
  call: Call,
  input: DisruptInput,
  progress?: NetworkProgress,
): Promise<DisruptResult> {
  const remove = input.remove ?? 3;
  if (!Number.isInteger(remove) || remove < 1 || remove > MAX_REMOVE)
    throw invalid('remove', `1–${MAX_REMOVE}`);
  const measure = input.measure ?? 'largest_component';
  if (!MEASURES.includes(measure)) throw invalid('measure', MEASURES.join(', '));
  return withNetwork(
    call,
    'network.disrupt',
    { ...input, remove, measure },
    async (vn) => {
      const net = vn.network;
      const p = await partitionOf(vn, input, progress);
      const community = communityFor(net, p, input.community);
      const scoped = scopedGraph(net, scopeFilter(net, input), membersOf(p, community));
      const kinds = new Set(input.players?.length ? input.players : PARTY_KINDS);
      const candidates: number[] = [];
      scoped.original.forEach((v, i) => {
        if (kinds.has(net.nodes[v]!.kind)) candidates.push(i);
      });
      const out = await runAnalysis(
        scoped.graph,
        { kind: 'disrupt', options: { candidates: Int32Array.from(candidates), remove, measure } },
        { onProgress: progress?.analysing, signal: progress?.signal },
      );
      const removed = out.steps.map((s) => scoped.original[s.node]!);
      const result: DisruptResult = {
        community,
        nodes: scoped.graph.order,
        edges: scoped.graph.size,
        measure,
        initial: out.initial,
        final: out.final,
        steps: out.steps.map((s, k) => ({
          node: nodeView(net, removed[k]!),
          before: s.before,
          after: s.after,
          components: s.components,
        })),
        approximate: out.approximate,
      };
      return { result, ids: recordsBehind(net, removed), count: result.steps.length };
    },
    progress,
  );
}
