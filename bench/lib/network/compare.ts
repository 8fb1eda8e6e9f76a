/** Agreement between our results and NetworkX's. */

/** The k highest-scoring nodes, ties broken by the lower node id (as nx_baseline.py does). */
export function topNodes(scores: ArrayLike<number>, k = 20): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  // A partial selection would be faster; n log n over 200k nodes is a few milliseconds.
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.slice(0, k);
}

export function overlap(a: readonly number[], b: readonly number[]): number {
  const s = new Set(a);
  return b.filter((x) => s.has(x)).length;
}

/** Σ |a_i − b_i|. */
export function l1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i]! - b[i]!);
  return d;
}

export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/**
 * How two score vectors of the same nodes compare on the nodes that matter: the ratio
 * ours / theirs (median over `nodes`), and the largest relative difference once ours is divided
 * by that ratio. Identical sources give ratio 1 and differences of rounding only.
 */
export function scaleAgreement(
  ours: ArrayLike<number>,
  theirs: ArrayLike<number>,
  nodes: readonly number[],
): { ratio: number; maxRelativeDiff: number } {
  const ratios = nodes
    .filter((v) => theirs[v]! > 0)
    .map((v) => ours[v]! / theirs[v]!)
    .sort((a, b) => a - b);
  const ratio = ratios.length ? ratios[ratios.length >> 1]! : NaN;
  let maxRelativeDiff = 0;
  for (const v of nodes) {
    if (!(theirs[v]! > 0)) continue;
    maxRelativeDiff = Math.max(
      maxRelativeDiff,
      Math.abs(ours[v]! / ratio - theirs[v]!) / theirs[v]!,
    );
  }
  return { ratio, maxRelativeDiff };
}

/** Spearman's rank correlation over `nodes` (no tie correction; scores are continuous). */
export function spearman(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  nodes: readonly number[],
): number {
  const rank = (x: ArrayLike<number>) => {
    const order = [...nodes].sort((p, q) => x[p]! - x[q]!);
    const r = new Map<number, number>();
    order.forEach((v, i) => r.set(v, i));
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = nodes.length;
  let d2 = 0;
  for (const v of nodes) d2 += (ra.get(v)! - rb.get(v)!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}
