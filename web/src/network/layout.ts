import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { NetworkGraph } from './store';

export interface LayoutJob {
  id: number;
  /** x, y of each node in turn. */
  positions: Float32Array;
  /** Node indices of each tie in turn. */
  edges: Uint32Array;
  iterations: number;
}

export interface LayoutStep {
  id: number;
  positions: Float32Array;
  done: boolean;
}

/** Fewer iterations as the graph grows: a few hundred for a ring, a hundred for thousands. */
const iterationsFor = (order: number) => (order <= 500 ? 300 : order <= 2000 ? 160 : 90);

/**
 * Runs ForceAtlas2 in a web worker and moves the nodes as it goes. Without workers (or if the
 * worker fails) a short synchronous run on small graphs stands in.
 */
export class LayoutRunner {
  private worker: Worker | null = null;
  private job = 0;
  private index = new Map<string, number>();

  constructor(
    private readonly graph: NetworkGraph,
    private readonly onRunning: (running: boolean) => void,
  ) {}

  start(): void {
    const g = this.graph;
    if (g.order < 3) return;
    const nodes = g.nodes();
    const index = new Map(nodes.map((n, i) => [n, i]));
    const positions = new Float32Array(nodes.length * 2);
    nodes.forEach((n, i) => {
      const a = g.getNodeAttributes(n);
      positions[2 * i] = a.x;
      positions[2 * i + 1] = a.y;
    });
    const edges = new Uint32Array(g.size * 2);
    let j = 0;
    g.forEachEdge((_, __, s, t) => {
      edges[j++] = index.get(s)!;
      edges[j++] = index.get(t)!;
    });
    const id = ++this.job;
    this.index = index;
    const worker = this.ensureWorker();
    if (!worker) return this.fallback();
    this.onRunning(true);
    const job: LayoutJob = { id, positions, edges, iterations: iterationsFor(nodes.length) };
    worker.postMessage(job, [positions.buffer, edges.buffer]);
  }

  stop(): void {
    this.job++;
    this.worker?.postMessage({
      id: this.job,
      positions: new Float32Array(0),
      edges: new Uint32Array(0),
      iterations: 0,
    });
    this.onRunning(false);
  }

  kill(): void {
    this.job++;
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<LayoutStep>) => this.apply(e.data);
      worker.onerror = () => {
        worker.terminate();
        this.worker = null;
        this.fallback();
      };
      this.worker = worker;
      return worker;
    } catch {
      return null;
    }
  }

  private apply(step: LayoutStep): void {
    if (step.id !== this.job) return;
    const g = this.graph;
    const index = this.index;
    g.updateEachNodeAttributes(
      (n, a) => {
        const i = index.get(n);
        if (i !== undefined) {
          a.x = step.positions[2 * i]!;
          a.y = step.positions[2 * i + 1]!;
        }
        return a;
      },
      { attributes: ['x', 'y'] },
    );
    if (step.done) this.onRunning(false);
  }

  private fallback(): void {
    if (this.graph.order <= 1500)
      forceAtlas2.assign(this.graph, {
        iterations: 60,
        settings: forceAtlas2.inferSettings(this.graph),
        getEdgeWeight: null,
      });
    this.onRunning(false);
  }
}
