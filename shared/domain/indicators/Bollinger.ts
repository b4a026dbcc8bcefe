import { sma, SmaStream } from './Sma';

/**
 * Bollinger bands on the close as R's TTR 0.24 `BBands(close, n, sd = k)` (SPEC 10): the middle band is
 * SMA(n), the others ± k population standard deviations of the last n closes (two passes over the window).
 */
export interface BollingerSeries {
  lower: Float64Array;
  middle: Float64Array;
  upper: Float64Array;
}

function windowSd(values: ArrayLike<number>, end: number, n: number): number {
  let sum = 0;
  for (let j = end - n + 1; j <= end; j++) sum += values[j] as number;
  const mean = sum / n;
  let ss = 0;
  for (let j = end - n + 1; j <= end; j++) {
    const d = (values[j] as number) - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / n);
}

export function bollinger(values: ArrayLike<number>, n = 20, k = 2): BollingerSeries {
  const middle = sma(values, n);
  const lower = new Float64Array(values.length).fill(NaN);
  const upper = new Float64Array(values.length).fill(NaN);
  for (let i = 0; i < values.length; i++) {
    const m = middle[i] as number;
    if (Number.isNaN(m)) continue;
    const sd = windowSd(values, i, n);
    lower[i] = m - k * sd;
    upper[i] = m + k * sd;
  }
  return { lower, middle, upper };
}

export class BollingerStream {
  private readonly mean: SmaStream;
  private readonly window: Float64Array;
  private count = 0;
  lower = NaN;
  middle = NaN;
  upper = NaN;

  constructor(
    readonly n = 20,
    readonly k = 2,
  ) {
    this.mean = new SmaStream(n);
    this.window = new Float64Array(n);
  }

  push(x: number): void {
    this.middle = this.mean.push(x);
    this.window[this.count % this.n] = x;
    this.count++;
    if (Number.isNaN(this.middle)) return;
    // The window in bar order, as the batch form reads it (the sums then add in the same order): from
    // the oldest slot to the end of the ring, then from its start (no modulo per value).
    const w = this.window;
    const n = this.n;
    const oldest = this.count % n;
    let sum = 0;
    for (let j = oldest; j < n; j++) sum += w[j] as number;
    for (let j = 0; j < oldest; j++) sum += w[j] as number;
    const mean = sum / n;
    let ss = 0;
    for (let j = oldest; j < n; j++) {
      const d = (w[j] as number) - mean;
      ss += d * d;
    }
    for (let j = 0; j < oldest; j++) {
      const d = (w[j] as number) - mean;
      ss += d * d;
    }
    const sd = Math.sqrt(ss / this.n);
    this.lower = this.middle - this.k * sd;
    this.upper = this.middle + this.k * sd;
  }
}
