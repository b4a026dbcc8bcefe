import { ema, EmaStream } from './Ema';
import { trueRange, TrueRangeStream } from './TrueRange';

/**
 * ADX as R's TTR 0.24 `ADX(HLC, n)` (SPEC 10, Wilder): directional movements +DM/−DM from the change
 * of high and low, Wilder sums (`wilderSum`: the first n − 1 values summed, then
 * `x + previous·(n − 1)/n`) of them and of the true range, DI± = 100·sum(DM±)/sum(TR),
 * DX = 100·|DI+ − DI−|/(DI+ + DI−), ADX = Wilder's EMA(n) of DX.
 */
export interface AdxSeries {
  diPlus: Float64Array;
  diMinus: Float64Array;
  dx: Float64Array;
  adx: Float64Array;
}

function directional(dH: number, dL: number): [number, number] {
  if (dH === dL || (dH < 0 && dL < 0)) return [0, 0];
  return [dH > dL ? dH : 0, dH < dL ? dL : 0];
}

/** TTR's `wilderSum`: NaN until n − 1 values are summed; the n-th is `x + sum·(n − 1)/n`. */
export function wilderSum(values: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  let first = 0;
  while (first < values.length && Number.isNaN(values[first])) first++;
  const beg = first + n - 1;
  if (beg >= values.length) return out;
  let sum = 0;
  for (let i = first; i < beg; i++) sum += values[i] as number;
  let prev = (values[beg] as number) + (sum * (n - 1)) / n;
  out[beg] = prev;
  for (let i = beg + 1; i < values.length; i++) {
    prev = (values[i] as number) + (prev * (n - 1)) / n;
    out[i] = prev;
  }
  return out;
}

export function adx(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  n = 14,
): AdxSeries {
  const len = close.length;
  const dmPlus = new Float64Array(len).fill(NaN);
  const dmMinus = new Float64Array(len).fill(NaN);
  for (let i = 1; i < len; i++) {
    const [p, m] = directional(
      (high[i] as number) - (high[i - 1] as number),
      -((low[i] as number) - (low[i - 1] as number)),
    );
    dmPlus[i] = p;
    dmMinus[i] = m;
  }
  const tr = wilderSum(trueRange(high, low, close), n);
  const sp = wilderSum(dmPlus, n);
  const sm = wilderSum(dmMinus, n);
  const diPlus = new Float64Array(len);
  const diMinus = new Float64Array(len);
  const dx = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const p = (100 * (sp[i] as number)) / (tr[i] as number);
    const m = (100 * (sm[i] as number)) / (tr[i] as number);
    diPlus[i] = p;
    diMinus[i] = m;
    dx[i] = 100 * (Math.abs(p - m) / (p + m));
  }
  return { diPlus, diMinus, dx, adx: ema(dx, n, true) };
}

class WilderSumStream {
  private count = 0;
  private sum = 0;
  value = NaN;

  constructor(readonly n: number) {}

  push(x: number): number {
    if (this.count === 0 && Number.isNaN(x)) return NaN;
    this.count++;
    if (this.count < this.n) {
      this.sum += x;
      return NaN;
    }
    this.value =
      this.count === this.n
        ? x + (this.sum * (this.n - 1)) / this.n
        : x + (this.value * (this.n - 1)) / this.n;
    return this.value;
  }
}

export class AdxStream {
  private readonly tr = new TrueRangeStream();
  private readonly trSum: WilderSumStream;
  private readonly plusSum: WilderSumStream;
  private readonly minusSum: WilderSumStream;
  private readonly smooth: EmaStream;
  private previousHigh = NaN;
  private previousLow = NaN;
  diPlus = NaN;
  diMinus = NaN;
  dx = NaN;
  adx = NaN;

  constructor(readonly n = 14) {
    this.trSum = new WilderSumStream(n);
    this.plusSum = new WilderSumStream(n);
    this.minusSum = new WilderSumStream(n);
    this.smooth = new EmaStream(n, true);
  }

  push(high: number, low: number, close: number): void {
    const trSum = this.trSum.push(this.tr.push(high, low, close));
    const first = Number.isNaN(this.previousHigh);
    const [p, m] = first ? [NaN, NaN] : directional(high - this.previousHigh, -(low - this.previousLow));
    this.previousHigh = high;
    this.previousLow = low;
    if (first) return;
    const sp = this.plusSum.push(p);
    const sm = this.minusSum.push(m);
    this.diPlus = (100 * sp) / trSum;
    this.diMinus = (100 * sm) / trSum;
    this.dx = 100 * (Math.abs(this.diPlus - this.diMinus) / (this.diPlus + this.diMinus));
    this.adx = this.smooth.push(this.dx);
  }
}
