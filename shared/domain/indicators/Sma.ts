/**
 * Simple moving average as R's TTR 0.24 computes it (SPEC 10): a running sum seeded with the first n
 * values, then `sum + x[i] − x[i−n]`, divided by n. NaN until n values are in (leading NaNs are skipped).
 * `sma` (batch) and `SmaStream` (one value at a time) do the same arithmetic in the same order.
 */
export function sma(values: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  let first = 0;
  while (first < values.length && Number.isNaN(values[first])) first++;
  if (first + n > values.length) return out;
  let sum = 0;
  for (let i = first; i < first + n; i++) sum += values[i] as number;
  out[first + n - 1] = sum / n;
  for (let i = first + n; i < values.length; i++) {
    sum = sum + (values[i] as number) - (values[i - n] as number);
    out[i] = sum / n;
  }
  return out;
}

export class SmaStream {
  private readonly window: Float64Array;
  private count = 0;
  private sum = 0;
  value = NaN;

  constructor(readonly n: number) {
    this.window = new Float64Array(n);
  }

  push(x: number): number {
    if (this.count === 0 && Number.isNaN(x)) return NaN;
    const slot = this.count % this.n;
    if (this.count < this.n) {
      this.sum += x;
      this.window[slot] = x;
      this.count++;
      this.value = this.count === this.n ? this.sum / this.n : NaN;
      return this.value;
    }
    this.sum = this.sum + x - (this.window[slot] as number);
    this.window[slot] = x;
    this.count++;
    this.value = this.sum / this.n;
    return this.value;
  }
}
