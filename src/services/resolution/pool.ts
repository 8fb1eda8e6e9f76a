import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Request, Response } from './protocol.js';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

// Built, the worker is worker.js. From source (tests, tsx) it is a .ts file: a small bootstrap
// registers tsx's loader in the worker's thread first (loaders given in execArgv do not reach
// worker threads on Node 20).
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
const SOURCE_BOOTSTRAP = `import('tsx/esm/api').then((tsx) => { tsx.register();
  return import(${JSON.stringify(WORKER_URL.href)}); });`;

/** Resolver workers: one per core, each holding every prepared record. */
export class WorkerPool {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private constructor(readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (res: Response) => {
        const p = this.pending.get(res.id);
        if (!p) return;
        this.pending.delete(res.id);
        if (res.error !== undefined) p.reject(new Error(`resolver worker: ${res.error}`));
        else p.resolve(res.result);
      });
      w.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
    }
  }

  static start(size = Math.max(1, Math.min(availableParallelism(), 8))): WorkerPool {
    return new WorkerPool(
      Array.from({ length: size }, () =>
        fromSource ? new Worker(SOURCE_BOOTSTRAP, { eval: true }) : new Worker(WORKER_URL),
      ),
    );
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends one request to worker `index`; transferables move instead of being copied. */
  ask<T>(index: number, req: DistributiveOmit<Request, 'id'>, transfer: ArrayBuffer[] = []) {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.workers[index]!.postMessage({ ...req, id }, transfer);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
