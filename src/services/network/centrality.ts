import { availableParallelism } from 'node:os';
import type { Graph } from '../../domain/network/graph.js';
import { scaleBetweenness, type Betweenness } from '../../domain/network/structure/betweenness.js';
import { allNodes, hoeffdingBound, samplePivots } from '../../domain/network/structure/sampling.js';
import { runAnalysis, WORKER_MIN_EDGES } from './analysis-pool.js';
import type { NetworkProgress } from './with-network.js';

/**
 * Normalized betweenness, exact, from `samples` seeded pivots or from the `pivots` given, split
 * across the cores: chunks sum exactly (fixed point), so the scores are those of one run.
 */
export async function betweennessOf(
  g: Graph,
  sources: { samples?: number; seed?: number; pivots?: Int32Array },
  progress?: NetworkProgress,
): Promise<Betweenness> {
  const n = g.order;
  const { samples } = sources;
  const pivots =
    sources.pivots ??
    (samples === undefined || samples >= n
      ? allNodes(n)
      : samplePivots(allNodes(n), samples, sources.seed ?? 1));
  const k = pivots.length;
  const parts = g.size < WORKER_MIN_EDGES ? 1 : Math.max(1, Math.min(availableParallelism(), 8));
  const per = Math.ceil(k / parts);
  const done = new Array<number>(parts).fill(0);
  const chunks = await Promise.all(
    Array.from({ length: parts }, (_, i) =>
      runAnalysis(
        g,
        {
          kind: 'betweenness',
          pivots,
          start: Math.min(k, i * per),
          end: Math.min(k, (i + 1) * per),
        },
        {
          signal: progress?.signal,
          onProgress: (d) => {
            done[i] = d;
            progress?.analysing?.(
              done.reduce((a, b) => a + b, 0),
              k,
            );
          },
        },
      ),
    ),
  );
  const totals = chunks[0]!;
  for (const c of chunks.slice(1)) for (let v = 0; v < n; v++) totals[v]! += c[v]!;
  const scores = scaleBetweenness(n, totals, pivots, true);
  if (k >= n) return { scores, exact: true, samples: k };
  return { scores, exact: false, samples: k, errorBound: hoeffdingBound(k - 1) };
}
