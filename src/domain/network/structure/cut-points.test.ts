import { describe, expect, it } from 'vitest';
import { graphOf, pathGraph, randomGraph } from '../../../../test/support/graphs.js';
import { connectedComponents } from './components.js';
import { articulationPoints, bridges } from './cut-points.js';

describe('articulationPoints and bridges', () => {
  // Triangles 0-1-2 and 3-4-5 joined by 2-3; 6 hangs off 5; 7 alone.
  const g = graphOf(8, [
    [0, 1],
    [1, 2],
    [0, 2],
    [2, 3],
    [3, 4],
    [4, 5],
    [3, 5],
    [5, 6],
  ]);
  const ends = (edges: Int32Array) => [...edges].map((e) => [g.edgeU[e], g.edgeV[e]]);

  it('finds them in a known graph', () => {
    expect([...articulationPoints(g)]).toEqual([2, 3, 5]);
    expect(ends(bridges(g))).toEqual([
      [2, 3],
      [5, 6],
    ]);
  });

  it('works on the part the filters leave', () => {
    expect([...articulationPoints(g, { allowNode: (v) => v !== 6 })]).toEqual([2, 3]);
    const withoutTwoThree = { allowEdge: (e: number) => g.edgeU[e] !== 2 || g.edgeV[e] !== 3 };
    expect([...articulationPoints(g, withoutTwoThree)]).toEqual([5]);
    expect(ends(bridges(g, withoutTwoThree))).toEqual([[5, 6]]);
  });

  it('agrees with removing each node and edge on random graphs', () => {
    for (const seed of [4, 5, 6]) {
      const r = randomGraph(60, 80, seed);
      const count = connectedComponents(r).count;
      const points = [];
      for (let v = 0; v < r.order; v++) {
        const without = connectedComponents(r, { allowNode: (u) => u !== v }).count;
        if (without > count - (r.offsets[v + 1] === r.offsets[v] ? 1 : 0)) points.push(v);
      }
      expect([...articulationPoints(r)]).toEqual(points);
      const cut = [];
      for (let e = 0; e < r.size; e++)
        if (connectedComponents(r, { allowEdge: (f) => f !== e }).count > count) cut.push(e);
      expect([...bridges(r)]).toEqual(cut);
    }
  });

  it('handles a path of 100,000 nodes without recursion', () => {
    const p = pathGraph(100_000);
    const points = articulationPoints(p);
    expect(points).toHaveLength(99_998);
    expect(points[0]).toBe(1);
    expect(bridges(p)).toHaveLength(99_999);
  });
});
