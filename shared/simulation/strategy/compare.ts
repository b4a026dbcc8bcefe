import type { PerformanceMetrics } from '../../domain/metrics';
import type { MatchingModel } from '../../domain/orders/MatchingRules';
import type { SimulationSpec, SymbolHistory } from '../SimulationSpec';
import type { BuyAndHoldReplay } from '../BuyAndHoldReplay';
import { plainArray } from '../plainArrays';
import type { Prepared, RunOptions, SimulationFailure } from '../runSimulation';
import {
  buyHoldReplays,
  buyHoldTotalsOf,
  metricsOf,
  prepareSimulation,
  sumTotals,
  totalsOf,
} from '../runSimulation';
import { strategyFor } from './BuiltInStrategies';
import { roundTripStats, type RoundTripStats } from '../../domain/accounting/RoundTrips';
import type { LabOptions } from './runStrategy';
import { matchingFor, replaySignals, runStrategy } from './runStrategy';
import type { FillMark, SignalPosition, SignalRunShared } from './SignalPosition';
import type { SizerChoice } from './Sizers';
import { sizerChoice } from './Sizers';
import type { Strategy, StrategyChoice } from './Strategy';

/**
 * SPEC 10's compare: several strategies (or parameter sets of one) on the same symbols, dates, capital
 * and costs, side by side with buy-and-hold: equity curves, SPEC 5's metrics with the best value of each
 * row marked, round-trip statistics, and each strategy's fills as markers for the price chart.
 */
export interface CompareEntry {
  strategy: StrategyChoice;
  /** Ignored by volatility balancing (it sizes its own orders); percent 0.95 when absent. */
  sizer?: SizerChoice;
}

/** A fill as a marker on the price chart. */
export type TradeMarker = FillMark;

export interface CompareRow {
  label: string;
  strategy: StrategyChoice;
  sizer: SizerChoice | null;
  metrics: PerformanceMetrics;
  equityCents: number[];
  roundTrips: RoundTripStats;
  trades: number;
  commissionsCents: number;
  dividendsCents: number;
  finalEquityCents: number;
  /** Orders the order validator (SPEC 9) rejected, and exits a stop placed (0 without risk settings). */
  rejected: number;
  riskExits: number;
  markers: TradeMarker[];
}

/** The metrics rows of the table, and which way is better (SPEC 5). */
export const COMPARE_METRICS = [
  { key: 'totalReturn', label: 'Total return', better: 'higher' },
  { key: 'cagr', label: 'CAGR', better: 'higher' },
  { key: 'annualVolatility', label: 'Annual volatility', better: 'lower' },
  { key: 'sharpe', label: 'Sharpe', better: 'higher' },
  { key: 'sortino', label: 'Sortino', better: 'higher' },
  { key: 'maxDrawdown', label: 'Max drawdown', better: 'higher' },
  { key: 'maxDrawdownDurationBars', label: 'Max drawdown duration (sessions)', better: 'lower' },
  { key: 'calmar', label: 'Calmar', better: 'higher' },
  { key: 'var95', label: 'VaR 95 %', better: 'higher' },
  { key: 'cvar95', label: 'CVaR 95 %', better: 'higher' },
  { key: 'turnover', label: 'Turnover', better: 'lower' },
  { key: 'tradeCount', label: 'Trades', better: 'none' },
  { key: 'commissionsCents', label: 'Commissions', better: 'lower' },
  { key: 'dividendsCents', label: 'Dividends', better: 'higher' },
] as const satisfies readonly {
  key: keyof PerformanceMetrics;
  label: string;
  better: 'higher' | 'lower' | 'none';
}[];
export type CompareMetricKey = (typeof COMPARE_METRICS)[number]['key'];

export interface CompareResult {
  symbols: string[];
  from: string;
  to: string;
  firstSession: string;
  lastSession: string;
  startEquityCents: number;
  dates: string[];
  matching: MatchingModel;
  rows: CompareRow[];
  buyAndHold: { metrics: PerformanceMetrics; equityCents: number[] };
  /**
   * Per metric, the index of the best row (buy-and-hold is `rows.length`), or null when no value is
   * defined or the metric has no better side. Ties go to the first.
   */
  best: Record<CompareMetricKey, number | null>;
}

export type CompareOutcome = { ok: true; result: CompareResult } | SimulationFailure;

/** One entry's row, or why it could not run. */
export type CompareRowOutcome = { ok: true; row: CompareRow } | SimulationFailure;

/**
 * One entry's run on a prepared plan, reduced to what the compare shows (what a compare worker
 * returns). A signal strategy replays without rows (no timeline, trade rows or events, no buy-and-hold
 * beside it): its daily equity, totals, round trips and fills are all the row needs, and its metrics
 * are computed here. Volatility balancing's row comes from its full run (its fills are its trade rows).
 */
export function compareRow(
  plan: Prepared,
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  entry: CompareEntry,
  lab: Partial<LabOptions> = {},
  options: RunOptions = {},
): CompareRowOutcome {
  const strategy = strategyFor(entry.strategy);
  const sizer = entry.sizer ?? sizerChoice('percent');
  if (strategy.kind === 'volatility_balancing') return vbRow(spec, history, strategy, entry, lab, options);
  const markers: TradeMarker[] = [];
  const shared: SignalRunShared = {
    nextOrderId: 1,
    orderEvents: null,
    roundTrips: [],
    sizer,
    matching: lab.matching ?? matchingFor(plan.spec),
    fills: markers,
  };
  const run = replaySignals(plan, strategy, shared, false, options);
  if (!run.ok) return run;
  const totals = totalsOf(run.value.replays);
  const equity = plainArray(run.value.dailyEquity);
  return {
    ok: true,
    row: {
      label: strategy.label + (entry.sizer === undefined ? '' : ` · ${sizerLabel(sizer)}`),
      strategy: entry.strategy,
      sizer,
      metrics: metricsOf(equity, totals, plan.spec.riskFreePerPeriod),
      equityCents: equity,
      roundTrips: roundTripStats(shared.roundTrips),
      trades: totals.trades,
      commissionsCents: totals.commissionsCents,
      dividendsCents: totals.dividendsNetCents,
      finalEquityCents: equity[equity.length - 1] as number,
      rejected: totals.rejected,
      riskExits: run.value.replays.reduce((n, r) => n + (r as SignalPosition).riskExits, 0),
      markers,
    },
  };
}

function vbRow(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  strategy: Strategy,
  entry: CompareEntry,
  lab: Partial<LabOptions>,
  options: RunOptions,
): CompareRowOutcome {
  const run = runStrategy(spec, history, strategy, lab, options);
  if (!run.ok) return run;
  const r = run.result;
  const s = r.simulation;
  const markers: TradeMarker[] = [];
  for (const t of s.trades)
    if (t.status === 'FILLED' && t.filledAt !== null && t.price !== null)
      markers.push({ symbol: t.symbol, at: t.filledAt, side: t.side, qty: t.qty, price: t.price });
  const totals = sumTotals(s.positions.map((p) => p.totals));
  return {
    ok: true,
    row: {
      label: r.strategy.label,
      strategy: entry.strategy,
      sizer: null,
      metrics: s.metrics.strategy,
      equityCents: s.equity.equityCents,
      roundTrips: r.roundTripStats,
      trades: totals.trades,
      commissionsCents: totals.commissionsCents,
      dividendsCents: totals.dividendsNetCents,
      finalEquityCents: s.equity.equityCents[s.equity.equityCents.length - 1] as number,
      rejected: totals.rejected,
      riskExits: s.trades.filter((t) => t.reasons.some((x) => x === 'position_stop' || x === 'trailing_stop'))
        .length,
      markers,
    },
  };
}

/**
 * The buy-and-hold benchmark of a prepared plan (the same for every entry, so computed once per
 * compare): each position's `BuyAndHoldReplay` stepped over its bars, the portfolio's value recorded at
 * each session's end, exactly as a detailed run records it beside the strategy.
 */
export function buyAndHoldOf(plan: Prepared): CompareResult['buyAndHold'] {
  const { spec, steps, index, stepEnds } = plan;
  const buyHolds = buyHoldReplays(plan);
  const equity = new Array<number>(plan.sessions.length);
  let day = 0;
  for (let u = 0; u < steps; u++) {
    for (let k = 0; k < buyHolds.length; k++) {
      const i = index === null ? u : ((index[k] as Int32Array)[u] as number);
      if (i >= 0) (buyHolds[k] as BuyAndHoldReplay).step(i);
    }
    if (stepEnds[u] === 0) continue;
    let total = 0;
    for (const b of buyHolds) total += b.equityCents();
    equity[day++] = total;
  }
  return {
    metrics: metricsOf(equity, buyHoldTotalsOf(buyHolds), spec.riskFreePerPeriod),
    equityCents: equity,
  };
}

export function sizerLabel(s: SizerChoice): string {
  return `${s.id} ${s.params.join(', ')}`;
}

/** Which row is best for each metric (buy-and-hold included as the last row). */
export function bestRows(metrics: readonly PerformanceMetrics[]): Record<CompareMetricKey, number | null> {
  const best = {} as Record<CompareMetricKey, number | null>;
  for (const m of COMPARE_METRICS) {
    let at: number | null = null;
    if (m.better !== 'none') {
      metrics.forEach((row, k) => {
        const v = row[m.key];
        if (v === null || v === undefined || !Number.isFinite(v)) return;
        const current = at === null ? null : (metrics[at] as PerformanceMetrics)[m.key];
        if (current === null || current === undefined || (m.better === 'higher' ? v > current : v < current))
          at = k;
      });
    }
    best[m.key] = at;
  }
  return best;
}

/** Assembles the rows of the entries (run here or in workers) into the compare. */
export function assembleCompare(
  spec: SimulationSpec,
  rows: readonly CompareRow[],
  buyAndHold: CompareResult['buyAndHold'],
  dates: string[],
  matching: MatchingModel,
): CompareResult {
  return {
    symbols: spec.positions.map((p) => p.symbol),
    from: spec.from,
    to: spec.to,
    firstSession: dates[0] as string,
    lastSession: dates[dates.length - 1] as string,
    startEquityCents: spec.positions.reduce((sum, p) => sum + p.initialCashCents, 0),
    dates,
    matching,
    rows: [...rows],
    buyAndHold,
    best: bestRows([...rows.map((r) => r.metrics), buyAndHold.metrics]),
  };
}

/** The compare in this thread (the CLI's and the workers' fallback). */
export function compareStrategies(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  entries: readonly CompareEntry[],
  lab: Partial<LabOptions> = {},
): CompareOutcome {
  const prepared = prepareSimulation(spec, history);
  if (!prepared.ok) return prepared;
  if (entries.length === 0)
    return { ok: false, code: 'INVALID_SPEC', message: 'choose at least one strategy to compare' };
  const plan = prepared.plan;
  const rows: CompareRow[] = [];
  for (const e of entries) {
    const r = compareRow(plan, spec, history, e, lab);
    if (!r.ok) return r;
    rows.push(r.row);
  }
  return {
    ok: true,
    result: assembleCompare(spec, rows, buyAndHoldOf(plan), plan.sessions, lab.matching ?? matchingFor(spec)),
  };
}
