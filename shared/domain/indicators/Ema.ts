/**
 * Exponential moving average as R's TTR 0.24 computes it (SPEC 10): seeded with the mean of the first n
 * values (each divided by n, then added), then `x·ratio + previous·(1 − ratio)`; ratio 2/(n+1), or 1/n
 * for Wilder's smoothing. NaN until n values are in; leading NaNs are skipped.
 */
export function emaRatio(n: number, wilder: boolean): number {
  return wilder ? 1 / n : 2 / (n + 1);
}

export function ema(values: ArrayLike<number>, n: number, wilder = false): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  const ratio = emaRatio(n, wilder);
  let first = 0;
  while (first < values.length && Number.isNaN(values[first])) first++;
  if (first + n > values.length) return out;
  let seed = 0;
  for (let i = first; i < first + n; i++) seed += (values[i] as number) / n;
  out[first + n - 1] = seed;
  let prev = seed;
  for (let i = first + n; i < values.length; i++) {
    prev = (values[i] as number) * ratio + prev * (1 - ratio);
    out[i] = prev;
  }
  return out;
}

export class EmaStream {
  // Fields start as numbers, not undefined: V8 then keeps them as doubles, and `push` reads them unboxed.
  readonly n: number = 0;
  private readonly ratio: number = NaN;
  /** 1 − ratio, as the batch form computes it. */
  private readonly keep: number = NaN;
  private count = 0;
  private seed = 0;
  value = NaN;

  constructor(n: number, wilder = false) {
    this.n = n;
    this.ratio = emaRatio(n, wilder);
    this.keep = 1 - this.ratio;
  }

  push(x: number): number {
    // The seeded case first: it is every value after the first n.
    if (this.count >= this.n) {
      this.value = x * this.ratio + this.value * this.keep;
      return this.value;
    }
    if (this.count === 0 && Number.isNaN(x)) return NaN;
    this.seed += x / this.n;
    this.count++;
    if (this.count === this.n) this.value = this.seed;
    return this.value;
  }
}
