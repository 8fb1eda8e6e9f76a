/** A worker of the analysis pool: runs one task at a time on a graph shared with the main thread. */
import { parentPort } from 'node:worker_threads';
import type { Graph } from '../../domain/network/graph.js';
import { runTask, type Task } from './analysis-tasks.js';

export type WorkerRequest = { id: number; graph: Graph; task: Task };
export type WorkerReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'error'; message: string };

parentPort!.on('message', ({ id, graph, task }: WorkerRequest) => {
  try {
    const result = runTask(graph, task, (done, total) =>
      parentPort!.postMessage({ id, type: 'progress', done, total } satisfies WorkerReply),
    );
    parentPort!.postMessage({ id, type: 'done', result } satisfies WorkerReply);
  } catch (err) {
    parentPort!.postMessage({
      id,
      type: 'error',
      message: (err as Error).message,
    } satisfies WorkerReply);
  }
});
