import { DEFAULT_GLOBAL_COMMISSION } from '../../domain/Commission';
import type { StrategyConfigOverride } from '../../domain/Config';
import { DEFAULT_STRATEGY_CONFIG, mergeConfig } from '../../domain/Config';
import type { BarInterval, BarSeries } from '../../ports/HistoricalBars';
import type { DividendRecord } from '../../ports/HistoricalDividends';
import type { ExecutionModel, PositionSpec, SimulationSpec } from '../SimulationSpec';
import { DEFAULT_EXECUTION, positionSpec } from '../SimulationSpec';

/** Builders for hand-checked scenarios: bars from rows, specs as overrides of the defaults. */
export interface BarRow {
  /** Session date, or an ISO instant for intraday rows (`session` then names the day). */
  at: string;
  session?: string;
  close: number;
  open?: number;
  volume?: number;
}

export function bars(
  symbol: string,
  rows: readonly (BarRow | [string, number])[],
  interval: BarInterval = '1d',
): BarSeries {
  const list = rows.map((r) => (Array.isArray(r) ? { at: r[0], close: r[1] } : r));
  const col = (f: (r: BarRow) => number): Float64Array => Float64Array.from(list, f);
  return {
    symbol,
    interval,
    time: col((r) => Date.parse(r.at.length === 10 ? `${r.at}T00:00:00Z` : r.at)),
    session: list.map((r) => r.session ?? r.at.slice(0, 10)),
    open: col((r) => r.open ?? r.close),
    high: col((r) => Math.max(r.open ?? r.close, r.close)),
    low: col((r) => Math.min(r.open ?? r.close, r.close)),
    close: col((r) => r.close),
    volume: col((r) => r.volume ?? 1_000_000),
    source: 'test',
  };
}

export function dividend(
  symbol: string,
  exDate: string,
  amount: number,
  payDate: string | null = null,
): DividendRecord {
  return { symbol, exDate, payDate, amount, withholdingPct: null };
}

export function simSpec(
  positions: (string | PositionSpec)[],
  options: {
    from?: string;
    to?: string;
    config?: StrategyConfigOverride;
    execution?: Partial<ExecutionModel>;
    interval?: BarInterval;
    cash?: number;
  } = {},
): SimulationSpec {
  return {
    positions: positions.map((p) => (typeof p === 'string' ? positionSpec(p, options.cash ?? 1_000_000) : p)),
    from: options.from ?? '1990-01-01',
    to: options.to ?? '2100-12-31',
    interval: options.interval ?? '1d',
    config: mergeConfig(DEFAULT_STRATEGY_CONFIG, options.config),
    commission: { rate: DEFAULT_GLOBAL_COMMISSION.rate, minimumCents: 0, scope: 'GLOBAL' },
    execution: { ...DEFAULT_EXECUTION, ...options.execution },
    riskFreePerPeriod: 0,
  };
}
