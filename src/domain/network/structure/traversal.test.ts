import { describe, expect, it } from 'vitest';
import {
  graphOf,
  hopDistances,
  pathGraph,
  randomGraph,
  starGraph,
} from '../../../../test/support/graphs.js';
import { neighbourhood } from './traversal.js';

describe('neighbourhood', () => {
  it('returns the nodes within the hops in breadth-first order, with distances and edges', () => {
    const g = pathGraph(10);
    const n = neighbourhood(g, [0, 9], 2);
    expect([...n.nodes]).toEqual([0, 9, 1, 8, 2, 7]);
    expect([...n.distance]).toEqual([0, 0, 1, 1, 2, 2]);
    expect([...n.edges].map((e) => [g.edgeU[e], g.edgeV[e]])).toEqual([
      [0, 1],
      [1, 2],
      [7, 8],
      [8, 9],
    ]);
    expect(n.truncated).toBe(false);
    expect([...neighbourhood(g, [4], 0).nodes]).toEqual([4]);
  });

  it('includes the ties between the outermost nodes', () => {
    const g = graphOf(4, [
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 3],
    ]);
    expect(neighbourhood(g, [0], 1).edges).toHaveLength(3);
  });

  it('goes around excluded nodes and edges, and drops excluded seeds', () => {
    // 0 reaches 2 through 1 (one edge each way) or through 3.
    const g = graphOf(5, [
      [0, 1],
      [1, 2],
      [0, 3],
      [3, 2],
      [2, 4],
    ]);
    const viaThree = neighbourhood(g, [0], 2, { allowNode: (v) => v !== 1 });
    expect([...viaThree.nodes]).toEqual([0, 3, 2]);
    const blocked = neighbourhood(g, [0], 2, {
      allowEdge: (e) => g.edgeU[e] !== 0 || g.edgeV[e] !== 3,
    });
    expect([...blocked.nodes]).toEqual([0, 1, 2]);
    expect(neighbourhood(g, [1], 3, { allowNode: (v) => v !== 1 }).nodes).toHaveLength(0);
  });

  it('stops at maxNodes, nearest first, and says so only when something was left out', () => {
    const g = starGraph(10);
    const cut = neighbourhood(g, [0], 1, { maxNodes: 4 });
    expect([...cut.nodes]).toEqual([0, 1, 2, 3]);
    expect(cut.truncated).toBe(true);
    expect(neighbourhood(g, [0], 1, { maxNodes: 11 }).truncated).toBe(false);
    expect(neighbourhood(g, [1, 2, 3], 1, { maxNodes: 2 }).truncated).toBe(true);
  });

  it('agrees with a plain search on a random graph, query after query', () => {
    const g = randomGraph(400, 900, 7);
    for (let s = 0; s < 400; s += 7) {
      const expected = [...hopDistances(g, s)]
        .filter(([, d]) => d <= 2)
        .sort((a, b) => a[0] - b[0]);
      const n = neighbourhood(g, [s], 2);
      const found = [...n.nodes].map((v, i) => [v, n.distance[i]!]).sort((a, b) => a[0]! - b[0]!);
      expect(found).toEqual(expected);
    }
  });

  it('lets a filter query the same graph while a search is open', () => {
    const g = pathGraph(6);
    const nearZero = (v: number) => neighbourhood(g, [0], 2).nodes.includes(v);
    expect([...neighbourhood(g, [1], 5, { allowNode: nearZero }).nodes]).toEqual([1, 0, 2]);
  });
});
