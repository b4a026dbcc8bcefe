/**
 * The few descriptive statistics the metrics need, with the conventions written down once.
 * Inputs are assumed non-empty unless stated; callers decide what "too few values" means.
 */

/** Arithmetic mean (plain left-to-right sum / n). */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Sample standard deviation: sqrt(Σ(x − x̄)² / (n − 1)), Bessel's correction, as Python's
 * `statistics.stdev`. Two-pass (mean first) to avoid the cancellation of the Σx² − n·x̄² form.
 * Requires n ≥ 2.
 */
export function sampleStdDev(values: readonly number[]): number {
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * Percentile with linear interpolation between order statistics — numpy.percentile's default
 * method ('linear', Hyndman & Fan type 7): sort ascending, position h = (n − 1)·p, then
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). `p` is a fraction in [0, 1] (0.05 for the 5th percentile).
 * The result is never below the minimum: a + (b − a)·t with b ≥ a, t ≥ 0 cannot round below a.
 */
export function percentileLinear(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  // On an order statistic return it as is (also keeps 0 · Infinity from turning a finite value into NaN).
  return h === lo ? a : a + (h - lo) * (b - a);
}

/**
 * Whether a dispersion (standard deviation, downside deviation) is rounding noise rather than risk.
 * Returns are e_t/e_{t−1} − 1, so each carries an absolute rounding error of about 1e-16·(1 + |r|):
 * a series growing by exactly 10 % a bar yields returns 0.1 and 0.10000000000000009, whose sd ~6e-17
 * would turn Sharpe into ~1e15. The SPEC wants a zero denominator reported as undefined, never as a
 * huge number, so a dispersion below 1e-12 of the returns' scale counts as zero. Real daily series
 * have dispersions around 1e-2, ten orders of magnitude above the threshold.
 */
export function isNoise(dispersion: number, values: readonly number[]): boolean {
  let scale = 1;
  for (const v of values) scale = Math.max(scale, Math.abs(v));
  return dispersion <= 1e-12 * scale;
}
