import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterRecords, components, type ClusterInput } from './cluster.js';

/** A random group: pair weights, hard conflicts and analysts' decisions among n records. */
const group = fc.integer({ min: 2, max: 9 }).chain((n) => {
  const pairs: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
  return fc.record({
    n: fc.constant(n),
    weights: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), {
      minLength: pairs.length,
      maxLength: pairs.length,
    }),
    conflicts: fc.array(
      fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
      {
        minLength: pairs.length,
        maxLength: pairs.length,
      },
    ),
    judgements: fc.array(
      fc.record({
        pair: fc.integer({ min: 0, max: pairs.length - 1 }),
        same: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    pairs: fc.constant(pairs),
  });
});

type Group = typeof group extends fc.Arbitrary<infer T> ? T : never;

function inputOf(g: Group, order: number[] = g.pairs.map((_, i) => i)): ClusterInput {
  const index = (a: number, b: number) => g.pairs.findIndex(([x, y]) => x === a && y === b);
  return {
    n: g.n,
    edges: order
      .filter((i) => g.weights[i]! >= 3)
      .map((i) => ({ a: g.pairs[i]![0], b: g.pairs[i]![1], weight: g.weights[i]! })),
    evidence: (i, j) => {
      const k = index(Math.min(i, j), Math.max(i, j));
      return { weight: g.weights[k]!, conflict: g.conflicts[k]! };
    },
    judgements: g.judgements.map((j) => ({
      a: g.pairs[j.pair]![0],
      b: g.pairs[j.pair]![1],
      same: j.same,
    })),
    matchWeight: 3,
  };
}

/** The decision in force on each pair: the later one replaces the earlier. */
function verdicts(g: Group): Map<number, boolean> {
  const m = new Map<number, boolean>();
  for (const j of g.judgements) m.set(j.pair, j.same);
  return m;
}

describe('clusterRecords', () => {
  it('does not depend on the order the pairs come in', () => {
    fc.assert(
      fc.property(
        group.chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.shuffledSubarray(
              g.pairs.map((_, i) => i),
              {
                minLength: g.pairs.length,
              },
            ),
          ),
        ),
        ([g, order]) => {
          expect([...clusterRecords(inputOf(g, order))]).toEqual([...clusterRecords(inputOf(g))]);
        },
      ),
    );
  });

  it('never undoes an analyst: "different" pairs stay apart', () => {
    fc.assert(
      fc.property(group, (g) => {
        const labels = clusterRecords(inputOf(g));
        for (const [pair, same] of verdicts(g)) {
          const [a, b] = g.pairs[pair]!;
          if (!same) expect(labels[a]).not.toBe(labels[b]);
        }
      }),
    );
  });

  it('keeps "same" pairs together unless that would join a "different" pair', () => {
    fc.assert(
      fc.property(group, (g) => {
        const v = verdicts(g);
        if ([...v.values()].some((same) => !same)) return;
        const labels = clusterRecords(inputOf(g));
        for (const [pair] of v) {
          const [a, b] = g.pairs[pair]!;
          expect(labels[a]).toBe(labels[b]);
        }
      }),
    );
  });

  it('never joins a pair with a hard conflict that no analyst overrode', () => {
    fc.assert(
      fc.property(group, (g) => {
        const v = verdicts(g);
        if (v.size) return;
        const labels = clusterRecords(inputOf(g));
        g.pairs.forEach(([a, b], k) => {
          if (g.conflicts[k]) expect(labels[a]).not.toBe(labels[b]);
        });
      }),
    );
  });

  it('labels each record with the smallest index of its entity', () => {
    fc.assert(
      fc.property(group, (g) => {
        const labels = clusterRecords(inputOf(g));
        labels.forEach((l, i) => {
          expect(l).toBeLessThanOrEqual(i);
          expect(labels[l]).toBe(l);
        });
      }),
    );
  });

  it('does not chain through one strong link: A≈B and B≈C but A≠C stay split', () => {
    const weights: Record<string, number> = { '0,1': 15, '1,2': 14, '0,2': -12 };
    const labels = clusterRecords({
      n: 3,
      edges: [
        { a: 0, b: 1, weight: 15 },
        { a: 1, b: 2, weight: 14 },
      ],
      evidence: (i, j) => ({ weight: weights[`${i},${j}`]!, conflict: false }),
      judgements: [],
      matchWeight: 3,
    });
    expect(labels[0]).toBe(labels[1]);
    expect(labels[2]).not.toBe(labels[0]);
  });
});

describe('components', () => {
  it('groups records joined by any path', () => {
    expect(
      components(5, [
        { a: 0, b: 3 },
        { a: 3, b: 4 },
      ]),
    ).toEqual([[0, 3, 4], [1], [2]]);
  });
});
