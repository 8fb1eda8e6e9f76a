import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph.js';
import { karateClub } from './communities/test-graphs.js';
import { pagerank } from './pagerank.js';

const exact = { tolerance: 1e-12, maxIterations: 1000 };

describe('pagerank', () => {
  // With damping d: a star's centre with k leaves scores (1 + dk) / ((k + 1)(1 + d)); a 3-path's
  // middle (1 + 2d) / (3(1 + d)); the leaves share the rest.
  const star = buildGraph(5, { from: [0, 0, 0, 0], to: [1, 2, 3, 4] });
  const path = buildGraph(3, { from: [0, 1], to: [1, 2] });

  it('scores a star and a path as worked by hand', () => {
    const s = pagerank(star, exact).scores;
    expect(s[0]).toBeCloseTo(4.4 / 9.25, 9);
    for (let v = 1; v < 5; v++) expect(s[v]).toBeCloseTo((1 - 4.4 / 9.25) / 4, 9);
    const p = pagerank(path, exact).scores;
    expect(p[1]).toBeCloseTo(2.7 / 5.55, 9);
    expect(p[0]).toBeCloseTo((1 - 2.7 / 5.55) / 2, 9);
    expect(p[2]).toBeCloseTo(p[0]!, 12);
  });

  it('gives what nx.pagerank gives, at its defaults', () => {
    const s = pagerank(star);
    expect(s.converged).toBe(true);
    expect(s.scores[0]).toBeCloseTo(0.47567668878363595, 12);
    expect(s.scores[1]).toBeCloseTo(0.13108082780409108, 12);
    expect(pagerank(path).scores[1]).toBeCloseTo(0.48648582432442095, 12);
    const karate = pagerank(karateClub());
    expect(karate.scores[0]).toBeCloseTo(0.09700181758983706, 12);
    expect(karate.scores[33]).toBeCloseTo(0.1009179167487121, 12);
  });

  it('follows weights unless told not to', () => {
    // Path 0 -3- 1 -1- 2: the middle sends 3/4 of its walk to 0. With t = (1 - d) / 3, the
    // middle keeps t (1 + 2d) / (1 - d^2); each end gets t plus its share of d times that.
    const weighted = buildGraph(3, { from: [0, 1], to: [1, 2], weight: [3, 1] });
    const middle = ((0.05 * 2.7) / (1 - 0.85 ** 2)) * 0.85;
    const s = pagerank(weighted, exact).scores;
    expect(s[0]).toBeCloseTo(0.05 + 0.75 * middle, 9);
    expect(s[2]).toBeCloseTo(0.05 + 0.25 * middle, 9);
    const plain = pagerank(weighted, { ...exact, weighted: false }).scores;
    expect(plain[0]).toBeCloseTo(plain[2]!, 12);
  });

  it('spreads the walk from an isolated node uniformly, or as personalized', () => {
    // Edge 0-1 and isolated 2: node 2 keeps (1 - d) / 3 / (1 - d / 3).
    const g = buildGraph(3, { from: [0], to: [1] });
    const s = pagerank(g, exact).scores;
    expect(s[2]).toBeCloseTo(0.05 / (1 - 0.85 / 3), 9);
    expect(s[0]).toBeCloseTo((1 - s[2]!) / 2, 9);
    // Jumping to node 0 only on a 3-path: the middle gets d / (1 + d), node 2 d / 2 of that.
    const p = pagerank(path, { ...exact, personalization: Float64Array.from([2, 0, 0]) }).scores;
    expect(p[1]).toBeCloseTo(0.85 / 1.85, 9);
    expect(p[2]).toBeCloseTo((0.85 * 0.85) / 1.85 / 2, 9);
    expect(p[0]).toBeCloseTo(1 - p[1]! - p[2]!, 12);
  });

  it('reports running out of iterations instead of throwing', () => {
    const r = pagerank(star, { maxIterations: 1 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1);
    expect(r.scores.reduce((a, b) => a + b)).toBeCloseTo(1, 14);
  });

  it('rejects a personalization that does not fit', () => {
    expect(() => pagerank(path, { personalization: new Float64Array(2) })).toThrow(RangeError);
    expect(() => pagerank(path, { personalization: new Float64Array(3) })).toThrow(RangeError);
    expect(pagerank(buildGraph(0, { from: [], to: [] })).scores.length).toBe(0);
  });
});
