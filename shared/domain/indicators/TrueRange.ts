import { ema, EmaStream } from './Ema';

/**
 * True range and ATR as R's TTR 0.24 `ATR(HLC, n)` (SPEC 10): TR = max(high, previous close) −
 * min(low, previous close), undefined on the first bar; ATR = Wilder's EMA(n) of TR.
 */
export function trueRange(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(close.length);
  if (close.length > 0) out[0] = NaN;
  for (let i = 1; i < close.length; i++) {
    const pc = close[i - 1] as number;
    out[i] = Math.max(high[i] as number, pc) - Math.min(low[i] as number, pc);
  }
  return out;
}

export function atr(
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  close: ArrayLike<number>,
  n = 14,
): Float64Array {
  return ema(trueRange(high, low, close), n, true);
}

export class TrueRangeStream {
  private previousClose = NaN;
  value = NaN;

  push(high: number, low: number, close: number): number {
    const pc = this.previousClose;
    this.previousClose = close;
    this.value = Number.isNaN(pc) ? NaN : Math.max(high, pc) - Math.min(low, pc);
    return this.value;
  }
}

export class AtrStream {
  private readonly tr = new TrueRangeStream();
  private readonly smooth: EmaStream;
  value = NaN;

  constructor(readonly n = 14) {
    this.smooth = new EmaStream(n, true);
  }

  push(high: number, low: number, close: number): number {
    this.value = this.smooth.push(this.tr.push(high, low, close));
    return this.value;
  }
}
