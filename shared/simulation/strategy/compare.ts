import type { PerformanceMetrics } from '../../domain/metrics';
import type { MatchingModel } from '../../domain/orders/MatchingRules';
import type { Side } from '../../domain/DomainEvent';
import type { SimulationSpec, SymbolHistory } from '../SimulationSpec';
import type { RunOptions, SimulationFailure } from '../runSimulation';
import { strategyFor } from './BuiltInStrategies';
import type { RoundTripStats } from '../../domain/accounting/RoundTrips';
import type { LabOptions } from './runStrategy';
import { matchingFor, runStrategy } from './runStrategy';
import type { SizerChoice } from './Sizers';
import { sizerChoice } from './Sizers';
import type { StrategyChoice } from './Strategy';

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

export interface TradeMarker {
  symbol: string;
  at: string;
  side: Side;
  qty: number;
  price: number;
}

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

/** One entry's run, reduced to what the compare shows (what a compare worker returns). */
export function compareRow(
  spec: SimulationSpec,
  history: readonly SymbolHistory[],
  entry: CompareEntry,
  lab: Partial<LabOptions> = {},
  options: RunOptions = {},
):
  | { ok: true; row: CompareRow; buyAndHold: CompareResult['buyAndHold']; dates: string[] }
  | SimulationFailure {
  const strategy = strategyFor(entry.strategy);
  const sizer = entry.sizer ?? sizerChoice('percent');
  const run = runStrategy(spec, history, strategy, { ...lab, sizer }, options);
  if (!run.ok) return run;
  const r = run.result;
  const s = r.simulation;
  const markers: TradeMarker[] = [];
  for (const t of s.trades)
    if (t.status === 'FILLED' && t.filledAt !== null && t.price !== null)
      markers.push({ symbol: t.symbol, at: t.filledAt, side: t.side, qty: t.qty, price: t.price });
  const totals = s.positions.reduce(
    (acc, p) => ({
      trades: acc.trades + p.totals.trades,
      commissions: acc.commissions + p.totals.commissionsCents,
      dividends: acc.dividends + p.totals.dividendsNetCents,
    }),
    { trades: 0, commissions: 0, dividends: 0 },
  );
  return {
    ok: true,
    dates: s.equity.dates,
    buyAndHold: { metrics: s.metrics.buyAndHold, equityCents: s.equity.buyHoldEquityCents },
    row: {
      label:
        r.strategy.label + (r.sizer === null || entry.sizer === undefined ? '' : ` · ${sizerLabel(r.sizer)}`),
      strategy: entry.strategy,
      sizer: r.sizer,
      metrics: s.metrics.strategy,
      equityCents: s.equity.equityCents,
      roundTrips: r.roundTripStats,
      trades: totals.trades,
      commissionsCents: totals.commissions,
      dividendsCents: totals.dividends,
      finalEquityCents: s.equity.equityCents[s.equity.equityCents.length - 1] as number,
      markers,
    },
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
  const rows: CompareRow[] = [];
  let last: { buyAndHold: CompareResult['buyAndHold']; dates: string[] } | null = null;
  for (const e of entries) {
    const r = compareRow(spec, history, e, lab);
    if (!r.ok) return r;
    rows.push(r.row);
    last = r;
  }
  if (last === null)
    return { ok: false, code: 'INVALID_SPEC', message: 'choose at least one strategy to compare' };
  return {
    ok: true,
    result: assembleCompare(spec, rows, last.buyAndHold, last.dates, lab.matching ?? matchingFor(spec)),
  };
}
