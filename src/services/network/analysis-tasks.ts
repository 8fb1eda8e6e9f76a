import type { Graph } from '../../domain/network/graph.js';
import { leiden } from '../../domain/network/communities/leiden.js';
import { louvain } from '../../domain/network/communities/louvain.js';
import type { CommunityResult } from '../../domain/network/communities/result.js';
import { pagerank } from '../../domain/network/pagerank.js';
import { betweennessChunk } from '../../domain/network/structure/betweenness.js';
import {
  disrupt,
  type Disruption,
  type DisruptOptions,
} from '../../domain/network/structure/disruption.js';

/** The analyses long enough to run off the main thread, as messages a worker understands. */
export type Task =
  | { kind: 'communities'; algorithm: 'louvain' | 'leiden'; resolution: number; seed: number }
  | { kind: 'betweenness'; pivots: Int32Array; start: number; end: number }
  | { kind: 'pagerank' }
  | { kind: 'disrupt'; options: Omit<DisruptOptions, 'onProgress'> };

export type TaskResult<T extends Task> = T extends { kind: 'communities' }
  ? CommunityResult
  : T extends { kind: 'betweenness' }
    ? Float64Array
    : T extends { kind: 'pagerank' }
      ? Float64Array
      : Disruption;

/** Runs a task on a graph, wherever it is called from: the pool's workers and the main thread. */
export function runTask<T extends Task>(
  g: Graph,
  task: T,
  onProgress?: (done: number, total: number) => void,
): TaskResult<T> {
  switch (task.kind) {
    case 'communities': {
      const run = task.algorithm === 'leiden' ? leiden : louvain;
      return run(g, { resolution: task.resolution, seed: task.seed, onProgress }) as TaskResult<T>;
    }
    case 'betweenness':
      return betweennessChunk(g, task.pivots, task.start, task.end, onProgress) as TaskResult<T>;
    case 'pagerank':
      return pagerank(g).scores as TaskResult<T>;
    case 'disrupt':
      return disrupt(g, { ...task.options, onProgress }) as TaskResult<T>;
  }
  throw new RangeError('unknown task');
}
