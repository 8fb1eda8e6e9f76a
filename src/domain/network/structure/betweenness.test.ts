import { describe, expect, it } from 'vitest';
import {
  barbellGraph,
  pathGraph,
  randomGraph,
  starGraph,
} from '../../../../test/support/graphs.js';
import { betweenness, betweennessChunk, scaleBetweenness } from './betweenness.js';

const close = (actual: Float64Array, expected: number[]) =>
  expected.forEach((x, v) => expect(actual[v]).toBeCloseTo(x, 12));

describe('betweenness', () => {
  // Expected values are NetworkX 3.6's betweenness_centrality on the same graphs.
  it('matches NetworkX on a path, a star and a barbell', () => {
    close(betweenness(pathGraph(5)).scores, [0, 0.5, 2 / 3, 0.5, 0]);
    close(betweenness(pathGraph(5), { normalized: false }).scores, [0, 3, 4, 3, 0]);
    close(betweenness(starGraph(4)).scores, [1, 0, 0, 0, 0]);
    // barbell_graph(4, 1): cliques 0-3 and 5-8, 4 between them.
    const barbell = betweenness(barbellGraph(4, 1));
    close(barbell.scores, [0, 0, 0, 15 / 28, 16 / 28, 15 / 28, 0, 0, 0]);
    expect(barbell).toMatchObject({ exact: true, samples: 9 });
    expect(barbell.errorBound).toBeUndefined();
    close(
      betweenness(barbellGraph(4, 1), { normalized: false }).scores,
      [0, 0, 0, 15, 16, 15, 0, 0, 0],
    );
  });

  it('scales sampled scores as NetworkX does, pivots apart', () => {
    const pivots = Int32Array.of(0, 2);
    close(betweenness(pathGraph(5), { pivots }).scores, [0, 2 / 3, 2 / 3, 1 / 3, 0]);
    close(betweenness(pathGraph(5), { pivots, normalized: false }).scores, [0, 4, 4, 2, 0]);
    const sampled = betweenness(barbellGraph(4, 1), { pivots: Int32Array.of(0, 4, 6) });
    close(
      sampled.scores,
      [0, 0, 0, 0.5238095238095237, 0.5714285714285714, 0.5238095238095237, 0, 0, 0],
    );
    expect(sampled.errorBound).toBeCloseTo(Math.sqrt(Math.log(40) / 4), 12);
  });

  it('gives the exact scores, to the bit, from all nodes as pivots in any order', () => {
    const g = randomGraph(200, 500, 1);
    const exact = betweenness(g);
    const shuffled = betweenness(g, { samples: 150, seed: 9 }).scores;
    expect(shuffled).not.toEqual(exact.scores);
    const everyone = Int32Array.from({ length: 200 }, (_, v) => (v * 37) % 200);
    expect(betweenness(g, { pivots: everyone })).toEqual(exact);
    expect(betweenness(g, { samples: 500, seed: 4 })).toEqual(exact);
  });

  it('adds up chunks, split anywhere and summed in any order, to one run', () => {
    const g = randomGraph(300, 700, 2);
    const whole = betweenness(g, { samples: 60, seed: 5 });
    const pivots = Int32Array.from({ length: 300 }, (_, v) => v)
      .sort((a, b) => ((a * 7919) % 300) - ((b * 7919) % 300))
      .slice(0, 60);
    expect(betweenness(g, { pivots }).scores).not.toEqual(whole.scores);
    const { scores } = betweenness(g, { pivots });
    for (const split of [1, 17, 30, 59]) {
      const first = betweennessChunk(g, pivots, 0, split);
      const second = betweennessChunk(g, pivots, split, 60);
      const sum = second.map((x, v) => x + first[v]!);
      expect(scaleBetweenness(g.order, sum, pivots)).toEqual(scores);
    }
  });

  it('estimates within the stated bound, and reports progress about 100 times', () => {
    const g = randomGraph(500, 1500, 3);
    const exact = betweenness(g).scores;
    const calls: number[][] = [];
    const sampled = betweenness(g, {
      samples: 250,
      seed: 1,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(sampled.exact).toBe(false);
    const worst = Math.max(...exact.map((x, v) => Math.abs(x - sampled.scores[v]!)));
    expect(worst).toBeLessThan(sampled.errorBound!);
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toEqual([250, 250]);
  });
});
