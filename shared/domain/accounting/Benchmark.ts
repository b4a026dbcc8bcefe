import { isNoise, mean, sampleStdDev } from '../metrics/statistics';
import { TRADING_DAYS_PER_YEAR } from '../metrics/riskMetrics';

/** SPEC 8 "Benchmark": the portfolio's daily returns against a benchmark's, on the same days. */
export interface BenchmarkStats {
  /** cov(r, r_b) / var(r_b), sample; null with fewer than 2 days or a flat benchmark. */
  beta: number | null;
  /** Jensen's alpha annualised: (mean(r − rf) − β·mean(r_b − rf)) × 252. */
  alpha: number | null;
  correlation: number | null;
  /** sd(r − r_b) · √252. */
  trackingError: number | null;
  /** mean(r − r_b) · 252 / tracking error. */
  informationRatio: number | null;
  /** Compounded returns over the days. */
  portfolioReturn: number;
  benchmarkReturn: number;
}

export function benchmarkStats(
  r: readonly number[],
  rb: readonly number[],
  riskFreePerPeriod = 0,
  periodsPerYear = TRADING_DAYS_PER_YEAR,
): BenchmarkStats {
  if (r.length !== rb.length) throw new RangeError('benchmarkStats: the two series must have the same days');
  const n = r.length;
  const portfolioReturn = r.reduce((g, x) => g * (1 + x), 1) - 1;
  const benchmarkReturn = rb.reduce((g, x) => g * (1 + x), 1) - 1;
  if (n < 2) {
    return {
      beta: null,
      alpha: null,
      correlation: null,
      trackingError: null,
      informationRatio: null,
      portfolioReturn,
      benchmarkReturn,
    };
  }
  const mr = mean(r);
  const mb = mean(rb);
  let cov = 0;
  let vr = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const dr = (r[i] as number) - mr;
    const db = (rb[i] as number) - mb;
    cov += dr * db;
    vr += dr * dr;
    vb += db * db;
  }
  const sdB = Math.sqrt(vb / (n - 1));
  const sdR = Math.sqrt(vr / (n - 1));
  const flatB = isNoise(sdB, rb);
  const beta = flatB ? null : cov / vb;
  const alpha =
    beta === null ? null : (mr - riskFreePerPeriod - beta * (mb - riskFreePerPeriod)) * periodsPerYear;
  const correlation = flatB || isNoise(sdR, r) ? null : cov / Math.sqrt(vr * vb);
  const active = r.map((x, i) => x - (rb[i] as number));
  const sdActive = sampleStdDev(active);
  const trackingError = isNoise(sdActive, active) ? null : sdActive * Math.sqrt(periodsPerYear);
  const informationRatio = trackingError === null ? null : (mean(active) * periodsPerYear) / trackingError;
  return { beta, alpha, correlation, trackingError, informationRatio, portfolioReturn, benchmarkReturn };
}
