import type { Graph } from '../graph.js';
import { hoeffdingBound, samplePivots } from './sampling.js';
import { expand, withSearch, type Filter } from './traversal.js';

/** Exact up to this many nodes: one search per node, a second or two at that size. */
export const EXACT_EFFICIENCY_LIMIT = 4000;
const DEFAULT_SAMPLES = 200;

export interface EfficiencyOptions extends Filter {
  /** Sources to sample; by default exact up to EXACT_EFFICIENCY_LIMIT nodes, 200 beyond. */
  samples?: number;
  seed?: number;
  /** Explicit sources; those the filter excludes are skipped. */
  pivots?: ArrayLike<number>;
}

export interface Efficiency {
  value: number;
  exact: boolean;
  /** Sources the value was averaged over. */
  samples: number;
  /** Additive error of a sampled value, with 95% confidence. */
  errorBound?: number;
}

/**
 * Global efficiency (Latora–Marchiori): the mean of 1/d over ordered pairs of the allowed
 * nodes, counting hops and 0 for pairs that cannot reach each other, as NetworkX's
 * global_efficiency on the subgraph the filter leaves. It stays meaningful when a network
 * falls apart, where mean distance does not. Sampled, it is the mean over random sources of
 * each source's mean of 1/d, a number in [0, 1], so Hoeffding bounds its error.
 */
export function globalEfficiency(g: Graph, options: EfficiencyOptions = {}): Efficiency {
  const { allowNode } = options;
  const nodes: number[] = [];
  for (let v = 0; v < g.order; v++) if (!allowNode || allowNode(v)) nodes.push(v);
  const n = nodes.length;
  if (n < 2) return { value: 0, exact: true, samples: n };
  const samples = options.samples ?? (n <= EXACT_EFFICIENCY_LIMIT ? n : DEFAULT_SAMPLES);
  let sources: ArrayLike<number>;
  if (options.pivots)
    sources = Array.from(options.pivots).filter((s) => !allowNode || allowNode(s));
  else sources = samples >= n ? nodes : samplePivots(nodes, samples, options.seed);
  const exact = sources.length >= n;
  let total = 0;
  withSearch(g, (search) => {
    for (let i = 0; i < sources.length; i++) {
      search.reset();
      search.add(sources[i]!, -1);
      let inverse = 0;
      for (let d = 1, from = 0; from < search.length; d++) {
        const to = search.length;
        expand(g, search, from, to, options);
        inverse += (search.length - to) / d;
        from = to;
      }
      total += inverse / (n - 1);
    }
  });
  const value = sources.length > 0 ? total / sources.length : 0;
  return exact
    ? { value, exact, samples: sources.length }
    : { value, exact, samples: sources.length, errorBound: hoeffdingBound(sources.length) };
}
