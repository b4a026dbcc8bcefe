import { ema, EmaStream } from './Ema';

/**
 * MACD as R's TTR 0.24 `MACD(x, fast, slow, signal, percent = FALSE)` (SPEC 10): the line is
 * EMA(fast) − EMA(slow), the signal the EMA(signal) of the line (seeded once the line exists).
 */
export interface MacdSeries {
  macd: Float64Array;
  signal: Float64Array;
}

export function macd(values: ArrayLike<number>, fast = 12, slow = 26, signal = 9): MacdSeries {
  const f = ema(values, fast);
  const s = ema(values, slow);
  const line = new Float64Array(values.length);
  for (let i = 0; i < line.length; i++) line[i] = (f[i] as number) - (s[i] as number);
  return { macd: line, signal: ema(line, signal) };
}

export class MacdStream {
  private readonly fast: EmaStream;
  private readonly slow: EmaStream;
  private readonly sig: EmaStream;
  macd = NaN;
  signal = NaN;

  constructor(fast = 12, slow = 26, signal = 9) {
    this.fast = new EmaStream(fast);
    this.slow = new EmaStream(slow);
    this.sig = new EmaStream(signal);
  }

  push(x: number): void {
    this.macd = this.fast.push(x) - this.slow.push(x);
    this.signal = this.sig.push(this.macd);
  }
}
