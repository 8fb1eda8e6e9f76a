import type { Graph } from '../graph.js';
import { throttle, type Progress } from './progress.js';
import { allNodes, hoeffdingBound, samplePivots } from './sampling.js';

export interface BetweennessOptions {
  /** Source nodes to sample; exact when absent or at least the order. */
  samples?: number;
  seed?: number;
  /** Scaled as NetworkX does for undirected graphs (default true). */
  normalized?: boolean;
  /** Explicit distinct sources instead of a sample, e.g. those a benchmark gives NetworkX. */
  pivots?: Int32Array;
  onProgress?: Progress;
}

export interface Betweenness {
  scores: Float64Array;
  exact: boolean;
  samples: number;
  /** Additive error of each sampled score, in the scores' units, with 95% confidence. */
  errorBound?: number;
}

/**
 * Dependencies are summed in fixed point, as whole multiples of 1/unit: sums of integers below
 * 2^53 are exact in a double, so partial sums from any split of the pivots add up to the same
 * bits as one run. The unit leaves room for the largest possible total, n pivots each adding
 * at most n − 2 to a node; at 200k nodes it is 1/65536 of a path.
 */
function fixedPointUnit(order: number): number {
  return 2 ** Math.floor(52 - Math.log2(Math.max(2, order) ** 2));
}

/**
 * Brandes' accumulation from sources pivots[start..end), in fixed-point units (see
 * scaleBetweenness), e.g. half the pivots on each of two worker threads: add the arrays of
 * any split, in any order, and scale once. Paths are counted in hops, not weighted: the
 * question is who sits between others, and which route is strongest is strongestPath's.
 */
export function betweennessChunk(
  g: Graph,
  pivots: ArrayLike<number>,
  start = 0,
  end = pivots.length,
  onProgress?: Progress,
): Float64Array {
  const n = g.order;
  const { offsets, targets } = g;
  const unit = fixedPointUnit(n);
  const totals = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  // Breadth-first order is also the order of non-decreasing distance, so the queue read
  // backwards is Brandes' stack; predecessors are found again by re-scanning each row for
  // neighbours one hop nearer, which keeps memory at a few arrays of n.
  const queue = new Int32Array(n);
  const report = throttle(onProgress, end - start);
  for (let p = start; p < end; p++) {
    const s = pivots[p]!;
    let tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      const next = dist[v]! + 1;
      const paths = sigma[v]!;
      for (let h = offsets[v]!; h < offsets[v + 1]!; h++) {
        const w = targets[h]!;
        let dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dw = next;
          queue[tail++] = w;
        }
        if (dw === next) sigma[w]! += paths;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = queue[i]!;
      const nearer = dist[w]! - 1;
      const share = (1 + delta[w]!) / sigma[w]!;
      for (let h = offsets[w]!; h < offsets[w + 1]!; h++) {
        const v = targets[h]!;
        if (dist[v] === nearer) delta[v]! += sigma[v]! * share;
      }
      totals[w]! += Math.round(delta[w]! * unit);
    }
    for (let i = 0; i < tail; i++) {
      const w = queue[i]!;
      dist[w] = -1;
      sigma[w] = 0;
      delta[w] = 0;
    }
    report(p - start + 1);
  }
  return totals;
}

/**
 * Scores from the summed chunks of `pivots`, scaled as NetworkX (3.5 on) does for undirected
 * graphs without endpoints, so the numbers compare. Exact: 1 / ((n−1)(n−2)) normalized, 1/2
 * otherwise (each unordered pair was counted from both ends). Sampled with k pivots, the
 * estimate is scaled up to all n − 1 possible sources of a pair through v: by 1 / (k(n−2))
 * (normalized), or (n−1) / 2k, and a node that was itself a pivot, which learnt from k − 1
 * sources only, by k − 1 instead of k (NaN when k = 1, as in NetworkX). NetworkX before 3.5
 * (networkx#7949) scaled every node by n / k, which can exceed 1.
 */
export function scaleBetweenness(
  order: number,
  totals: Float64Array,
  pivots: ArrayLike<number>,
  normalized = true,
): Float64Array {
  const n = order;
  const k = pivots.length;
  const unit = fixedPointUnit(n);
  const scores = new Float64Array(n);
  if (n < 3) return scores;
  const pairs = normalized ? 1 / (n - 2) : (n - 1) / 2;
  const nonSource = k >= n ? pairs / (n - 1) : pairs / k;
  const source = k >= n ? nonSource : k > 1 ? pairs / (k - 1) : NaN;
  for (let v = 0; v < n; v++) scores[v] = (totals[v]! / unit) * nonSource;
  if (source !== nonSource)
    for (let i = 0; i < k; i++) scores[pivots[i]!] = (totals[pivots[i]!]! / unit) * source;
  return scores;
}

/**
 * Who lies on the shortest paths between others (Brandes): exact, or estimated from a seeded
 * sample of sources (Brandes–Pich). A sampled normalized score is the mean over k − 1 or k
 * sources s of δ_s(v) / (n − 2), each term in [0, 1] since s's paths through v reach at most
 * n − 2 targets; so Hoeffding bounds its error by √(ln(2/0.05) / 2(k−1)) with 95% confidence,
 * per node. The bound is loose: on real networks the spread of δ_s(v) is far below its range.
 */
export function betweenness(g: Graph, options: BetweennessOptions = {}): Betweenness {
  const n = g.order;
  const normalized = options.normalized ?? true;
  const samples = options.samples ?? n;
  if (!(samples >= 1)) throw new RangeError('betweenness needs at least one sample');
  const nodes = allNodes(n);
  const pivots =
    options.pivots ?? (samples >= n ? nodes : samplePivots(nodes, samples, options.seed));
  const totals = betweennessChunk(g, pivots, 0, pivots.length, options.onProgress);
  const scores = scaleBetweenness(n, totals, pivots, normalized);
  const k = pivots.length;
  if (k >= n) return { scores, exact: true, samples: k };
  const bound = hoeffdingBound(k - 1) * (normalized ? 1 : ((n - 1) * (n - 2)) / 2);
  return { scores, exact: false, samples: k, errorBound: bound };
}
