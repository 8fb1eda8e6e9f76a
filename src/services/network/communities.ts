import { AppError } from '../../domain/errors.js';
import { invalid } from './invalid.js';
import type { Network } from '../../domain/network/assemble.js';
import { stricter } from '../../domain/network/marking.js';
import {
  scopedGraph,
  scopeFilter,
  type Scope,
  type ScopedGraph,
} from '../../domain/network/scope.js';
import type { NodeKind } from '../../domain/network/ties.js';
import type { Tlp } from '../../domain/policy/sharing.js';
import type { Call } from '../context.js';
import { nodeView, recordsBehind, type NodeView } from './present.js';
import { runAnalysis } from './analysis-pool.js';
import type { ViewerNetwork } from './viewer-network.js';
import { nodeFor, withNetwork, type NetworkProgress } from './with-network.js';

export const ALGORITHMS = ['louvain', 'leiden'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export interface CommunityInput extends Scope {
  algorithm?: Algorithm;
  resolution?: number;
}

/** The communities of a scoped network: community of each scoped node, 1 = the largest. */
export interface Partition {
  scoped: ScopedGraph;
  /** Community of each scoped node (1-based; 1 is the largest). */
  community: Int32Array;
  count: number;
  modularity: number;
  algorithm: Algorithm;
}

export const scopeKey = (s: Scope) =>
  JSON.stringify([s.from ?? '', s.to ?? '', s.kinds ?? [], s.ties ?? [], s.countries ?? []]);

export function checkAlgorithm(input: CommunityInput): {
  algorithm: Algorithm;
  resolution: number;
} {
  const algorithm = input.algorithm ?? 'louvain';
  if (!ALGORITHMS.includes(algorithm)) throw invalid('algorithm', ALGORITHMS.join(', '));
  const resolution = input.resolution ?? 1;
  if (!(resolution > 0 && resolution <= 10)) throw invalid('resolution', '0 < resolution ≤ 10');
  return { algorithm, resolution };
}

/** The scoped graph of the whole network, built once per network version and scope. */
export const scopedOf = (vn: ViewerNetwork, scope: Scope): ScopedGraph =>
  vn.memo(`scoped:${scopeKey(scope)}`, () =>
    scopedGraph(vn.network, scopeFilter(vn.network, scope)),
  );

/** The viewer's communities in a scope, computed once per network version. */
export function partitionOf(
  vn: ViewerNetwork,
  input: CommunityInput,
  progress?: NetworkProgress,
): Promise<Partition> {
  const { algorithm, resolution } = checkAlgorithm(input);
  return vn.memo(`communities:${algorithm}:${resolution}:${scopeKey(input)}`, async () => {
    const scoped = scopedOf(vn, input);
    const found = await runAnalysis(
      scoped.graph,
      { kind: 'communities', algorithm, resolution, seed: 1 },
      { onProgress: progress?.analysing, signal: progress?.signal },
    );
    const community = new Int32Array(found.labels.length);
    for (let i = 0; i < community.length; i++) community[i] = found.labels[i]! + 1;
    return { scoped, community, count: found.count, modularity: found.modularity, algorithm };
  });
}

/** The network nodes of community `id`. */
export function membersOf(p: Partition, id: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.community.length; i++)
    if (p.community[i] === id) out.push(p.scoped.original[i]!);
  return out;
}

/** A community named by its number, or by any entity in it. */
export function communityFor(net: Network, p: Partition, ref: string): number {
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) {
    const id = Number(trimmed);
    if (id >= 1 && id <= p.count) return id;
    throw new AppError('not_found', { kind: 'community', id: trimmed });
  }
  const v = nodeFor(net, trimmed);
  for (let i = 0; i < p.scoped.original.length; i++)
    if (p.scoped.original[i] === v) return p.community[i]!;
  throw new AppError('not_found', { kind: 'community', id: trimmed });
}

export interface CommunityView {
  id: number;
  size: number;
  ties: number;
  kinds: Partial<Record<NodeKind, number>>;
  /** The most restrictive marking among its members. */
  marking: Tlp;
  /** Its best-connected members. */
  members: NodeView[];
}

export interface CommunitiesResult {
  algorithm: Algorithm;
  modularity: number;
  count: number;
  nodes: number;
  edges: number;
  communities: CommunityView[];
  /** Communities smaller than `minSize` are counted but not listed. */
  listed: number;
  offset: number;
}

/** Summaries of all communities, largest first (the list is paged). */
export function summarise(
  vn: ViewerNetwork,
  p: Partition,
  minSize: number,
  offset: number,
  limit: number,
): CommunitiesResult {
  const net = vn.network;
  const g = p.scoped.graph;
  const size = new Int32Array(p.count + 1);
  const ties = new Int32Array(p.count + 1);
  for (let i = 0; i < p.community.length; i++) size[p.community[i]!]!++;
  for (let e = 0; e < g.size; e++) {
    const c = p.community[g.edgeU[e]!]!;
    if (c === p.community[g.edgeV[e]!]) ties[c]!++;
  }
  const listed: number[] = [];
  for (let c = 1; c <= p.count; c++) if (size[c]! >= minSize) listed.push(c);
  const page = listed.slice(offset, offset + limit);
  const wanted = new Set(page);
  const members = new Map<number, number[]>(page.map((c) => [c, []]));
  for (let i = 0; i < p.community.length; i++)
    if (wanted.has(p.community[i]!)) members.get(p.community[i]!)!.push(i);
  const communities = page.map((c) => {
    const local = members.get(c)!;
    const kinds: Partial<Record<NodeKind, number>> = {};
    let marking: Tlp = 'CLEAR';
    for (const i of local) {
      const n = net.nodes[p.scoped.original[i]!]!;
      kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
      marking = stricter(marking, n.marking);
    }
    const degree = (i: number) => g.offsets[i + 1]! - g.offsets[i]!;
    const top = [...local].sort((x, y) => degree(y) - degree(x) || x - y).slice(0, 5);
    return {
      id: c,
      size: size[c]!,
      ties: ties[c]!,
      kinds,
      marking,
      members: top.map((i) => nodeView(net, p.scoped.original[i]!)),
    };
  });
  return {
    algorithm: p.algorithm,
    modularity: p.modularity,
    count: p.count,
    nodes: g.order,
    edges: g.size,
    communities,
    listed: listed.length,
    offset,
  };
}

export interface CommunitiesInput extends CommunityInput {
  minSize?: number;
  offset?: number;
  limit?: number;
}

/** The communities of what the viewer may see (Louvain or Leiden), largest first. */
export function networkCommunities(
  call: Call,
  input: CommunitiesInput,
  progress?: NetworkProgress,
): Promise<CommunitiesResult> {
  checkAlgorithm(input);
  const minSize = input.minSize ?? 3;
  const offset = input.offset ?? 0;
  const limit = Math.min(input.limit ?? 50, 500);
  return withNetwork(
    call,
    'network.communities',
    input,
    async (vn) => {
      const p = await partitionOf(vn, input, progress);
      const result = summarise(vn, p, minSize, offset, limit);
      const shown = result.communities.flatMap((c) =>
        c.members.map((m) => vn.network.nodeOf.get(m.id)!),
      );
      return { result, ids: recordsBehind(vn.network, shown), count: result.count };
    },
    progress,
  );
}
