import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutJob, LayoutStep } from './layout';

// ForceAtlas2 off the main thread: the page stays responsive while thousands of nodes settle.
// Each batch of iterations sends the positions back, so the drawing moves as it settles; a new
// job replaces the one in progress.

const BATCH = 15;
let current = 0;

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<LayoutJob>) => void) | null;
  postMessage: (message: LayoutStep, transfer: Transferable[]) => void;
};

scope.onmessage = (e) => {
  const job = e.data;
  current = job.id;
  if (job.iterations <= 0) return;
  const n = job.positions.length / 2;
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++)
    graph.addNode(i, { x: job.positions[2 * i], y: job.positions[2 * i + 1] });
  for (let j = 0; j + 1 < job.edges.length; j += 2) graph.mergeEdge(job.edges[j], job.edges[j + 1]);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 800 };
  let done = 0;
  const step = () => {
    if (current !== job.id) return;
    const k = Math.min(BATCH, job.iterations - done);
    forceAtlas2.assign(graph, { iterations: k, settings, getEdgeWeight: null });
    done += k;
    const positions = new Float32Array(n * 2);
    graph.forEachNode((key, a) => {
      const i = Number(key);
      positions[2 * i] = a.x as number;
      positions[2 * i + 1] = a.y as number;
    });
    scope.postMessage({ id: job.id, positions, done: done >= job.iterations }, [positions.buffer]);
    if (done < job.iterations) setTimeout(step, 0);
  };
  step();
};
