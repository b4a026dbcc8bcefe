import { percentileLinear } from '../metrics/statistics';

/**
 * Portfolio risk analytics on today's holdings (SPEC 9 "Portfolio risk analytics"): historical and
 * parametric VaR and CVaR, component VaR, the correlation matrix, beta to a benchmark and concentration.
 * Pure arithmetic over returns already aligned on shared dates (./RiskReturns.ts builds them); cash is
 * riskless and only enters the percentages. Money here is dollars as doubles: these are estimates shown
 * to a person, never booked (SPEC 2.8 is about the ledger).
 */

/** z of the one-sided normal quantile at 95 % and 99 %, as SPEC 9 gives them. */
export const Z_95 = 1.6448536269514722;
export const Z_99 = 2.3263478740408408;

/** The confidence levels SPEC 9 defines z for; the analytics report both. */
export const CONFIDENCES = [0.95, 0.99] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export function zOf(confidence: Confidence): number {
  return confidence === 0.95 ? Z_95 : Z_99;
}

/** 10-day figures are the 1-day ones × √10 (square-root-of-time rule). */
export const TEN_DAY_FACTOR = Math.sqrt(10);

export interface RiskHolding {
  symbol: string;
  /** Market value today in dollars (v_i): qty × last close. */
  value: number;
  /** True when this holding had less history than the window asked for (SPEC 9: flagged). */
  shortHistory?: boolean;
}

export interface RiskInput {
  holdings: readonly RiskHolding[];
  /** One array per holding, same order, each of length n: daily simple returns on shared dates. */
  returns: readonly Float64Array[];
  /** Cash in dollars (riskless): part of total equity, not of the stock value. */
  cash: number;
  /** The benchmark's returns on the same dates (length n), or null: beta is then not computed. */
  benchmarkReturns?: Float64Array | null;
}

/** VaR and CVaR at one confidence, as positive dollar losses (a gain in the tail gives a negative). */
export interface VarFigures {
  confidence: Confidence;
  z: number;
  historicalVar1d: number;
  historicalCvar1d: number;
  parametricVar1d: number;
  historicalVar10d: number;
  historicalCvar10d: number;
  parametricVar10d: number;
  /** Each figure as a fraction of total equity (stock + cash); null when equity is 0. */
  historicalVar1dPct: number | null;
  historicalCvar1dPct: number | null;
  parametricVar1dPct: number | null;
}

export interface HoldingRisk {
  symbol: string;
  value: number;
  /** value / stock value (SPEC 9: weights use stock value). */
  weight: number;
  shortHistory: boolean;
  /** z·v_i·(Σv)_i / σ_p at 95 % and 99 % (1 day); all 0 when σ_p = 0. */
  componentVar95: number;
  componentVar99: number;
  /** Beta of this holding's returns to the benchmark; null without a benchmark or when it is flat. */
  beta: number | null;
  /** Annualised volatility of the holding's returns (sd · √252); null with fewer than 2 returns. */
  volatility: number | null;
}

export interface PortfolioRiskReport {
  /** Number of returns used (n ≤ W). */
  sessions: number;
  stockValue: number;
  equity: number;
  /** σ_p = sqrt(vᵀΣv), dollars per day. */
  sigma: number;
  levels: VarFigures[];
  holdings: HoldingRisk[];
  /** Pearson correlation of the holdings' returns; 1 on the diagonal, null where a series is flat. */
  correlation: (number | null)[][];
  /** Beta of the stock portfolio's return (P&L / stock value) to the benchmark; null when not computable. */
  beta: number | null;
  concentration: { largestSymbol: string | null; largestWeight: number; herfindahl: number };
  /** P&L_t = Σ v_i·r_{i,t}, oldest first: the distribution the historical figures come from. */
  pnl: Float64Array;
}

/** Sample covariance (ddof 1) of the returns, as a dense N×N row-major Float64Array. Needs n ≥ 2. */
export function sampleCovariance(returns: readonly Float64Array[]): Float64Array {
  const N = returns.length;
  const n = N === 0 ? 0 : (returns[0] as Float64Array).length;
  const centred: Float64Array[] = new Array<Float64Array>(N);
  for (let i = 0; i < N; i++) {
    const r = returns[i] as Float64Array;
    let sum = 0;
    for (let t = 0; t < n; t++) sum += r[t] as number;
    const m = sum / n;
    const c = new Float64Array(n);
    for (let t = 0; t < n; t++) c[t] = (r[t] as number) - m;
    centred[i] = c;
  }
  const cov = new Float64Array(N * N);
  const d = n - 1;
  for (let i = 0; i < N; i++) {
    const a = centred[i] as Float64Array;
    for (let j = i; j < N; j++) {
      const b = centred[j] as Float64Array;
      let s = 0;
      for (let t = 0; t < n; t++) s += (a[t] as number) * (b[t] as number);
      const v = s / d;
      cov[i * N + j] = v;
      cov[j * N + i] = v;
    }
  }
  return cov;
}

/**
 * Mean of the values at or below `threshold`, computed as threshold + mean(x − threshold) so it can
 * never round above the threshold (see metrics/riskMetrics.ts for the same care on returns). The tail
 * is never empty when the threshold is a percentile of the values.
 */
function tailMean(values: Float64Array, threshold: number): number {
  let sum = 0;
  let count = 0;
  for (let t = 0; t < values.length; t++) {
    const x = values[t] as number;
    if (x <= threshold) {
      sum += x - threshold;
      count++;
    }
  }
  return threshold + sum / count;
}

/** A variance at or below this fraction of the squared scale of the values is rounding noise (flat). */
function isFlat(variance: number, scale: number): boolean {
  return variance <= 1e-24 * Math.max(1, scale * scale);
}

function betaOf(x: Float64Array, bench: Float64Array, benchVar: number, benchMean: number): number | null {
  const n = x.length;
  let sum = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(bench[t] as number)) continue;
    sum += x[t] as number;
    count++;
  }
  if (count < 2 || benchVar === 0) return null;
  const m = sum / count;
  let s = 0;
  for (let t = 0; t < n; t++) {
    const b = bench[t] as number;
    if (Number.isNaN(b)) continue;
    s += ((x[t] as number) - m) * (b - benchMean);
  }
  return s / (count - 1) / benchVar;
}

/**
 * Computes every figure of SPEC 9's analytics. Throws RangeError when the arrays disagree in length,
 * when a value is not finite, or with fewer than 2 returns (a sample covariance needs two).
 */
export function computePortfolioRisk(input: RiskInput): PortfolioRiskReport {
  const { holdings, returns } = input;
  const N = holdings.length;
  if (returns.length !== N) throw new RangeError(`${N} holdings but ${returns.length} return series`);
  const n = N === 0 ? 0 : (returns[0] as Float64Array).length;
  for (let i = 0; i < N; i++) {
    if ((returns[i] as Float64Array).length !== n)
      throw new RangeError(`return series ${i} has ${(returns[i] as Float64Array).length} values, not ${n}`);
    if (!Number.isFinite((holdings[i] as RiskHolding).value))
      throw new RangeError(`value of ${(holdings[i] as RiskHolding).symbol} is not finite`);
  }
  if (N > 0 && n < 2) throw new RangeError(`at least 2 returns are needed, got ${n}`);
  if (!Number.isFinite(input.cash)) throw new RangeError('cash is not finite');

  const v = new Float64Array(N);
  let stockValue = 0;
  for (let i = 0; i < N; i++) {
    v[i] = (holdings[i] as RiskHolding).value;
    stockValue += v[i] as number;
  }
  const equity = stockValue + input.cash;

  // Full revaluation P&L_t = Σ_i v_i·r_{i,t}.
  const pnl = new Float64Array(n);
  for (let i = 0; i < N; i++) {
    const r = returns[i] as Float64Array;
    const vi = v[i] as number;
    for (let t = 0; t < n; t++) pnl[t] = (pnl[t] as number) + vi * (r[t] as number);
  }

  const cov = N === 0 ? new Float64Array(0) : sampleCovariance(returns);
  // Σv and σ_p² = vᵀΣv.
  const sigmaV = new Float64Array(N);
  let variance = 0;
  for (let i = 0; i < N; i++) {
    let s = 0;
    const row = i * N;
    for (let j = 0; j < N; j++) s += (cov[row + j] as number) * (v[j] as number);
    sigmaV[i] = s;
    variance += (v[i] as number) * s;
  }
  const sigma = Math.sqrt(Math.max(0, variance));
  const flatPortfolio = isFlat(variance, stockValue);

  const pct = (x: number): number | null => (equity === 0 ? null : x / equity);
  const levels: VarFigures[] = CONFIDENCES.map((confidence) => {
    const z = zOf(confidence);
    const q = n === 0 ? 0 : percentileLinear(pnl, 1 - confidence);
    const historicalVar1d = n === 0 ? 0 : -q + 0;
    const historicalCvar1d = n === 0 ? 0 : -tailMean(pnl, q) + 0;
    const parametricVar1d = flatPortfolio ? 0 : z * sigma;
    return {
      confidence,
      z,
      historicalVar1d,
      historicalCvar1d,
      parametricVar1d,
      historicalVar10d: historicalVar1d * TEN_DAY_FACTOR,
      historicalCvar10d: historicalCvar1d * TEN_DAY_FACTOR,
      parametricVar10d: parametricVar1d * TEN_DAY_FACTOR,
      historicalVar1dPct: pct(historicalVar1d),
      historicalCvar1dPct: pct(historicalCvar1d),
      parametricVar1dPct: pct(parametricVar1d),
    };
  });

  // Correlation from the covariance; a flat series has no correlation with anything but itself.
  const sd = new Float64Array(N);
  const flat: boolean[] = [];
  for (let i = 0; i < N; i++) {
    const c = cov[i * N + i] as number;
    sd[i] = Math.sqrt(c);
    flat.push(isFlat(c, 1));
  }
  const correlation: (number | null)[][] = [];
  for (let i = 0; i < N; i++) {
    const row: (number | null)[] = new Array<number | null>(N);
    for (let j = 0; j < N; j++) {
      if (i === j) row[j] = 1;
      else if (flat[i] === true || flat[j] === true) row[j] = null;
      else {
        // Clamp: rounding can put a perfect correlation a hair outside [−1, 1].
        const r = (cov[i * N + j] as number) / ((sd[i] as number) * (sd[j] as number));
        row[j] = Math.max(-1, Math.min(1, r));
      }
    }
    correlation.push(row);
  }

  // Beta to the benchmark, over the dates the benchmark has (NaN marks a missing one).
  const bench = input.benchmarkReturns ?? null;
  let benchVar = 0;
  let benchMean = 0;
  if (bench !== null) {
    if (bench.length !== n) throw new RangeError(`benchmark has ${bench.length} returns, not ${n}`);
    let sum = 0;
    let count = 0;
    for (let t = 0; t < n; t++) {
      const b = bench[t] as number;
      if (Number.isNaN(b)) continue;
      sum += b;
      count++;
    }
    benchMean = count === 0 ? 0 : sum / count;
    let s = 0;
    for (let t = 0; t < n; t++) {
      const b = bench[t] as number;
      if (!Number.isNaN(b)) s += (b - benchMean) ** 2;
    }
    benchVar = count < 2 ? 0 : s / (count - 1);
    if (isFlat(benchVar, 1)) benchVar = 0;
  }
  const beta =
    bench === null || stockValue === 0
      ? null
      : betaOf(
          pnl.map((x) => x / stockValue),
          bench,
          benchVar,
          benchMean,
        );

  const holdingRisk: HoldingRisk[] = holdings.map((h, i) => {
    const comp = flatPortfolio ? 0 : ((v[i] as number) * (sigmaV[i] as number)) / sigma;
    return {
      symbol: h.symbol,
      value: h.value,
      weight: stockValue === 0 ? 0 : h.value / stockValue,
      shortHistory: h.shortHistory === true,
      componentVar95: Z_95 * comp,
      componentVar99: Z_99 * comp,
      beta: bench === null ? null : betaOf(returns[i] as Float64Array, bench, benchVar, benchMean),
      volatility: n < 2 ? null : (sd[i] as number) * Math.sqrt(252),
    };
  });

  let largestSymbol: string | null = null;
  let largestWeight = 0;
  let herfindahl = 0;
  for (const h of holdingRisk) {
    herfindahl += h.weight * h.weight;
    if (largestSymbol === null || h.weight > largestWeight) {
      largestSymbol = h.symbol;
      largestWeight = h.weight;
    }
  }

  return {
    sessions: n,
    stockValue,
    equity,
    sigma: flatPortfolio ? 0 : sigma,
    levels,
    holdings: holdingRisk,
    correlation,
    beta,
    concentration: { largestSymbol, largestWeight, herfindahl },
    pnl,
  };
}
