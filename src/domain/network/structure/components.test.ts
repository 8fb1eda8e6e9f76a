import { describe, expect, it } from 'vitest';
import { graphOf } from '../../../../test/support/graphs.js';
import { connectedComponents } from './components.js';

describe('connectedComponents', () => {
  // {0, 5} | {1, 2, 3} joined in a chain 1-2-3 | {4} alone | {6, 7}
  const g = graphOf(8, [
    [0, 5],
    [1, 2],
    [2, 3],
    [6, 7],
  ]);

  it('numbers components by decreasing size, ties by their smallest node', () => {
    const c = connectedComponents(g);
    expect(c.count).toBe(4);
    expect(c.sizes).toEqual([3, 2, 2, 1]);
    expect([...c.labels]).toEqual([1, 0, 0, 0, 3, 1, 2, 2]);
  });

  it('labels excluded nodes −1 and splits at excluded nodes and edges', () => {
    const withoutTwo = connectedComponents(g, { allowNode: (v) => v !== 2 });
    expect(withoutTwo.sizes).toEqual([2, 2, 1, 1, 1]);
    expect(withoutTwo.labels[2]).toBe(-1);
    const cutEdge = connectedComponents(g, { allowEdge: (e) => g.edgeU[e] !== 2 });
    expect(cutEdge.sizes).toEqual([2, 2, 2, 1, 1]);
    expect(cutEdge.labels[1]).toBe(cutEdge.labels[2]);
    expect(cutEdge.labels[3]).not.toBe(cutEdge.labels[2]);
  });
});
