import type { Graph } from '../graph.js';
import { betweenness } from './betweenness.js';
import { connectedComponents } from './components.js';
import { depthFirstForest, separatesFromParent } from './cut-points.js';
import { EXACT_EFFICIENCY_LIMIT, globalEfficiency } from './efficiency.js';
import { throttle, type Progress } from './progress.js';
import { allNodes, samplePivots } from './sampling.js';

export type DisruptionMeasure = 'largest_component' | 'efficiency';

export interface DisruptOptions {
  /** The nodes that may be removed (e.g. persons, not phones); all by default. */
  candidates?: ArrayLike<number>;
  /** How many nodes to remove. */
  remove: number;
  /** Nodes in the largest connected piece, or global efficiency. */
  measure: DisruptionMeasure;
  onProgress?: Progress;
}

export interface DisruptionStep {
  node: number;
  before: number;
  after: number;
  /** Connected pieces left after the removal. */
  components: number;
}

export interface Disruption {
  steps: DisruptionStep[];
  initial: number;
  final: number;
  /**
   * True when efficiency was estimated from sampled sources, or only the SHORTLIST
   * candidates of highest betweenness were tried at each step.
   */
  approximate: boolean;
}

/** Candidates tried per step for efficiency on a large graph. */
export const SHORTLIST = 50;
/** Half-edge visits per step above which efficiency tries the shortlist only: about 1 s. */
const BUDGET = 2e8;
/** Sources for the betweenness that ranks the shortlist, and for a sampled efficiency. */
const SAMPLES = 100;

/** How a measure scores the graph that is left, and what removing each candidate would leave. */
interface Measure {
  current(): number;
  /** Prepared once per step, against the nodes still alive. */
  afterRemoving(): (v: number) => number;
}

/**
 * The largest piece left by removing each node, for all nodes from one depth-first search:
 * removing v leaves its component minus v in the depth-first subtrees that separate from v,
 * and the rest; the other components stay whole.
 */
function largestComponent(g: Graph, alive: Uint8Array): Measure {
  const allowNode = (v: number) => alive[v] === 1;
  return {
    current: () => connectedComponents(g, { allowNode }).sizes[0] ?? 0,
    afterRemoving: () => {
      const forest = depthFirstForest(g, { allowNode });
      const { parent, size } = forest;
      const root = new Int32Array(g.order);
      const largestPiece = new Int32Array(g.order);
      const separated = new Int32Array(g.order);
      let first = 0;
      let second = 0;
      let firstRoot = -1;
      for (const v of forest.preorder) {
        const p = parent[v]!;
        root[v] = p < 0 ? v : root[p]!;
        if (p < 0) {
          if (size[v]! > first) {
            second = first;
            first = size[v]!;
            firstRoot = v;
          } else if (size[v]! > second) second = size[v]!;
        } else if (separatesFromParent(forest, v)) {
          largestPiece[p] = Math.max(largestPiece[p]!, size[v]!);
          separated[p]! += size[v]!;
        }
      }
      return (v) =>
        Math.max(
          largestPiece[v]!,
          size[root[v]!]! - 1 - separated[v]!,
          root[v] === firstRoot ? second : first,
        );
    },
  };
}

/**
 * Efficiency without each candidate, one evaluation each. Beyond EXACT_EFFICIENCY_LIMIT
 * nodes it is estimated from one fixed sample of sources, the same for every candidate and
 * step, so that comparisons between candidates are not noise.
 */
function efficiency(g: Graph, alive: Uint8Array): Measure & { sampled: boolean; cost: number } {
  const sampled = g.order > EXACT_EFFICIENCY_LIMIT;
  const pivots = sampled ? samplePivots(allNodes(g.order), SAMPLES) : undefined;
  const without = (removed: number) =>
    globalEfficiency(g, { allowNode: (v) => alive[v] === 1 && v !== removed, pivots }).value;
  return {
    sampled,
    cost: (pivots?.length ?? g.order) * g.targets.length,
    current: () => without(-1),
    afterRemoving: () => without,
  };
}

/**
 * Which few nodes, removed, fragment the network most: greedily, each step removes the
 * candidate whose removal lowers the measure most (ties: more ties left to it, then the
 * smaller id), then re-evaluates what is left. Efficiency costs a search per source per
 * candidate, so on a large graph only the SHORTLIST candidates of highest betweenness
 * (sampled, on the whole graph, ranked once) are tried.
 */
export function disrupt(g: Graph, options: DisruptOptions): Disruption {
  const alive = new Uint8Array(g.order).fill(1);
  const aliveDegree = (v: number) => {
    let d = 0;
    for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) d += alive[g.targets[h]!]!;
    return d;
  };
  let candidates = Array.from(new Set(Array.from(options.candidates ?? allNodes(g.order))));
  let approximate = false;
  let measure: Measure;
  if (options.measure === 'largest_component') measure = largestComponent(g, alive);
  else {
    const e = efficiency(g, alive);
    if (candidates.length > SHORTLIST && candidates.length * e.cost > BUDGET) {
      const { scores } = betweenness(g, { samples: SAMPLES });
      candidates = candidates
        .sort((a, b) => scores[b]! - scores[a]! || aliveDegree(b) - aliveDegree(a) || a - b)
        .slice(0, SHORTLIST);
      approximate = true;
    }
    approximate ||= e.sampled;
    measure = e;
  }
  const remove = Math.min(options.remove, candidates.length);
  const report = throttle(options.onProgress, remove * candidates.length);
  const initial = measure.current();
  const steps: DisruptionStep[] = [];
  let current = initial;
  for (let step = 0; step < remove; step++) {
    const afterRemoving = measure.afterRemoving();
    let best = -1;
    let bestAfter = Infinity;
    let bestDegree = -1;
    for (const [i, v] of candidates.entries()) {
      report(step * candidates.length + i + 1);
      if (!alive[v]) continue;
      const after = afterRemoving(v);
      if (after > bestAfter) continue;
      const degree = aliveDegree(v);
      if (after < bestAfter || degree > bestDegree || (degree === bestDegree && v < best)) {
        best = v;
        bestAfter = after;
        bestDegree = degree;
      }
    }
    alive[best] = 0;
    const components = connectedComponents(g, { allowNode: (v) => alive[v] === 1 }).count;
    steps.push({ node: best, before: current, after: bestAfter, components });
    current = bestAfter;
  }
  return { steps, initial, final: current, approximate };
}
