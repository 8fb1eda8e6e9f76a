import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors.js';
import type { Graph } from '../../domain/network/graph.js';
import { runTask, type Task, type TaskResult } from './analysis-tasks.js';
import type { WorkerReply, WorkerRequest } from './analysis-worker.js';

// Built, the worker is analysis-worker.js; from source (tests, tsx) a bootstrap registers tsx's
// loader in the worker's thread first, as the resolver's pool does.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(
  fromSource ? './analysis-worker.ts' : './analysis-worker.js',
  import.meta.url,
);
const SOURCE_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register();
  return import(${JSON.stringify(WORKER_URL.href)}); });`;

/**
 * Graphs smaller than this run on the calling thread: a worker's start and hand-over cost more
 * than the analysis, and the answer is the same either way.
 */
export const WORKER_MIN_EDGES = 50_000;

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the analysis (its worker is stopped) and rejects with `cancelled`. */
  signal?: AbortSignal;
  /** Run on a worker whatever the size (tests). */
  forceWorker?: boolean;
}

const idle: Worker[] = [];
let nextId = 1;

function startWorker(): Worker {
  const w = fromSource ? new Worker(SOURCE_BOOTSTRAP, { eval: true }) : new Worker(WORKER_URL);
  // An idle worker must not keep a command-line run alive after its answer.
  w.unref();
  return w;
}

const cancelled = () => new AppError('cancelled');

/**
 * Runs an analysis on a worker thread (the graph's arrays are SharedArrayBuffers, so nothing is
 * copied), keeping the main thread free to serve other requests; small graphs run in place.
 * At most one worker per core is kept.
 */
export function runAnalysis<T extends Task>(
  g: Graph,
  task: T,
  options: RunOptions = {},
): Promise<TaskResult<T>> {
  const { onProgress, signal } = options;
  if (signal?.aborted) return Promise.reject(cancelled());
  if (g.size < WORKER_MIN_EDGES && !options.forceWorker)
    return Promise.resolve().then(() => runTask(g, task, onProgress));
  const worker = idle.pop() ?? startWorker();
  const id = nextId++;
  return new Promise<TaskResult<T>>((resolve, reject) => {
    const finish = (keep: boolean) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
      if (keep && idle.length < availableParallelism()) idle.push(worker);
      else void worker.terminate();
    };
    const onMessage = (m: WorkerReply) => {
      if (m.id !== id) return;
      if (m.type === 'progress') return onProgress?.(m.done, m.total);
      finish(true);
      if (m.type === 'done') resolve(m.result as TaskResult<T>);
      else reject(new Error(`network analysis: ${m.message}`));
    };
    const onError = (err: Error) => {
      finish(false);
      reject(err);
    };
    const onAbort = () => {
      finish(false);
      reject(cancelled());
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({ id, graph: g, task } satisfies WorkerRequest);
  });
}
