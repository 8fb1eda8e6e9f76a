import { describe, expect, it } from 'vitest';
import { graphOf, randomGraph } from '../../../../test/support/graphs.js';
import type { Graph } from '../graph.js';
import { coreNumbers, kCore } from './kcore.js';

/** The definition: peel nodes of degree below k until none is left, for k = 1, 2, … */
function peeled(g: Graph): number[] {
  const core = new Array<number>(g.order).fill(0);
  const alive = new Set(Array.from({ length: g.order }, (_, v) => v));
  for (let k = 1; alive.size > 0; k++) {
    for (let changed = true; changed;) {
      changed = false;
      for (const v of alive) {
        let d = 0;
        for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) if (alive.has(g.targets[h]!)) d++;
        if (d < k) {
          alive.delete(v);
          changed = true;
        }
      }
    }
    for (const v of alive) core[v] = k;
  }
  return core;
}

describe('coreNumbers', () => {
  it('gives the core numbers of a known graph', () => {
    // A 4-clique; 4 tied to two of it; 5 hangs off 4; 6 alone.
    const g = graphOf(7, [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
      [4, 0],
      [4, 1],
      [5, 4],
    ]);
    expect([...coreNumbers(g)]).toEqual([3, 3, 3, 3, 2, 1, 0]);
    expect([...kCore(g, 2)]).toEqual([0, 1, 2, 3, 4]);
    expect([...kCore(g, 4)]).toEqual([]);
  });

  it('agrees with peeling on random graphs', () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGraph(120, 400, seed);
      expect([...coreNumbers(g)]).toEqual(peeled(g));
    }
  });
});
