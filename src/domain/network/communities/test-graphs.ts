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
