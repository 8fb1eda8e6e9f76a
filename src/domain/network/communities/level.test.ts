import { describe, expect, it } from 'vitest';
import { seeded } from '../random.js';
import { aggregate, levelOf, partitionQuality, renumber } from './level.js';
import { modularity } from './modularity.js';
import { plantedPartition } from './test-graphs.js';

describe('aggregate', () => {
  it('keeps the modularity of every partition of the groups it merges', () => {
    const { graph } = plantedPartition({
      communities: 10,
      size: 20,
      edges: 900,
      inside: 0.7,
      seed: 2,
    });
    const rng = seeded(3);
    const group = Int32Array.from({ length: graph.order }, (_, v) =>
      rng() < 0.8 ? Math.floor(v / 10) : Math.floor(rng() * 20),
    );
    const count = renumber(group);
    const twice = aggregate(
      aggregate(levelOf(graph), group, count),
      new Int32Array(count).map((_, c) => c >> 1),
      count >> 1,
    );
    for (const resolution of [0.5, 1, 2]) {
      const coarse = Int32Array.from({ length: twice.order }, () => Math.floor(rng() * 4));
      const lifted = Int32Array.from({ length: graph.order }, (_, v) => coarse[group[v]! >> 1]!);
      expect(partitionQuality(twice, coarse, resolution)).toBeCloseTo(
        modularity(graph, lifted, resolution),
        12,
      );
    }
    expect(twice.nodeWeight.reduce((a, b) => a + b)).toBeCloseTo(
      2 * graph.edgeWeight.reduce((a, b) => a + b),
      9,
    );
  });
});

describe('renumber', () => {
  it('numbers labels by first appearance', () => {
    const labels = Int32Array.from([4, 4, 1, 0, 1]);
    expect(renumber(labels)).toBe(3);
    expect(Array.from(labels)).toEqual([0, 0, 1, 2, 1]);
  });
});
