import { describe, expect, it } from 'vitest';
import { barbellGraph, pathGraph, randomGraph } from '../../../../test/support/graphs.js';
import { globalEfficiency } from './efficiency.js';

describe('globalEfficiency', () => {
  // Expected values are NetworkX's global_efficiency.
  it('matches NetworkX, on the subgraph the filter leaves', () => {
    expect(globalEfficiency(barbellGraph(4, 1))).toEqual({
      value: expect.closeTo(0.6041666666666666, 12),
      exact: true,
      samples: 9,
    });
    expect(globalEfficiency(pathGraph(5)).value).toBeCloseTo(0.6416666666666667, 12);
    // Without the middle: 0-1 and 3-4, 4 of 12 ordered pairs at distance 1.
    expect(globalEfficiency(pathGraph(5), { allowNode: (v) => v !== 2 }).value).toBeCloseTo(
      1 / 3,
      12,
    );
    expect(globalEfficiency(pathGraph(5), { allowNode: (v) => v === 2 }).value).toBe(0);
  });

  it('estimates from sampled sources within the stated bound', () => {
    const g = randomGraph(600, 1200, 8);
    const exact = globalEfficiency(g);
    const sampled = globalEfficiency(g, { samples: 60, seed: 2 });
    expect(sampled.exact).toBe(false);
    expect(sampled.samples).toBe(60);
    expect(Math.abs(sampled.value - exact.value)).toBeLessThan(sampled.errorBound!);
    expect(globalEfficiency(g, { pivots: [0, 1, 2], allowNode: (v) => v !== 1 }).samples).toBe(2);
  });
});
