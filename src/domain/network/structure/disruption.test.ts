import { describe, expect, it } from 'vitest';
import { barbellGraph, pathGraph, randomGraph } from '../../../../test/support/graphs.js';
import type { Graph } from '../graph.js';
import { connectedComponents } from './components.js';
import { disrupt } from './disruption.js';

/** The same greedy by brute force: a component count per candidate per step. */
function bruteForce(g: Graph, remove: number): number[] {
  const removed = new Set<number>();
  const largest = (without: number) =>
    connectedComponents(g, { allowNode: (u) => u !== without && !removed.has(u) }).sizes[0] ?? 0;
  const degree = (v: number) => {
    let d = 0;
    for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) d += +!removed.has(g.targets[h]!);
    return d;
  };
  for (let step = 0; step < remove; step++) {
    let best = -1;
    for (let v = 0; v < g.order; v++) {
      if (removed.has(v)) continue;
      if (
        best < 0 ||
        largest(v) < largest(best) ||
        (largest(v) === largest(best) && degree(v) > degree(best))
      )
        best = v;
    }
    removed.add(best);
  }
  return [...removed];
}

describe('disrupt', () => {
  it('removes the bridge nodes of a barbell first, by largest piece', () => {
    // Cliques 0-4 and 5-9 tied by 4-5.
    const result = disrupt(barbellGraph(5, 0), { remove: 2, measure: 'largest_component' });
    expect(result).toEqual({
      steps: [
        { node: 4, before: 10, after: 5, components: 2 },
        { node: 5, before: 5, after: 4, components: 2 },
      ],
      initial: 10,
      final: 4,
      approximate: false,
    });
  });

  it('removes the bridge nodes of a barbell first, by efficiency', () => {
    const result = disrupt(barbellGraph(4, 0), { remove: 2, measure: 'efficiency' });
    expect(result.steps.map((s) => s.node)).toEqual([3, 4]);
    // K3 + K4: 6 + 12 of 42 ordered pairs; then K3 + K3: 12 of 30.
    expect(result.steps[0]!.after).toBeCloseTo(18 / 42, 12);
    expect(result.final).toBeCloseTo(12 / 30, 12);
    expect(result.approximate).toBe(false);
  });

  it('chooses among the candidates only', () => {
    const result = disrupt(pathGraph(9), {
      remove: 1,
      measure: 'largest_component',
      candidates: [0, 1, 2],
    });
    expect(result.steps).toEqual([{ node: 2, before: 9, after: 6, components: 2 }]);
  });

  it('agrees with re-counting components for every candidate', () => {
    for (const seed of [1, 2]) {
      const g = randomGraph(80, 100, seed);
      const result = disrupt(g, { remove: 6, measure: 'largest_component' });
      expect(result.steps.map((s) => s.node)).toEqual(bruteForce(g, 6));
    }
  });

  it('tries a shortlist on a large graph, and says so', () => {
    const calls: number[] = [];
    const result = disrupt(pathGraph(4101), {
      remove: 1,
      measure: 'efficiency',
      onProgress: (done) => calls.push(done),
    });
    expect(result.approximate).toBe(true);
    // Cutting a long path anywhere in its middle costs about the same efficiency, and the
    // estimate is sampled: the removal is somewhere in the middle, where betweenness is high.
    expect(Math.abs(result.steps[0]!.node - 2050)).toBeLessThan(1000);
    expect(calls.length).toBeLessThanOrEqual(101);
  });
});
