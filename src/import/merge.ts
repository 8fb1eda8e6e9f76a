import { MAX_VALUES_PER_PROPERTY } from '../domain/model/validate.js';

/**
 * The fragments of one entity (rows with the same id) make one record, as FollowTheMoney merges
 * them: every property keeps the distinct values of all fragments, in file order.
 */
export function mergeProperties(fragments: Record<string, string[]>[]): Record<string, string[]> {
  if (fragments.length === 1) return fragments[0]!;
  const merged: Record<string, string[]> = {};
  for (const fragment of fragments) {
    for (const [name, values] of Object.entries(fragment)) {
      const into = (merged[name] ??= []);
      for (const v of values) if (!into.includes(v)) into.push(v);
    }
  }
  return merged;
}

/** The property that has more values than a record may hold, if any. */
export function overfullProperty(properties: Record<string, string[]>): string | undefined {
  return Object.keys(properties).find((k) => properties[k]!.length > MAX_VALUES_PER_PROPERTY);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** Whether two property maps hold the same values (property order does not matter). */
export function sameProperties(a: Record<string, string[]>, b: Record<string, string[]>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => b[k] !== undefined && sameList(a[k]!, b[k]!));
}

export const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v) => b.includes(v));
