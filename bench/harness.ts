/** Shared bench helpers: a seeded PRNG (deterministic inputs) and best-of-N timing after warm-up. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs fn once to warm up, then `runs` times; returns the best wall time in ms. */
export function timeBest(fn: () => void, runs = 5): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * Best wall times of several functions measured in turns (a, b, a, b, …) after one warm-up each: on a
 * shared machine a burst of load then falls on both sides of a ratio, not on one of them.
 */
export function timeBestInterleaved(fns: readonly (() => void)[], runs = 15): number[] {
  for (const fn of fns) fn();
  const best = fns.map(() => Infinity);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      best[k] = Math.min(best[k] as number, performance.now() - t0);
    });
  }
  return best;
}
