/** Graphs with known communities, for the community tests and timings. */
import { buildGraph, type Graph } from '../graph.js';
import { seeded } from '../random.js';

/** `count` cliques of `size` nodes (clique i is nodes i*size..), clique i tied to i+1 by one edge. */
export function ringOfCliques(count: number, size: number): Graph {
  const from: number[] = [];
  const to: number[] = [];
  for (let c = 0; c < count; c++) {
    for (let a = 0; a < size; a++)
      for (let b = a + 1; b < size; b++) {
        from.push(c * size + a);
        to.push(c * size + b);
      }
    if (count > 1 && (c + 1 < count || count > 2)) {
      from.push(c * size + size - 1);
      to.push(((c + 1) % count) * size);
    }
  }
  return buildGraph(count * size, { from, to });
}

export interface PlantedOptions {
  communities: number;
  size: number;
  /** Edges drawn; a repeated pair becomes one edge of summed weight. */
  edges: number;
  /** Share of edges drawn inside a community; the rest join two nodes drawn anywhere. */
  inside: number;
  seed: number;
}

/** A planted-partition graph: node v belongs to community floor(v / size). */
export function plantedPartition(o: PlantedOptions): { graph: Graph; truth: Int32Array } {
  const rng = seeded(o.seed);
  const order = o.communities * o.size;
  const from = new Int32Array(o.edges);
  const to = new Int32Array(o.edges);
  for (let i = 0; i < o.edges; i++) {
    const u = Math.floor(rng() * order);
    const inside = rng() < o.inside;
    let v = u;
    while (v === u)
      v = inside ? u - (u % o.size) + Math.floor(rng() * o.size) : Math.floor(rng() * order);
    from[i] = u;
    to[i] = v;
  }
  const truth = new Int32Array(order);
  for (let v = 0; v < order; v++) truth[v] = Math.floor(v / o.size);
  return { graph: buildGraph(order, { from, to }), truth };
}

/** Zachary's karate club, unweighted, as NetworkX's `karate_club_graph` numbers it. */
export function karateClub(): Graph {
  return buildGraph(34, {
    from: KARATE.filter((_, i) => i % 2 === 0),
    to: KARATE.filter((_, i) => i % 2 === 1),
  });
}

const KARATE = [
  0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 10, 0, 11, 0, 12, 0, 13, 0, 17, 0, 19, 0, 21,
  0, 31, 1, 2, 1, 3, 1, 7, 1, 13, 1, 17, 1, 19, 1, 21, 1, 30, 2, 3, 2, 7, 2, 8, 2, 9, 2, 13, 2, 27,
  2, 28, 2, 32, 3, 7, 3, 12, 3, 13, 4, 6, 4, 10, 5, 6, 5, 10, 5, 16, 6, 16, 8, 30, 8, 32, 8, 33, 9,
  33, 13, 33, 14, 32, 14, 33, 15, 32, 15, 33, 18, 32, 18, 33, 19, 33, 20, 32, 20, 33, 22, 32, 22,
  33, 23, 25, 23, 27, 23, 29, 23, 32, 23, 33, 24, 25, 24, 27, 24, 31, 25, 31, 26, 29, 26, 33, 27,
  33, 28, 31, 28, 33, 29, 32, 29, 33, 30, 32, 30, 33, 31, 32, 31, 33, 32, 33,
];
