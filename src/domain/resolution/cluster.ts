/**
 * Clustering that does not chain: two groups of records become one entity only when, on
 * average over every pair across them, the evidence says "same", and no pair across them is
 * ruled out (different valid CURPs, conflicting birth dates on a name alone, or an analyst's
 * "different"). One strong link between a García and another García does not carry their
 * other records along.
 */

export interface PairEvidence {
  weight: number;
  /** A hard reason the two can never be one entity. */
  conflict: boolean;
}

export interface Judgement {
  a: number;
  b: number;
  same: boolean;
}

export interface ClusterInput {
  /** Number of records; records are 0..n-1, ordered by id so the result ignores input order. */
  n: number;
  /** Candidate pairs (i < j) whose weight reaches the match weight. */
  edges: readonly { a: number; b: number; weight: number }[];
  /** The evidence of any pair, computed on demand. */
  evidence: (i: number, j: number) => PairEvidence;
  /** Analysts' decisions; the later decision on a pair replaces the earlier. */
  judgements: readonly Judgement[];
  /** Mean weight across two groups needed to merge them. */
  matchWeight: number;
}

/**
 * Caps a single pair's pull on the average, in bits around the match weight: one shared CURP
 * (far above it) must not outvote every name, nor one pair of very different spellings (far
 * below) veto a group that otherwise agrees.
 */
const ABOVE = 12;
const BELOW = 24;

class Groups {
  readonly parent: Int32Array;
  readonly members: number[][];
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.members = Array.from({ length: n }, (_, i) => [i]);
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const [big, small] = this.members[a]!.length >= this.members[b]!.length ? [a, b] : [b, a];
    this.parent[small] = big;
    this.members[big]!.push(...this.members[small]!);
    this.members[small] = [];
  }
}

/** Returns, for each record, the smallest index of its entity. */
export function clusterRecords(input: ClusterInput): Int32Array {
  const { n } = input;
  const groups = new Groups(n);
  const cache = new Map<number, PairEvidence>();
  const pairEvidence = (i: number, j: number) => {
    const [x, y] = i < j ? [i, j] : [j, i];
    const code = x * n + y;
    let e = cache.get(code);
    if (!e) {
      e = input.evidence(x, y);
      cache.set(code, e);
    }
    return e;
  };
  const verdict = new Map<number, boolean>();
  for (const j of input.judgements) {
    const [x, y] = j.a < j.b ? [j.a, j.b] : [j.b, j.a];
    verdict.set(x * n + y, j.same);
  }
  const judgedDifferent = (i: number, j: number) =>
    verdict.get(i < j ? i * n + j : j * n + i) === false;
  const ruledOut = (ga: number, gb: number) => {
    for (const i of groups.members[ga]!)
      for (const j of groups.members[gb]!) if (judgedDifferent(i, j)) return true;
    return false;
  };

  // Analysts first: "same" joins whatever the score, unless it would join a "different".
  for (const [code, same] of [...verdict].sort((p, q) => p[0] - q[0])) {
    if (!same) continue;
    const ga = groups.find(Math.floor(code / n));
    const gb = groups.find(code % n);
    if (ga !== gb && !ruledOut(ga, gb)) groups.union(ga, gb);
  }

  const edges = [...input.edges].sort((p, q) => q.weight - p.weight || p.a - q.a || p.b - q.b);
  for (const e of edges) {
    const ga = groups.find(e.a);
    const gb = groups.find(e.b);
    if (ga === gb) continue;
    let sum = 0;
    let pairs = 0;
    let blocked = false;
    outer: for (const i of groups.members[ga]!)
      for (const j of groups.members[gb]!) {
        const key = i < j ? i * n + j : j * n + i;
        const v = verdict.get(key);
        if (v === false) {
          blocked = true;
          break outer;
        }
        const ev = pairEvidence(i, j);
        if (ev.conflict && v !== true) {
          blocked = true;
          break outer;
        }
        const top = input.matchWeight + ABOVE;
        sum += v === true ? top : Math.max(input.matchWeight - BELOW, Math.min(top, ev.weight));
        pairs++;
      }
    if (!blocked && sum / pairs >= input.matchWeight) groups.union(ga, gb);
  }

  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const members = groups.members[groups.find(i)]!;
    let min = members[0]!;
    for (const x of members) if (x < min) min = x;
    labels[i] = min;
  }
  return labels;
}

/** Connected components of the candidate graph, so each can be clustered on its own. */
export function components(n: number, edges: readonly { a: number; b: number }[]): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const { a, b } of edges) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  }
  return [...byRoot.values()];
}
