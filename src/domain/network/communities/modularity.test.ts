import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph.js';
import { modularity } from './modularity.js';
import { ringOfCliques } from './test-graphs.js';

describe('modularity', () => {
  // Two 5-cliques and a bridge: m = 21, each clique holds 10 edges and strength 21.
  const twoCliques = ringOfCliques(2, 5);
  const byClique = Int32Array.from({ length: 10 }, (_, v) => (v < 5 ? 0 : 1));

  it('matches the hand-computed value for two cliques joined by one edge', () => {
    expect(modularity(twoCliques, byClique)).toBeCloseTo(2 * (10 / 21 - 0.25), 14);
    expect(modularity(twoCliques, byClique, 0.5)).toBeCloseTo(20 / 21 - 0.25, 14);
  });

  it('scores singletons by their strengths alone and one community by the resolution', () => {
    // Eight nodes of strength 4 and the two bridge ends of strength 5, out of 2m = 42.
    const singletons = Int32Array.from({ length: 10 }, (_, v) => v);
    expect(modularity(twoCliques, singletons)).toBeCloseTo(-(8 * 16 + 2 * 25) / 42 ** 2, 14);
    expect(modularity(twoCliques, new Int32Array(10))).toBeCloseTo(0, 14);
    expect(modularity(twoCliques, new Int32Array(10), 2)).toBeCloseTo(-1, 14);
  });

  it('weighs edges', () => {
    // 0-1 (2), 1-2 (1), 0-2 (1), 2-3 (4): m = 8; {0,1} holds 2 with strength 6, {2,3} 4 with 10.
    const g = buildGraph(4, { from: [0, 1, 0, 2], to: [1, 2, 2, 3], weight: [2, 1, 1, 4] });
    expect(modularity(g, Int32Array.from([0, 0, 1, 1]))).toBeCloseTo(6 / 8 - (36 + 100) / 256, 14);
  });

  it('ignores how communities are numbered', () => {
    const renamed = byClique.map((c) => (c === 0 ? 9 : 5));
    expect(modularity(twoCliques, renamed)).toBe(modularity(twoCliques, byClique));
  });

  it('rejects labels that do not fit the graph', () => {
    expect(() => modularity(twoCliques, new Int32Array(9))).toThrow(RangeError);
    expect(() =>
      modularity(
        twoCliques,
        byClique.map((c) => c - 1),
      ),
    ).toThrow(RangeError);
    expect(modularity(buildGraph(2, { from: [], to: [] }), new Int32Array(2))).toBe(0);
  });
});
