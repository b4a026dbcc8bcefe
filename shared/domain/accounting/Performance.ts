import {
  computeMetrics,
  drawdownSeries,
  monthlyReturns,
  type MonthlyReturn,
  type PerformanceMetrics,
} from '../metrics';
import { benchmarkStats, type BenchmarkStats } from './Benchmark';
import { contributions } from './Contribution';
import type { EquitySnapshot } from './EquityHistory';
import { compound, growthIndex, timeWeightedReturns, xirr, type DatedFlow } from './Returns';

export interface PerformanceInput {
  /** Portfolio totals, one per session, ascending (the period asked for). */
  portfolio: readonly EquitySnapshot[];
  /** Each position's snapshots over the same sessions (missing days: not yet open). */
  positions: ReadonlyMap<string, readonly EquitySnapshot[]>;
  /** The benchmark's closes by session; a session without one carries the last close forward. */
  benchmark: ReadonlyMap<string, number> | null;
  riskFreePerPeriod?: number;
}

export interface Performance {
  dates: string[];
  equityCents: number[];
  /** Time-weighted growth of 1 (first session = 1). */
  twrIndex: number[];
  /** Drawdown of the time-weighted index per session (≤ 0). */
  drawdown: number[];
  benchmarkIndex: (number | null)[];
  twr: number | null;
  mwr: number | null;
  /** SPEC 5 metrics on the time-weighted returns. */
  metrics: PerformanceMetrics | null;
  monthly: MonthlyReturn[];
  benchmarkStats: BenchmarkStats | null;
  /** Per position: Σ_t w_{i,t−1}·r_{i,t} over the period; they add up to Σ_t r_t. */
  contributions: { positionId: string; contribution: number }[];
  /** Σ_t r_t, what the contributions add up to. */
  arithmeticReturn: number;
}

/**
 * SPEC 8 "Returns" and "Benchmark" over a period of the equity history: time-weighted daily returns
 * (flows of the first session are the starting capital, not a return), money-weighted XIRR of the
 * period's flows with the first session's equity as the opening deposit, SPEC 5's metrics on the
 * time-weighted returns, and the benchmark compared on the same sessions.
 */
export function performanceOf(input: PerformanceInput): Performance {
  const snaps = input.portfolio;
  const dates = snaps.map((s) => s.date);
  const equityCents = snaps.map((s) => s.equityCents);
  const r = timeWeightedReturns(
    equityCents,
    snaps.map((s) => s.dayFlowCents),
  );
  const twrIndex = growthIndex(r);
  const n = snaps.length;
  const empty = n === 0;
  const flows: DatedFlow[] = [];
  if (!empty) {
    flows.push({ date: dates[0] as string, amountCents: -(equityCents[0] as number) });
    for (let t = 1; t < n; t++) {
      const f = (snaps[t] as EquitySnapshot).dayFlowCents;
      if (f !== 0) flows.push({ date: dates[t] as string, amountCents: -f });
    }
    flows.push({ date: dates[n - 1] as string, amountCents: equityCents[n - 1] as number });
  }
  const bench = benchmarkSeries(dates, input.benchmark);
  const rb: number[] = [];
  const rp: number[] = [];
  for (let t = 1; t < n; t++) {
    const a = bench[t - 1];
    const b = bench[t];
    if (a === null || b === null || a === undefined || b === undefined) continue;
    rb.push(b / a - 1);
    rp.push(r[t - 1] as number);
  }
  const firstBench = bench.find((x) => x !== null) ?? null;
  const ids = [...input.positions.keys()];
  const aligned = (id: string, field: 'equityCents' | 'dayFlowCents'): number[] => {
    const byDate = new Map((input.positions.get(id) ?? []).map((s) => [s.date, s[field]]));
    return dates.map((d) => byDate.get(d) ?? 0);
  };
  const contrib = contributions(
    ids.map((id) => aligned(id, 'equityCents')),
    ids.map((id) => aligned(id, 'dayFlowCents')),
  );
  return {
    dates,
    equityCents,
    twrIndex,
    drawdown: empty ? [] : drawdownSeries(twrIndex),
    benchmarkIndex: bench.map((x) => (x === null || firstBench === null ? null : x / firstBench)),
    twr: n < 2 ? null : compound(r),
    mwr: n < 2 ? null : xirr(flows),
    metrics:
      empty || twrIndex.some((x) => !(x > 0))
        ? null
        : computeMetrics({ equity: twrIndex, riskFreePerPeriod: input.riskFreePerPeriod ?? 0 }),
    monthly: empty ? [] : monthlyReturns(dates, twrIndex),
    benchmarkStats:
      input.benchmark === null || rp.length === 0
        ? null
        : benchmarkStats(rp, rb, input.riskFreePerPeriod ?? 0),
    contributions: ids.map((positionId, i) => ({ positionId, contribution: contrib[i] as number })),
    arithmeticReturn: r.reduce((a, b) => a + b, 0),
  };
}

/** The benchmark's close per session, the last known close carried forward; null before its first. */
function benchmarkSeries(
  dates: readonly string[],
  closes: ReadonlyMap<string, number> | null,
): (number | null)[] {
  if (closes === null) return dates.map(() => null);
  const sorted = [...closes.keys()].sort();
  let j = 0;
  let last: number | null = null;
  return dates.map((d) => {
    while (j < sorted.length && (sorted[j] as string) <= d) last = closes.get(sorted[j++] as string) ?? last;
    return last;
  });
}
