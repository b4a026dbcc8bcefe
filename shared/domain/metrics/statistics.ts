/**
 * The few descriptive statistics the metrics need, with the conventions written down once.
 * Inputs are assumed non-empty unless stated; callers decide what "too few values" means.
 */

/** Arithmetic mean (plain left-to-right sum / n). */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/**
 * Sample standard deviation: sqrt(Σ(x − x̄)² / (n − 1)), Bessel's correction, as Python's
 * `statistics.stdev`. Two-pass (mean first) to avoid the cancellation of the Σx² − n·x̄² form.
 * Requires n ≥ 2.
 */
export function sampleStdDev(values: ArrayLike<number>): number {
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += ((values[i] as number) - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * Percentile with linear interpolation between order statistics — numpy.percentile's default
 * method ('linear', Hyndman & Fan type 7): sort ascending, position h = (n − 1)·p, then
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). `p` is a fraction in [0, 1] (0.05 for the 5th percentile).
 * The result is never below the minimum: a + (b − a)·t with b ≥ a, t ≥ 0 cannot round below a.
 */
export function percentileLinear(values: ArrayLike<number>, p: number): number {
  // Only the order statistics at ⌊h⌋ and ⌊h⌋ + 1 are needed: a selection in O(n), not a sort
  // (on a 20-year daily series in a sweep of thousands of runs, the sort was half of the metrics).
  const x = selectionScratch(values.length);
  x.set(values);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  const a = selectKth(x, lo);
  if (h === lo) return a + 0; // +0: −0 and 0 are one value here, as for the comparator a − b.
  // After the selection everything right of lo is ≥ a: the next order statistic is their minimum.
  let b = Infinity;
  for (let i = lo + 1; i < x.length; i++) if ((x[i] as number) < b) b = x[i] as number;
  return a + (h - lo) * (b - a) + 0;
}

/**
 * The working copy a selection rearranges: one buffer reused from call to call (grown when too short)
 * instead of a new array per call. A full result's metrics select on two session-long series per run,
 * and every fresh buffer was memory for the garbage collector to zero and reclaim. Nothing outside
 * `percentileLinear` holds it, and JavaScript runs one call at a time.
 */
let scratch = new Float64Array(0);

function selectionScratch(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.max(length, 2 * scratch.length));
  return scratch.subarray(0, length);
}

/**
 * Rearranges `x` so that x[k] is the k-th smallest, with nothing larger to its left and nothing
 * smaller to its right (Hoare's selection, median-of-three pivots), and returns x[k]. Falls back to a
 * full sort after a linear number of rounds, so an adversarial order cannot make it quadratic.
 */
function selectKth(x: Float64Array, k: number): number {
  let left = 0;
  let right = x.length - 1;
  for (let rounds = 0; right > left; rounds++) {
    if (rounds > 64) {
      x.subarray(left, right + 1).sort();
      break;
    }
    const mid = (left + right) >>> 1;
    const pivot = medianOf3(x[left] as number, x[mid] as number, x[right] as number);
    let i = left;
    let j = right;
    while (i <= j) {
      while ((x[i] as number) < pivot) i++;
      while ((x[j] as number) > pivot) j--;
      if (i <= j) {
        const t = x[i] as number;
        x[i] = x[j] as number;
        x[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return x[k] as number;
}

function medianOf3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/**
 * Whether a dispersion (standard deviation, downside deviation) is rounding noise rather than risk.
 * Returns are e_t/e_{t−1} − 1, so each carries an absolute rounding error of about 1e-16·(1 + |r|):
 * a series growing by exactly 10 % a bar yields returns 0.1 and 0.10000000000000009, whose sd ~6e-17
 * would turn Sharpe into ~1e15. The SPEC wants a zero denominator reported as undefined, never as a
 * huge number, so a dispersion below 1e-12 of the returns' scale counts as zero. Real daily series
 * have dispersions around 1e-2, ten orders of magnitude above the threshold.
 */
export function isNoise(dispersion: number, values: ArrayLike<number>): boolean {
  let scale = 1;
  for (let i = 0; i < values.length; i++) scale = Math.max(scale, Math.abs(values[i] as number));
  return isNoiseAt(dispersion, scale);
}

/** `isNoise` with the values' scale (their largest magnitude, at least 1) already known. */
export function isNoiseAt(dispersion: number, scale: number): boolean {
  return dispersion <= 1e-12 * scale;
}
