import { buildGraph, type Graph } from '../../src/domain/network/graph.js';
import { seeded } from '../../src/domain/network/random.js';

/** A graph from [u, v] or [u, v, weight] ties. */
export function graphOf(order: number, ties: readonly (readonly number[])[]): Graph {
  return buildGraph(order, {
    from: ties.map((t) => t[0]!),
    to: ties.map((t) => t[1]!),
    weight: ties.map((t) => t[2] ?? 1),
  });
}

export function pathGraph(n: number): Graph {
  return graphOf(
    n,
    Array.from({ length: n - 1 }, (_, i) => [i, i + 1]),
  );
}

/** Node 0 tied to each of the `leaves` others. */
export function starGraph(leaves: number): Graph {
  return graphOf(
    leaves + 1,
    Array.from({ length: leaves }, (_, i) => [0, i + 1]),
  );
}

/** NetworkX's barbell_graph(m, bridge): two m-cliques joined by a path of `bridge` nodes. */
export function barbellGraph(m: number, bridge: number): Graph {
  const ties: number[][] = [];
  for (const base of [0, m + bridge])
    for (let u = 0; u < m; u++) for (let v = u + 1; v < m; v++) ties.push([base + u, base + v]);
  for (let v = m - 1; v < m + bridge; v++) ties.push([v, v + 1]);
  return graphOf(2 * m + bridge, ties);
}

/** `size` random ties among `order` nodes, weights 1..5 (loops and repeats merged away). */
export function randomGraph(order: number, size: number, seed: number): Graph {
  const rng = seeded(seed);
  const pick = () => Math.floor(rng() * order);
  return graphOf(
    order,
    Array.from({ length: size }, () => [pick(), pick(), 1 + Math.floor(rng() * 5)]),
  );
}

/** Hops from `seed` to every node it reaches, by the textbook search. */
export function hopDistances(g: Graph, seed: number): Map<number, number> {
  const dist = new Map([[seed, 0]]);
  const queue = [seed];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (let h = g.offsets[v]!; h < g.offsets[v + 1]!; h++) {
      const w = g.targets[h]!;
      if (!dist.has(w)) {
        dist.set(w, dist.get(v)! + 1);
        queue.push(w);
      }
    }
  }
  return dist;
}
