import { ema, EmaStream } from './Ema';

/**
 * RSI as R's TTR 0.24 `RSI(x, n)` (SPEC 10): gains and losses of each close over the one before, each
 * smoothed by Wilder's EMA (ratio 1/n, seeded with the mean of the first n), RSI = 100·up/(up + down).
 * The first value is at bar n.
 */
export function rsi(values: ArrayLike<number>, n = 14): Float64Array {
  const up = new Float64Array(values.length);
  const down = new Float64Array(values.length);
  up[0] = NaN;
  down[0] = NaN;
  for (let i = 1; i < values.length; i++) {
    const d = (values[i] as number) - (values[i - 1] as number);
    up[i] = d < 0 ? 0 : d;
    down[i] = d < 0 ? -d : 0;
  }
  const u = ema(up, n, true);
  const dn = ema(down, n, true);
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++)
    out[i] = (100 * (u[i] as number)) / ((u[i] as number) + (dn[i] as number));
  return out;
}

export class RsiStream {
  private readonly up: EmaStream;
  private readonly down: EmaStream;
  private previous = NaN;
  value = NaN;

  constructor(readonly n = 14) {
    this.up = new EmaStream(n, true);
    this.down = new EmaStream(n, true);
  }

  push(x: number): number {
    const d = x - this.previous;
    this.previous = x;
    if (Number.isNaN(d)) return NaN;
    const u = this.up.push(d < 0 ? 0 : d);
    const dn = this.down.push(d < 0 ? -d : 0);
    this.value = (100 * u) / (u + dn);
    return this.value;
  }
}
