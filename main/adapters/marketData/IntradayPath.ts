import { exact } from '../../../shared/domain/ExactDecimal';

export interface DailyOhlc {
  open: number;
  high: number;
  low: number;
  close: number;
}

/**
 * A made-up but deterministic last price inside a real daily bar (ADR 0022): open at the start of the
 * session, then the day's two extremes at one third and two thirds of it, then the close at its end,
 * straight lines in between. A day that closed at or above its open visits the low first (it fell, then
 * recovered), any other day the high first, so the path ends moving the way the day went.
 *
 * At the four knots the price is the dataset's own number; in between it is rounded to the tick a US
 * stock trades in (a cent, or 0.0001 below one dollar), as a real print would be.
 */
export function intradayLast(bar: DailyOhlc, sessionStart: number, sessionEnd: number, at: number): number {
  const duration = sessionEnd - sessionStart;
  const [first, second] = bar.close >= bar.open ? [bar.low, bar.high] : [bar.high, bar.low];
  const knots: readonly [number, number][] = [
    [sessionStart, bar.open],
    [sessionStart + duration / 3, first],
    [sessionStart + (2 * duration) / 3, second],
    [sessionEnd, bar.close],
  ];
  if (at <= sessionStart) return bar.open;
  if (at >= sessionEnd) return bar.close;
  const k = knots.findIndex(([t]) => t >= at);
  const [t1, p1] = knots[k] as [number, number];
  if (at === t1) return p1;
  const [t0, p0] = knots[k - 1] as [number, number];
  return roundToTick(p0 + ((p1 - p0) * (at - t0)) / (t1 - t0));
}

function roundToTick(price: number): number {
  return exact(price)
    .toDecimalPlaces(price >= 1 ? 2 : 4)
    .toNumber();
}
