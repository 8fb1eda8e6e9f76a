import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph.js';
import { leiden } from './leiden.js';
import { louvain } from './louvain.js';
import { modularity } from './modularity.js';
import { normalizedMutualInformation } from './nmi.js';
import { karateClub, plantedPartition, ringOfCliques } from './test-graphs.js';

const karate = karateClub();

function cliqueOf(labels: Int32Array, size: number): number[][] {
  const groups = new Map<number, number[]>();
  labels.forEach((c, v) => groups.set(c, [...(groups.get(c) ?? []), Math.floor(v / size)]));
  return [...groups.values()];
}

describe.each([
  ['louvain', louvain],
  ['leiden', leiden],
] as const)('%s', (_, detect) => {
  it('splits two cliques joined by one edge', () => {
    const r = detect(ringOfCliques(2, 5));
    expect(Array.from(r.labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(r.count).toBe(2);
    expect(r.modularity).toBeCloseTo(19 / 42, 12);
  });

  it('finds each clique of a ring of cliques, and merges neighbours at low resolution', () => {
    const ring = ringOfCliques(10, 5);
    const r = detect(ring, { seed: 3 });
    expect(r.count).toBe(10);
    for (const members of cliqueOf(r.labels, 5)) expect(new Set(members).size).toBe(1);
    // Merging two neighbouring cliques gains 1 - resolution * 21^2 / 220 edges' worth.
    expect(detect(ring, { seed: 3, resolution: 0.4 }).count).toBeLessThan(10);
    expect(detect(ring, { seed: 3, resolution: 0.55 }).count).toBe(10);
  });

  it('recovers a planted partition', () => {
    for (const seed of [1, 2, 3]) {
      const { graph, truth } = plantedPartition({
        communities: 12,
        size: 25,
        edges: 1400,
        inside: 0.9,
        seed,
      });
      const r = detect(graph, { seed });
      expect(normalizedMutualInformation(truth, r.labels)).toBeGreaterThan(0.95);
    }
  });

  it('scores on the karate club as NetworkX does', () => {
    // Over seeds 0..199 NetworkX's louvain_communities scores 0.385 to 0.4198 (the optimum),
    // 0.4155 on average.
    const scores = Array.from({ length: 50 }, (_, seed) => detect(karate, { seed }).modularity);
    expect(Math.min(...scores)).toBeGreaterThan(0.38);
    expect(Math.max(...scores)).toBeCloseTo(0.41979, 5);
    expect(scores.reduce((a, b) => a + b) / scores.length).toBeGreaterThan(0.41);
  });

  it('follows edge weights', () => {
    const square = (strong: number, weak: number) =>
      buildGraph(4, { from: [0, 1, 2, 3], to: [1, 2, 3, 0], weight: [strong, weak, strong, weak] });
    expect(Array.from(detect(square(10, 1)).labels)).toEqual([0, 0, 1, 1]);
    expect(Array.from(detect(square(1, 10)).labels)).toEqual([0, 1, 1, 0]);
  });

  it('leaves isolated nodes alone and numbers communities by size, then smallest member', () => {
    // Nodes 0 and 7 are isolated; a triangle 4-5-6 and an edge 1-2, with node 3 isolated too.
    const g = buildGraph(8, { from: [4, 5, 4, 1], to: [5, 6, 6, 2] });
    const r = detect(g);
    expect(Array.from(r.labels)).toEqual([2, 1, 1, 3, 0, 0, 0, 4]);
    expect(r.count).toBe(5);
    expect(r.modularity).toBeCloseTo(modularity(g, r.labels), 12);
  });

  it('handles graphs without edges or nodes', () => {
    expect(detect(buildGraph(3, { from: [], to: [] }))).toEqual({
      labels: Int32Array.from([0, 1, 2]),
      count: 3,
      modularity: 0,
      levels: 0,
    });
    expect(detect(buildGraph(0, { from: [], to: [] })).count).toBe(0);
  });

  it('gives the same communities for the same seed', () => {
    const { graph } = plantedPartition({
      communities: 30,
      size: 20,
      edges: 2400,
      inside: 0.6,
      seed: 9,
    });
    const a = detect(graph, { seed: 5 });
    const b = detect(graph, { seed: 5 });
    expect(b.labels).toEqual(a.labels);
    expect(b.modularity).toBe(a.modularity);
  });

  it('stops at maxLevels or when a level gains no more than the threshold', () => {
    const ring = ringOfCliques(30, 4);
    const full = detect(ring, { seed: 1 });
    expect(full.levels).toBeGreaterThan(1);
    const one = detect(ring, { seed: 1, maxLevels: 1 });
    expect(one.levels).toBe(1);
    expect(one.modularity).toBeLessThanOrEqual(full.modularity);
    const coarse = detect(ring, { seed: 1, threshold: 1 });
    expect(coarse.levels).toBeLessThan(full.levels);
    expect(coarse.modularity).toBeLessThanOrEqual(full.modularity);
    expect(() => detect(ring, { maxLevels: 0 })).toThrow(RangeError);
    expect(() => detect(ring, { resolution: 0 })).toThrow(RangeError);
  });

  it('reports progress level by level', () => {
    const calls: [number, number][] = [];
    const r = detect(ringOfCliques(30, 4), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls.length).toBe(r.levels + 1);
    expect(calls.at(-2)).toEqual([r.levels, r.levels + 1]);
    expect(calls.at(-1)).toEqual([r.levels, r.levels]);
    for (let i = 1; i < calls.length; i++)
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });
});
