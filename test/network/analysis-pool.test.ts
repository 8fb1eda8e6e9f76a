import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { louvain } from '../../src/domain/network/communities/louvain.js';
import { buildGraph } from '../../src/domain/network/graph.js';
import { seeded } from '../../src/domain/network/random.js';
import { runAnalysis } from '../../src/services/network/analysis-pool.js';

/** Rings of cliques, shared with workers: communities are known. */
function cliques(count: number, size: number) {
  const from: number[] = [];
  const to: number[] = [];
  for (let c = 0; c < count; c++) {
    for (let i = 0; i < size; i++)
      for (let j = i + 1; j < size; j++) {
        from.push(c * size + i);
        to.push(c * size + j);
      }
    from.push(c * size);
    to.push(((c + 1) % count) * size + 1);
  }
  return buildGraph(count * size, { from, to }, { shared: true });
}

function random(order: number, size: number) {
  const rng = seeded(7);
  const from = Array.from({ length: size }, () => Math.floor(rng() * order));
  const to = Array.from({ length: size }, () => Math.floor(rng() * order));
  return buildGraph(order, { from, to }, { shared: true });
}

describe('the analysis pool', () => {
  it('gives on a worker exactly what the analysis gives in place, with progress', async () => {
    const g = cliques(30, 8);
    const progress: number[] = [];
    const found = await runAnalysis(
      g,
      { kind: 'communities', algorithm: 'louvain', resolution: 1, seed: 1 },
      { forceWorker: true, onProgress: (done) => progress.push(done) },
    );
    const inPlace = louvain(g, { seed: 1 });
    expect(found.count).toBe(30);
    expect([...found.labels]).toEqual([...inPlace.labels]);
    expect(found.modularity).toBe(inPlace.modularity);
    expect(progress.length).toBeGreaterThan(0);
  }, 60_000);

  it('stops the worker when the asker calls it off', async () => {
    const g = random(60_000, 300_000);
    const controller = new AbortController();
    const running = runAnalysis(
      g,
      {
        kind: 'betweenness',
        pivots: Int32Array.from({ length: 60_000 }, (_, i) => i),
        start: 0,
        end: 60_000,
      },
      { forceWorker: true, signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    const err = await running.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('cancelled');
    // The pool still works after a cancelled run.
    const again = await runAnalysis(cliques(3, 4), { kind: 'pagerank' }, { forceWorker: true });
    expect(again.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  }, 60_000);
});
