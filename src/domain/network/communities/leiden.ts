import type { Graph } from '../graph.js';
import { shuffle, type Rng } from '../random.js';
import type { Level } from './level.js';
import { optimise, type CommunityOptions } from './multilevel.js';
import { communityResult, type CommunityResult } from './result.js';

export type { CommunityOptions, CommunityResult };

/**
 * How freely refinement picks among the merges that do not lower modularity (igraph's and
 * leidenalg's default): small enough to favour the best merge, large enough to explore.
 */
const RANDOMNESS = 0.01;

/**
 * Leiden communities (Traag, Waltman & van Eck 2019): as Louvain, but each community is first
 * refined into well-connected sub-communities, which become the next level's nodes while the
 * communities are that level's starting partition; and the whole pass is run again from its
 * result while it gains more than the threshold, which on noisy graphs is where Leiden
 * overtakes Louvain. A community left hanging by a node that has moved away (Louvain keeps
 * those) is split: every community returned is connected.
 */
export function leiden(g: Graph, options: CommunityOptions = {}): CommunityResult {
  const { labels, levels } = optimise(g, options, refine);
  return communityResult(g, connectedParts(g, labels), levels, options.resolution ?? 1);
}

/**
 * Refinement: within each community, from singletons, each node still alone and well connected
 * to the rest of its community (its edges there at least scale * k_v * (K_C - k_v), the
 * modularity null model's expectation) may join a well-connected sub-community of the same
 * community, chosen at random with weight exp(gain / RANDOMNESS) among those it would not
 * lower modularity by joining, staying alone included. Gains are in edge-weight units, as in
 * igraph; subtracting the best gain before exponentiating cannot overflow.
 */
function refine(
  level: Level,
  community: Int32Array,
  count: number,
  scale: number,
  rng: Rng,
): Int32Array {
  const { order, offsets, targets, weights, nodeWeight } = level;
  const refined = new Int32Array(order);
  const size = new Int32Array(order).fill(1);
  const weight = nodeWeight.slice();
  const communityWeight = new Float64Array(count);
  /** Weight of the edges from each sub-community to the rest of its community. */
  const outside = new Float64Array(order);
  for (let v = 0; v < order; v++) {
    refined[v] = v;
    const c = community[v]!;
    communityWeight[c]! += nodeWeight[v]!;
    for (let h = offsets[v]!; h < offsets[v + 1]!; h++)
      if (community[targets[h]!] === c) outside[v]! += weights[h]!;
  }

  const visit = new Int32Array(order);
  for (let v = 0; v < order; v++) visit[v] = v;
  shuffle(visit, rng);
  const linkWeight = new Float64Array(order);
  const linked = new Uint8Array(order);
  const neighbours = new Int32Array(order);
  const candidates = new Int32Array(order);
  // Each candidate's gain, then its odds of being chosen.
  const odds = new Float64Array(order);

  for (let i = 0; i < order; i++) {
    const v = visit[i]!;
    if (size[v] !== 1) continue;
    const c = community[v]!;
    const k = nodeWeight[v]!;
    const rest = communityWeight[c]!;
    if (outside[v]! < k * (rest - k) * scale) continue;

    let found = 0;
    for (let h = offsets[v]!; h < offsets[v + 1]!; h++) {
      const u = targets[h]!;
      if (community[u] !== c) continue;
      const r = refined[u]!;
      if (linked[r] === 0) {
        linked[r] = 1;
        neighbours[found++] = r;
      }
      linkWeight[r]! += weights[h]!;
    }

    let bestGain = 0;
    let eligible = 0;
    for (let j = 0; j < found; j++) {
      const r = neighbours[j]!;
      const gain = linkWeight[r]! - k * weight[r]! * scale;
      if (gain >= 0 && outside[r]! >= weight[r]! * (rest - weight[r]!) * scale) {
        candidates[eligible] = r;
        odds[eligible++] = gain;
        if (gain > bestGain) bestGain = gain;
      }
    }
    const stay = Math.exp(-bestGain / RANDOMNESS);
    let sum = stay;
    for (let j = 0; j < eligible; j++) {
      odds[j] = Math.exp((odds[j]! - bestGain) / RANDOMNESS);
      sum += odds[j]!;
    }
    let draw = rng() * sum - stay;
    let chosen = v;
    for (let j = 0; j < eligible && draw >= 0; j++) {
      chosen = candidates[j]!;
      draw -= odds[j]!;
    }

    if (chosen !== v) {
      refined[v] = chosen;
      size[chosen]!++;
      size[v] = 0;
      weight[chosen]! += k;
      outside[chosen]! += outside[v]! - 2 * linkWeight[chosen]!;
    }
    for (let j = 0; j < found; j++) {
      const r = neighbours[j]!;
      linked[r] = 0;
      linkWeight[r] = 0;
    }
  }
  return refined;
}

/**
 * Splits each community into its connected parts (labels 0..order-1 in, and out), which only
 * raises modularity: parts with no edge between them lose no inside weight, and the squares of
 * their strengths sum to less than the square of the whole.
 */
function connectedParts(g: Graph, labels: Int32Array): Int32Array {
  const part = new Int32Array(g.order).fill(-1);
  const stack = new Int32Array(g.order);
  for (let s = 0; s < g.order; s++) {
    if (part[s] !== -1) continue;
    part[s] = s;
    let top = 0;
    stack[top++] = s;
    while (top > 0) {
      const v = stack[--top]!;
      for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) {
        const u = g.targets[h]!;
        if (part[u] === -1 && labels[u] === labels[s]) {
          part[u] = s;
          stack[top++] = u;
        }
      }
    }
  }
  return part;
}
