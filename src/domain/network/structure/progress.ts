export type Progress = (done: number, total: number) => void;

/**
 * Forwards progress every 1% of the work and at the end, so that a caller relaying it to a
 * browser or a job table is called about 100 times whatever the size of the run.
 */
export function throttle(onProgress: Progress | undefined, total: number): (done: number) => void {
  if (!onProgress) return () => {};
  const every = Math.max(1, Math.ceil(total / 100));
  return (done) => {
    if (done % every === 0 || done === total) onProgress(done, total);
  };
}
