import type { Graph } from './graph.js';

export interface PageRankOptions {
  /** Probability of following an edge rather than jumping (default 0.85). */
  damping?: number;
  /** Converged once the scores change by less than order * tolerance in L1 (default 1e-6). */
  tolerance?: number;
  /** Default 100. */
  maxIterations?: number;
  /** Follow edges in proportion to their weight (default true), or each alike. */
  weighted?: boolean;
  /** Where jumps, and walks from nodes without edges, land (any non-negative weights). */
  personalization?: Float64Array;
}

export interface PageRankResult {
  /** Sums to 1. */
  scores: Float64Array;
  iterations: number;
  /** False when maxIterations ran out first; the scores are then the last iterate's. */
  converged: boolean;
}

/**
 * PageRank by power iteration with NetworkX's semantics (`nx.pagerank` on an undirected
 * graph): each edge is followed both ways, a walk at a node without edges (or with only
 * zero-weight edges) jumps as the personalization says, and the iteration stops once the L1
 * change falls below order * tolerance. Where NetworkX raises on running out of iterations,
 * this returns the scores reached with `converged: false`.
 */
export function pagerank(g: Graph, options: PageRankOptions = {}): PageRankResult {
  const n = g.order;
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;
  if (!(damping >= 0 && damping <= 1)) throw new RangeError('damping must be within 0..1');
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true };

  const jump = jumpDistribution(n, options.personalization);
  const weights =
    options.weighted === false ? new Float64Array(g.weights.length).fill(1) : g.weights;
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++)
    for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) strength[v]! += weights[h]!;

  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      if (strength[v]! > 0) {
        share[v] = x[v]! / strength[v]!;
      } else {
        share[v] = 0;
        dangling += x[v]!;
      }
    }
    let change = 0;
    for (let v = 0; v < n; v++) {
      let inflow = 0;
      for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++)
        inflow += share[g.targets[h]!]! * weights[h]!;
      const score = damping * (inflow + dangling * jump[v]!) + (1 - damping) * jump[v]!;
      change += Math.abs(score - x[v]!);
      next[v] = score;
    }
    [x, next] = [next, x];
    if (change < n * tolerance)
      return { scores: normalised(x), iterations: iteration, converged: true };
  }
  return { scores: normalised(x), iterations: maxIterations, converged: false };
}

function jumpDistribution(n: number, personalization: Float64Array | undefined): Float64Array {
  if (!personalization) return new Float64Array(n).fill(1 / n);
  if (personalization.length !== n)
    throw new RangeError(`personalization has ${personalization.length} entries for ${n} nodes`);
  let sum = 0;
  for (const p of personalization) {
    if (!(p >= 0)) throw new RangeError('personalization weights must be non-negative');
    sum += p;
  }
  if (!(sum > 0 && sum < Infinity))
    throw new RangeError('personalization weights must have a positive, finite sum');
  return personalization.map((p) => p / sum);
}

function normalised(x: Float64Array): Float64Array {
  let sum = 0;
  for (const v of x) sum += v;
  return x.map((v) => v / sum);
}
