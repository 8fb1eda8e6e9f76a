import { describe, expect, it } from 'vitest';
import { graphOf, hopDistances, pathGraph, randomGraph } from '../../../../test/support/graphs.js';
import { shortestPath, strongestPath } from './paths.js';

describe('shortestPath', () => {
  it('gives the nodes and edges from a to b', () => {
    const g = pathGraph(5);
    const p = shortestPath(g, 4, 1)!;
    expect([...p.nodes]).toEqual([4, 3, 2, 1]);
    expect([...p.edges].map((e) => [g.edgeU[e], g.edgeV[e]])).toEqual([
      [3, 4],
      [2, 3],
      [1, 2],
    ]);
    expect([...shortestPath(g, 2, 2)!.nodes]).toEqual([2]);
  });

  it('has as many hops as a plain search finds, or is null across components', () => {
    const g = randomGraph(300, 420, 3);
    for (let a = 0; a < 300; a += 13)
      for (let b = 5; b < 300; b += 29) {
        const hops = hopDistances(g, a).get(b);
        const p = shortestPath(g, a, b);
        if (hops === undefined) expect(p).toBeNull();
        else {
          expect(p!.edges.length).toBe(hops);
          expect(p!.nodes[0]).toBe(a);
          expect(p!.nodes.at(-1)).toBe(b);
          p!.edges.forEach((e, k) => {
            const ends = [g.edgeU[e], g.edgeV[e]];
            expect(ends).toContain(p!.nodes[k]);
            expect(ends).toContain(p!.nodes[k + 1]);
          });
        }
      }
  });

  it('respects maxHops and the filters', () => {
    const g = graphOf(6, [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 4],
      [4, 5],
      [5, 3],
    ]);
    expect(shortestPath(g, 0, 3, { maxHops: 2 })).toBeNull();
    expect(shortestPath(g, 0, 3, { maxHops: 3 })!.edges).toHaveLength(3);
    expect([...shortestPath(g, 0, 3, { allowNode: (v) => v !== 1 })!.nodes]).toEqual([0, 4, 5, 3]);
    expect([...shortestPath(g, 0, 3, { allowEdge: (e) => g.edgeU[e] !== 4 })!.nodes]).toEqual([
      0, 1, 2, 3,
    ]);
    expect(shortestPath(g, 0, 3, { allowNode: (v) => v !== 1 && v !== 5 })).toBeNull();
    expect(shortestPath(g, 0, 3, { allowNode: (v) => v !== 3 })).toBeNull();
  });
});

describe('strongestPath', () => {
  // One call between 0 and 1, or a chain of two ties of 99 calls each through 2.
  const g = graphOf(4, [
    [0, 1, 1],
    [0, 2, 99],
    [2, 1, 99],
    [1, 3, 0],
  ]);

  it('prefers a chain of strong ties to one weak tie, where the shortest path does not', () => {
    expect([...shortestPath(g, 0, 1)!.nodes]).toEqual([0, 1]);
    const p = strongestPath(g, 0, 1)!;
    expect([...p.nodes]).toEqual([0, 2, 1]);
    expect(p.edges).toHaveLength(2);
    expect(p.strength).toBeCloseTo(0.99 * 0.99, 12);
    expect(strongestPath(g, 0, 1, { allowNode: (v) => v !== 2 })!.strength).toBe(0.5);
  });

  it('does not travel ties of no weight', () => {
    expect(shortestPath(g, 0, 3)).not.toBeNull();
    expect(strongestPath(g, 0, 3)).toBeNull();
  });

  it('finds the greatest product of strengths (checked by Floyd–Warshall)', () => {
    const r = randomGraph(40, 90, 11);
    const n = r.order;
    const best = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => +(i === j)),
    );
    for (let e = 0; e < r.size; e++) {
      const s = r.edgeWeight[e]! / (r.edgeWeight[e]! + 1);
      best[r.edgeU[e]!]![r.edgeV[e]!] = best[r.edgeV[e]!]![r.edgeU[e]!] = s;
    }
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          best[i]![j] = Math.max(best[i]![j]!, best[i]![k]! * best[k]![j]!);
    for (let a = 0; a < n; a += 3)
      for (let b = 1; b < n; b += 5) {
        const p = strongestPath(r, a, b);
        if (best[a]![b] === 0) expect(p).toBeNull();
        else expect(p!.strength).toBeCloseTo(best[a]![b]!, 12);
      }
  });
});
