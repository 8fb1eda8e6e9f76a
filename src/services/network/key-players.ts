import { invalid } from './invalid.js';
import type { Network } from '../../domain/network/assemble.js';
import { scopedGraph, scopeFilter, type ScopedGraph } from '../../domain/network/scope.js';
import { articulationPoints } from '../../domain/network/structure/cut-points.js';
import { coreNumbers } from '../../domain/network/structure/kcore.js';
import { PARTY_KINDS, type NodeKind } from '../../domain/network/ties.js';
import type { Call } from '../context.js';
import {
  communityFor,
  membersOf,
  partitionOf,
  scopedOf,
  type CommunityInput,
} from './communities.js';
import { nodeView, recordsBehind, type NodeView } from './present.js';
import { runAnalysis } from './analysis-pool.js';
import { betweennessOf } from './centrality.js';
import { withNetwork, type NetworkProgress } from './with-network.js';

/** Exact betweenness up to this many nodes; sampled from pivots beyond. */
export const EXACT_BETWEENNESS_LIMIT = 3000;
export const DEFAULT_PIVOTS = 256;

export interface KeyPlayersInput extends CommunityInput {
  /** A community (its number, or an entity in it); absent: the whole visible network. */
  community?: string;
  top?: number;
  /** The kinds of node ranked (default persons, organizations and companies). */
  players?: readonly NodeKind[];
  /** Betweenness pivots on large networks. */
  samples?: number;
}

export interface KeyPlayer {
  rank: number;
  node: NodeView;
  /**
   * 0..1: strength (ties weighed by how often they recur: a leader is the one called most),
   * PageRank and betweenness (the brokers between its parts), each relative to the top,
   * 45/35/20. Brokers stand out by their betweenness and cut points, reported beside it.
   */
  score: number;
  betweenness: number;
  pagerank: number;
  degree: number;
  strength: number;
  core: number;
  /** Removing it splits the network it belongs to. */
  cutPoint: boolean;
}

export interface KeyPlayersResult {
  community: number | null;
  nodes: number;
  edges: number;
  betweenness: { exact: boolean; samples: number; errorBound: number | null };
  players: KeyPlayer[];
}

/** Leaders and brokers of a scoped graph, best first. */
export async function rankPlayers(
  net: Network,
  scoped: ScopedGraph,
  options: {
    top: number;
    players: readonly NodeKind[];
    samples: number;
    progress?: NetworkProgress;
  },
): Promise<Omit<KeyPlayersResult, 'community'>> {
  const g = scoped.graph;
  const exact = g.order <= EXACT_BETWEENNESS_LIMIT;
  const [between, rank] = await Promise.all([
    betweennessOf(g, { samples: exact ? undefined : options.samples }, options.progress),
    runAnalysis(g, { kind: 'pagerank' }, { signal: options.progress?.signal }),
  ]);
  const cores = coreNumbers(g);
  const cuts = new Set(articulationPoints(g));
  const kinds = new Set(options.players);
  const max = (a: ArrayLike<number>) => {
    let m = 0;
    for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
    return m || 1;
  };
  const degree = (i: number) => g.offsets[i + 1]! - g.offsets[i]!;
  const strength = new Float64Array(g.order);
  for (let i = 0; i < g.order; i++)
    for (let h = g.offsets[i]!; h < g.offsets[i + 1]!; h++) strength[i]! += g.weights[h]!;
  const maxS = max(strength);
  const maxB = max(between.scores);
  const maxR = max(rank);
  const candidates: { i: number; score: number }[] = [];
  for (let i = 0; i < g.order; i++) {
    if (!kinds.has(net.nodes[scoped.original[i]!]!.kind)) continue;
    const score =
      0.2 * (between.scores[i]! / maxB) + 0.45 * (strength[i]! / maxS) + 0.35 * (rank[i]! / maxR);
    candidates.push({ i, score });
  }
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);
  const players = candidates.slice(0, options.top).map(({ i, score }, k) => {
    return {
      rank: k + 1,
      node: nodeView(net, scoped.original[i]!),
      score,
      betweenness: between.scores[i]!,
      pagerank: rank[i]!,
      degree: degree(i),
      strength: strength[i]!,
      core: cores[i]!,
      cutPoint: cuts.has(i),
    };
  });
  return {
    nodes: g.order,
    edges: g.size,
    betweenness: {
      exact: between.exact,
      samples: between.samples,
      errorBound: between.errorBound ?? null,
    },
    players,
  };
}

export function checkTop(top: number | undefined, fallback: number, max: number): number {
  const t = top ?? fallback;
  if (!Number.isInteger(t) || t < 1 || t > max) throw invalid('top', `1–${max}`);
  return t;
}

/**
 * The key players of a community, or of the whole visible network: who holds it together
 * (betweenness: the brokers between its parts) and who is at its centre (strength, PageRank).
 * They are ranked on the network among the kinds ranked (people and organizations, by
 * default, with the ties derived between them: calls, joint seizures, shared phones): over the
 * whole graph, a courier tied to a dozen seizures, each a dead end, would sit "between" more
 * paths than the boss everyone calls.
 */
export function networkKeyPlayers(
  call: Call,
  input: KeyPlayersInput,
  progress?: NetworkProgress,
): Promise<KeyPlayersResult> {
  const top = checkTop(input.top, 10, 200);
  const samples = checkTop(input.samples, DEFAULT_PIVOTS, 5000);
  return withNetwork(
    call,
    'network.key_players',
    input,
    async (vn) => {
      const net = vn.network;
      const players = input.players?.length ? input.players : PARTY_KINDS;
      const among = { ...input, kinds: players };
      let community: number | null = null;
      let scoped: ScopedGraph;
      if (input.community !== undefined) {
        const p = await partitionOf(vn, input, progress);
        community = communityFor(net, p, input.community);
        scoped = scopedGraph(net, scopeFilter(net, among), membersOf(p, community));
      } else scoped = scopedOf(vn, among);
      const ranked = await rankPlayers(net, scoped, {
        top,
        players,
        samples,
        progress,
      });
      const result = { community, ...ranked };
      const shown = result.players.map((p) => net.nodeOf.get(p.node.id)!);
      return { result, ids: recordsBehind(net, shown), count: result.players.length };
    },
    progress,
  );
}
