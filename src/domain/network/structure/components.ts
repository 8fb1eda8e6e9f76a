import type { Graph } from '../graph.js';
import { expand, withSearch, type Filter } from './traversal.js';

export interface Components {
  /** Each node's component, −1 for a node the filter excludes. */
  labels: Int32Array;
  /** Nodes per component; component 0 is the largest, ties in order of their smallest node. */
  sizes: number[];
  count: number;
}

export function connectedComponents(g: Graph, options: Filter = {}): Components {
  return withSearch(g, (search) => {
    // Every component is one stretch of the search queue, starting at its smallest node.
    const starts: number[] = [];
    for (let r = 0; r < g.order; r++) {
      if (search.has(r) || (options.allowNode && !options.allowNode(r))) continue;
      starts.push(search.length);
      search.add(r, -1);
      expand(g, search, search.length - 1, Infinity, options);
    }
    starts.push(search.length);
    const found = starts.length - 1;
    const bySize = Array.from({ length: found }, (_, c) => c).sort(
      (x, y) => starts[y + 1]! - starts[y]! - (starts[x + 1]! - starts[x]!) || x - y,
    );
    const labels = new Int32Array(g.order).fill(-1);
    const sizes = bySize.map((c, label) => {
      for (let i = starts[c]!; i < starts[c + 1]!; i++) labels[search.queue[i]!] = label;
      return starts[c + 1]! - starts[c]!;
    });
    return { labels, sizes, count: found };
  });
}
