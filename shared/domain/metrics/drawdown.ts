import { assertEquity } from './validation';

/** The deepest drawdown of an equity curve and the longest time spent under water. */
export interface MaxDrawdown {
  /** min(equity / running peak − 1): a fraction in [−1, 0], 0 when the curve never falls. */
  maxDrawdown: number;
  /** Bar of the peak the deepest drawdown is measured from (0 when there is none). */
  peakIndex: number;
  /** Bar where the deepest drawdown bottoms out (0 when there is none). */
  troughIndex: number;
  /**
   * Longest run of consecutive bars strictly below a previous peak, counted in bars; a drawdown that
   * never recovers runs to the last bar. Not necessarily the run of the deepest drawdown.
   */
  durationBars: number;
}

/**
 * Drawdown per bar: equity / running peak − 1 (≤ 0; exactly 0 on a new or equal peak). The first
 * bar is its own peak. Throws RangeError on an empty series or a non-finite or ≤ 0 value.
 */
export function drawdownSeries(equity: readonly number[]): number[] {
  assertEquity(equity);
  return drawdownSeriesOfChecked(equity);
}

/** `drawdownSeries` of a series the caller has already put through `assertEquity`. */
export function drawdownSeriesOfChecked(equity: readonly number[]): number[] {
  let peak = 0;
  const drawdowns = new Array<number>(equity.length);
  for (let t = 0; t < equity.length; t++) {
    const value = equity[t] as number;
    if (value > peak) peak = value;
    drawdowns[t] = value / peak - 1;
  }
  return drawdowns;
}

/**
 * Max drawdown with its peak and trough bars and the longest under-water run. Ties between equally
 * deep drawdowns keep the first one (earliest trough), so the answer does not depend on later bars.
 */
export function maxDrawdown(equity: readonly number[]): MaxDrawdown {
  assertEquity(equity);
  return maxDrawdownOfChecked(equity);
}

/** `maxDrawdown` of a series the caller has already put through `assertEquity` (computeMetrics). */
export function maxDrawdownOfChecked(equity: readonly number[]): MaxDrawdown {
  // drawdownSeries' values, one at a time: no array.
  let peak = 0;
  let deepest = 0;
  let deepestPeak = 0;
  let trough = 0;
  let peakIndex = 0;
  let run = 0;
  let longestRun = 0;
  for (let t = 0; t < equity.length; t++) {
    const value = equity[t] as number;
    if (value > peak) peak = value;
    const dd = value / peak - 1;
    if (dd === 0) {
      // A new or equal peak ends the run under water.
      peakIndex = t;
      run = 0;
      continue;
    }
    run += 1;
    if (run > longestRun) longestRun = run;
    if (dd < deepest) {
      deepest = dd;
      deepestPeak = peakIndex;
      trough = t;
    }
  }
  return { maxDrawdown: deepest, peakIndex: deepestPeak, troughIndex: trough, durationBars: longestRun };
}

/**
 * `drawdownSeries` and `maxDrawdown` of a series already put through `assertEquity`, in one walk of the
 * equity (the same values and rules as the two functions). Deliberately the loop of
 * `maxDrawdownOfChecked` again with the array write: one walker shared by both (the array optional)
 * made the simulation bench's full result about 20 % slower (12.5x against 10x the replay's time).
 */
export function drawdownsWithMaxOfChecked(equity: readonly number[]): {
  drawdowns: number[];
  max: MaxDrawdown;
} {
  const drawdowns = new Array<number>(equity.length);
  let peak = 0;
  let deepest = 0;
  let deepestPeak = 0;
  let trough = 0;
  let peakIndex = 0;
  let run = 0;
  let longestRun = 0;
  for (let t = 0; t < equity.length; t++) {
    const value = equity[t] as number;
    if (value > peak) peak = value;
    const dd = value / peak - 1;
    drawdowns[t] = dd;
    if (dd === 0) {
      peakIndex = t;
      run = 0;
      continue;
    }
    run += 1;
    if (run > longestRun) longestRun = run;
    if (dd < deepest) {
      deepest = dd;
      deepestPeak = peakIndex;
      trough = t;
    }
  }
  return {
    drawdowns,
    max: { maxDrawdown: deepest, peakIndex: deepestPeak, troughIndex: trough, durationBars: longestRun },
  };
}
