/**
 * Normalised mutual information of two partitions of the same items (labels any numbers), as
 * scikit-learn's `normalized_mutual_info_score` with its default arithmetic mean:
 * I(a; b) / ((H(a) + H(b)) / 2). Renaming clusters changes nothing. As scikit-learn, two
 * partitions that are each a single cluster (or empty) score 1, and a single cluster against a
 * split scores 0, where the ratio would be 0 / 0 or meaningless.
 */
export function normalizedMutualInformation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`partitions of ${n} and ${b.length} items`);
  const x = dense(a);
  const y = dense(b);
  if (x.count === y.count && x.count <= 1) return 1;
  if (x.count === 1 || y.count === 1) return 0;

  const joint = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = x.ids[i]! * y.count + y.ids[i]!;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const logN = Math.log(n);
  let mutual = 0;
  for (const [key, count] of joint) {
    const i = Math.floor(key / y.count);
    const j = key - i * y.count;
    mutual +=
      (count / n) * (Math.log(count) + logN - Math.log(x.sizes[i]!) - Math.log(y.sizes[j]!));
  }
  // Rounding can leave independent partitions a hair below zero.
  if (mutual <= 0) return 0;
  return mutual / ((entropy(x.sizes, n) + entropy(y.sizes, n)) / 2);
}

function dense(labels: ArrayLike<number>): { ids: Int32Array; sizes: number[]; count: number } {
  const idOf = new Map<number, number>();
  const ids = new Int32Array(labels.length);
  const sizes: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    let id = idOf.get(labels[i]!);
    if (id === undefined) {
      id = sizes.length;
      idOf.set(labels[i]!, id);
      sizes.push(0);
    }
    ids[i] = id;
    sizes[id]!++;
  }
  return { ids, sizes, count: sizes.length };
}

function entropy(sizes: number[], n: number): number {
  let h = 0;
  for (const s of sizes) h -= (s / n) * Math.log(s / n);
  return h;
}
