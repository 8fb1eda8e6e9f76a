import { describe, expect, it } from 'vitest';
import { buildGraph, type Graph } from '../graph.js';
import { seeded } from '../random.js';
import { leiden } from './leiden.js';
import { louvain } from './louvain.js';
import { modularity } from './modularity.js';
import { plantedPartition } from './test-graphs.js';

/** The number of communities whose members do not all reach each other inside it. */
function disconnectedCommunities(g: Graph, labels: Int32Array): number {
  const reached = new Uint8Array(g.order);
  const seenLabel = new Set<number>();
  let broken = 0;
  for (let s = 0; s < g.order; s++) {
    if (reached[s]) continue;
    if (seenLabel.has(labels[s]!)) broken++;
    seenLabel.add(labels[s]!);
    reached[s] = 1;
    const stack = [s];
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) {
        const u = g.targets[h]!;
        if (!reached[u] && labels[u] === labels[s]) {
          reached[u] = 1;
          stack.push(u);
        }
      }
    }
  }
  return broken;
}

describe('leiden', () => {
  it('returns connected communities', () => {
    for (let t = 0; t < 200; t++) {
      const rng = seeded(t);
      const n = 10 + Math.floor(rng() * 40);
      const m = Math.floor(n * (1 + rng() * 2));
      const from = Array.from({ length: m }, () => Math.floor(rng() * n));
      const to = Array.from({ length: m }, () => Math.floor(rng() * n));
      const g = buildGraph(n, { from, to });
      expect(disconnectedCommunities(g, leiden(g, { seed: t }).labels)).toBe(0);
    }
    const { graph } = plantedPartition({
      communities: 100,
      size: 20,
      edges: 3000,
      inside: 0.6,
      seed: 4,
    });
    expect(disconnectedCommunities(graph, leiden(graph, { maxLevels: 2 }).labels)).toBe(0);
  });

  it('runs passes again while they gain, and so beats Louvain on a noisy graph', () => {
    // Louvain, and a single pass of Leiden, fall short of the planted partition here.
    const { graph, truth } = plantedPartition({
      communities: 40,
      size: 25,
      edges: 5000,
      inside: 0.4,
      seed: 3,
    });
    const planted = modularity(graph, truth);
    const full = leiden(graph, { seed: 1 });
    const onePass = leiden(graph, { seed: 1, threshold: 1 });
    expect(louvain(graph, { seed: 1 }).modularity).toBeLessThan(planted);
    expect(onePass.modularity).toBeLessThan(planted);
    expect(full.modularity).toBeGreaterThan(planted);
    expect(full.levels).toBeGreaterThan(onePass.levels);
  });
});
