import { seeded, shuffle } from '../random.js';

export function allNodes(order: number): Int32Array {
  return Int32Array.from({ length: order }, (_, v) => v);
}

/** `k` distinct nodes of `pool`, the same for the same seed. */
export function samplePivots(pool: ArrayLike<number>, k: number, seed = 0): Int32Array {
  return shuffle(Int32Array.from(pool), seeded(seed)).slice(0, k);
}

/**
 * Hoeffding's additive error, with 95% confidence, of the mean of `samples` draws in [0, 1]:
 * P(|mean − expectation| ≥ ε) ≤ 2·exp(−2·samples·ε²), solved for a risk of 5%. It holds for
 * draws without replacement as well (Hoeffding 1963, §6), which is how pivots are drawn. The
 * risk is per estimate: for every node at once, replace ln(2 / 0.05) by ln(2n / 0.05).
 */
export function hoeffdingBound(samples: number): number {
  return Math.sqrt(Math.log(2 / 0.05) / (2 * samples));
}
