/** The dashboard's figures shaped for reading: every month of the window, the largest groups. */

export interface Count {
  value: string;
  count: number;
}

export interface Ranked {
  items: Count[];
  /** Seizures counted under the values left out (a seizure may count under several). */
  others: number;
}

/** One count per month of the window, in order, zero where nothing was seized. */
export function everyMonth(months: readonly string[], counts: readonly Count[]): Count[] {
  const by = new Map(counts.map((c) => [c.value, c.count]));
  return months.map((value) => ({ value, count: by.get(value) ?? 0 }));
}

/** The `top` largest counts (ties by value), and what the rest add up to. */
export function largest(counts: readonly Count[], top: number): Ranked {
  const sorted = [...counts].sort(
    (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  return {
    items: sorted.slice(0, top),
    others: sorted.slice(top).reduce((n, c) => n + c.count, 0),
  };
}
