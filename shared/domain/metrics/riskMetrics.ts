import type { MaxDrawdown } from './drawdown';
import { drawdownsWithMaxOfChecked, maxDrawdownOfChecked } from './drawdown';
import { isNoiseAt, percentileLinear } from './statistics';
import { assertEquity, assertFinite } from './validation';

/** Trading days in a year: the annualisation factor of SPEC 5 unless the caller passes another. */
export const TRADING_DAYS_PER_YEAR = 252;

/** Tail probability of the historical VaR and CVaR (the 95 % level). */
const VAR_TAIL = 0.05;

/**
 * Performance of one equity curve (SPEC 5 "Metrics"). Every value is `number | null`: null means
 * undefined — a ratio whose denominator is 0, too few returns, or a result that is not a finite
 * double — and is never replaced by Infinity or a huge number. n below is the number of returns
 * (bars − 1).
 */
export interface PerformanceMetrics {
  /** end / start − 1; 0 for a single bar. */
  totalReturn: number | null;
  /** (end / start)^(periodsPerYear / n) − 1; null when n = 0 or it overflows. */
  cagr: number | null;
  /** sd(r, sample, n − 1) · √periodsPerYear; null when n < 2. */
  annualVolatility: number | null;
  /** mean(r − rf) / sd(r − rf, sample) · √periodsPerYear; null when n < 2 or the sd is 0. */
  sharpe: number | null;
  /**
   * mean(r − rf) · P / (DD · √P) with DD = sqrt(mean(min(r − rf, 0)²)) over ALL n returns (not only
   * the negative ones) and P = periodsPerYear; null when n = 0 or no return is below rf (DD = 0).
   */
  sortino: number | null;
  /** min(equity / running peak − 1), a fraction in [−1, 0]; 0 when the curve never falls. */
  maxDrawdown: number | null;
  /** Longest run of bars strictly below a previous peak. */
  maxDrawdownDurationBars: number | null;
  /** cagr / |maxDrawdown|; null when there is no drawdown or no CAGR. */
  calmar: number | null;
  /**
   * Historical VaR 95 %: the 5th percentile of r (raw returns, not excess) with numpy.percentile's
   * default linear interpolation, position (n − 1)·0.05 in the sorted returns. Reported as a return,
   * so a loss is negative. null when n = 0.
   */
  var95: number | null;
  /** Mean of the returns ≤ var95 (never above var95); null when n = 0. */
  cvar95: number | null;
  /** Number of equity bars (n + 1). */
  bars: number;
  /** Passed through from the input; null when not supplied. */
  turnover: number | null;
  tradeCount: number | null;
  commissionsCents: number | null;
  dividendsCents: number | null;
}

export interface MetricsInput {
  /** Equity per bar, oldest first; finite and > 0. */
  equity: readonly number[];
  /** Annualisation factor; 252 (daily bars) unless set. */
  periodsPerYear?: number;
  /** Risk-free return per period (per bar, not per year); 0 unless set. Used by Sharpe and Sortino. */
  riskFreePerPeriod?: number;
  turnover?: number;
  tradeCount?: number;
  commissionsCents?: number;
  dividendsCents?: number;
}

/** Computes SPEC 5's metrics. Throws RangeError on bad equity or a non-finite option. */
export function computeMetrics(input: MetricsInput): PerformanceMetrics {
  assertEquity(input.equity);
  return metricsOfChecked(input, maxDrawdownOfChecked(input.equity));
}

/**
 * `computeMetrics` and the curve's `drawdownSeries` together, the equity checked and walked for the
 * drawdowns once (a full simulation result carries both, for the strategy and its buy-and-hold).
 */
export function metricsWithDrawdowns(input: MetricsInput): {
  metrics: PerformanceMetrics;
  drawdowns: number[];
} {
  assertEquity(input.equity);
  const { drawdowns, max } = drawdownsWithMaxOfChecked(input.equity);
  return { metrics: metricsOfChecked(input, max), drawdowns };
}

function metricsOfChecked(input: MetricsInput, drawdown: MaxDrawdown): PerformanceMetrics {
  const { equity } = input;
  const periodsPerYear = input.periodsPerYear ?? TRADING_DAYS_PER_YEAR;
  const rf = input.riskFreePerPeriod ?? 0;
  assertFinite('periodsPerYear', periodsPerYear);
  if (periodsPerYear <= 0) throw new RangeError(`periodsPerYear must be > 0, got ${periodsPerYear}`);
  assertFinite('riskFreePerPeriod', rf);
  const passThrough = {
    turnover: optionalFinite('turnover', input.turnover, false),
    tradeCount: optionalFinite('tradeCount', input.tradeCount, true),
    commissionsCents: optionalFinite('commissionsCents', input.commissionsCents, true),
    dividendsCents: optionalFinite('dividendsCents', input.dividendsCents, true),
  };

  // The statistics of the returns (as `dailyReturns` computes them) and their excess over rf, in two
  // passes instead of one per statistic: a full result computes these twice over every session, a
  // sweep once per combination. Each sum still runs left to right over the same terms as `mean`,
  // `sampleStdDev` and `isNoise` would, so every figure is the same to the last bit.
  const n = equity.length - 1;
  const returns = returnsScratch(n);
  let sumReturns = 0;
  let sumExcess = 0;
  let downsideSquares = 0;
  let excessScale = 1;
  for (let t = 0; t < n; t++) {
    const r = (equity[t + 1] as number) / (equity[t] as number) - 1;
    const x = r - rf;
    returns[t] = r;
    sumReturns += r;
    sumExcess += x;
    // min(x, 0)² and max(scale, |x|) as branches and a product: x ** 2 is a call to pow (which
    // returns x * x for an exponent of 2), and a zero term changes no sum that starts at +0.
    if (x < 0) {
      downsideSquares += x * x;
      if (-x > excessScale) excessScale = -x;
    } else if (x > excessScale) excessScale = x;
  }
  const meanReturn = sumReturns / n;
  const meanExcess = sumExcess / n;
  let squares = 0;
  let excessSquares = 0;
  for (let t = 0; t < n; t++) {
    const r = returns[t] as number;
    const d = r - meanReturn;
    const e = r - rf - meanExcess;
    squares += d * d;
    excessSquares += e * e;
  }
  const growth = (equity[equity.length - 1] as number) / (equity[0] as number);
  const sqrtP = Math.sqrt(periodsPerYear);

  const cagr = n === 0 ? null : finiteOrNull(growth ** (periodsPerYear / n) - 1);
  const sd = n < 2 ? null : Math.sqrt(squares / (n - 1));
  const sdExcess = n < 2 ? null : Math.sqrt(excessSquares / (n - 1));
  const sharpe =
    sdExcess === null || isNoiseAt(sdExcess, excessScale) ? null : (meanExcess / sdExcess) * sqrtP;
  const downside = n === 0 ? null : Math.sqrt(downsideSquares / n);
  const sortino =
    downside === null || isNoiseAt(downside, excessScale)
      ? null
      : (meanExcess * periodsPerYear) / (downside * sqrtP);
  const calmar = cagr === null || drawdown.maxDrawdown === 0 ? null : cagr / Math.abs(drawdown.maxDrawdown);
  const var95 = n === 0 ? null : percentileLinear(returns, VAR_TAIL);

  return {
    totalReturn: finiteOrNull(growth - 1),
    cagr,
    annualVolatility: sd === null ? null : finiteOrNull(sd * sqrtP),
    sharpe: finiteOrNull(sharpe),
    sortino: finiteOrNull(sortino),
    maxDrawdown: drawdown.maxDrawdown,
    maxDrawdownDurationBars: drawdown.durationBars,
    calmar: finiteOrNull(calmar),
    var95: finiteOrNull(var95),
    cvar95: var95 === null ? null : finiteOrNull(tailMean(returns, var95)),
    bars: equity.length,
    ...passThrough,
  };
}

/**
 * The returns of the series being measured: one buffer reused from call to call (grown when too short),
 * not a session-long array per curve for the garbage collector. Read only within `metricsOfChecked`.
 */
let returnsBuffer = new Float64Array(0);

function returnsScratch(length: number): Float64Array {
  if (returnsBuffer.length < length)
    returnsBuffer = new Float64Array(Math.max(length, 2 * returnsBuffer.length));
  return returnsBuffer.subarray(0, length);
}

/**
 * Mean of the returns ≤ threshold, computed as threshold + mean(r − threshold): every term is ≤ 0, so
 * the result cannot round above the threshold (a plain sum / k of three copies of 0.1 gives
 * 0.10000000000000002 > 0.1). The tail is never empty: the percentile is ≥ the smallest return.
 */
function tailMean(returns: Float64Array, threshold: number): number {
  let sum = 0;
  let count = 0;
  for (let t = 0; t < returns.length; t++) {
    const r = returns[t] as number;
    if (r <= threshold) {
      sum += r - threshold;
      count++;
    }
  }
  return threshold + sum / count;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function optionalFinite(name: string, value: number | undefined, integer: boolean): number | null {
  if (value === undefined) return null;
  assertFinite(name, value, integer);
  return value;
}
