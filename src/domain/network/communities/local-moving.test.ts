import { describe, expect, it } from 'vitest';
import { seeded } from '../random.js';
import { levelOf, totalWeight } from './level.js';
import { moveNodes } from './local-moving.js';
import { modularity } from './modularity.js';
import { plantedPartition } from './test-graphs.js';

describe('moveNodes', () => {
  const { graph } = plantedPartition({
    communities: 8,
    size: 12,
    edges: 400,
    inside: 0.5,
    seed: 8,
  });
  const level = levelOf(graph);
  const twiceM = totalWeight(level);

  it('stops where no single move raises modularity, and reports what it gained', () => {
    for (const resolution of [0.5, 1, 3]) {
      const community = Int32Array.from({ length: graph.order }, (_, v) => v);
      const before = modularity(graph, community, resolution);
      const gained = moveNodes(level, community, resolution / twiceM, seeded(1));
      const after = modularity(graph, community, resolution);
      expect(after - before).toBeCloseTo((2 * gained) / twiceM, 12);
      // Try every node in every community, an empty one included.
      const trial = community.slice();
      const unused = graph.order - 1;
      expect(community.includes(unused)).toBe(false);
      for (let v = 0; v < graph.order; v++) {
        for (const c of [...new Set(community), unused]) {
          trial[v] = c;
          expect(modularity(graph, trial, resolution)).toBeLessThanOrEqual(after + 1e-12);
        }
        trial[v] = community[v]!;
      }
    }
  });
});
