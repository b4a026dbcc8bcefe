import type { SweepGrid, SweepResult, WalkForwardResult } from '../../shared/simulation';
import type { Cell, CellKind, ReportTable } from './ReportModel';

const METRIC_COLUMNS: [string, string, CellKind][] = [
  ['totalReturn', 'Total return', 'ratio'],
  ['cagr', 'CAGR', 'ratio'],
  ['annualVolatility', 'Annual volatility', 'ratio'],
  ['sharpe', 'Sharpe', 'ratio'],
  ['sortino', 'Sortino', 'ratio'],
  ['maxDrawdown', 'Max drawdown', 'ratio'],
  ['calmar', 'Calmar', 'ratio'],
  ['var95', 'VaR 95', 'ratio'],
  ['cvar95', 'CVaR 95', 'ratio'],
  ['tradeCount', 'Trades', 'integer'],
  ['turnover', 'Turnover', 'ratio'],
  ['commissionsCents', 'Commissions', 'money'],
  ['dividendsCents', 'Dividends', 'money'],
];

/** A sweep's rows as one flat table: parameters, every metric, final equity (ready for a heatmap or a pivot). */
export function sweepTable(result: SweepResult): ReportTable {
  return {
    id: 'sweep',
    title: `Sweep (${result.rows.length} of ${result.total}${result.cancelled ? ', cancelled' : ''})`,
    columns: [
      { key: 'index', label: 'index', kind: 'integer' },
      { key: 'up', label: 'up', kind: 'ratio' },
      { key: 'down', label: 'down', kind: 'ratio' },
      { key: 'ratio', label: 'ratio', kind: 'ratio' },
      { key: 'minStockPct', label: 'min_stock_pct', kind: 'ratio' },
      { key: 'maxStockPct', label: 'max_stock_pct', kind: 'ratio' },
      ...METRIC_COLUMNS.map(([key, , kind]) => ({ key, label: key, kind })),
      { key: 'finalEquity', label: 'finalEquity', kind: 'money' },
      { key: 'error', label: 'error', kind: 'text' },
    ],
    rows: result.rows.map((r) => [
      r.index,
      r.params.up,
      r.params.down,
      r.params.ratio,
      r.params.minStockPct,
      r.params.maxStockPct,
      ...METRIC_COLUMNS.map(([key]): Cell =>
        r.metrics === null ? null : ((r.metrics as unknown as Record<string, number | null>)[key] ?? null),
      ),
      r.finalEquityCents,
      r.error,
    ]),
  };
}

/** Walk-forward windows as a table: ranges, chosen parameters, in-sample score and out-of-sample results. */
export function walkForwardTable(result: WalkForwardResult): ReportTable {
  return {
    id: 'windows',
    title: 'Walk-forward windows',
    columns: [
      { key: 'window', label: 'window', kind: 'integer' },
      { key: 'isFrom', label: 'in_sample_from', kind: 'date' },
      { key: 'isTo', label: 'in_sample_to', kind: 'date' },
      { key: 'oosFrom', label: 'out_of_sample_from', kind: 'date' },
      { key: 'oosTo', label: 'out_of_sample_to', kind: 'date' },
      { key: 'up', label: 'up', kind: 'ratio' },
      { key: 'down', label: 'down', kind: 'ratio' },
      { key: 'ratio', label: 'ratio', kind: 'ratio' },
      { key: 'minStockPct', label: 'min_stock_pct', kind: 'ratio' },
      { key: 'maxStockPct', label: 'max_stock_pct', kind: 'ratio' },
      { key: 'score', label: `in_sample_${result.metric}`, kind: 'ratio' },
      { key: 'oosReturn', label: 'out_of_sample_return', kind: 'ratio' },
      { key: 'oosSharpe', label: 'out_of_sample_sharpe', kind: 'ratio' },
      { key: 'trades', label: 'trades', kind: 'integer' },
      { key: 'start', label: 'start_equity', kind: 'money' },
      { key: 'end', label: 'end_equity', kind: 'money' },
    ],
    rows: result.windows.map((w) => [
      w.index,
      w.inSample.from,
      w.inSample.to,
      w.outOfSample.from,
      w.outOfSample.to,
      w.chosen?.up ?? null,
      w.chosen?.down ?? null,
      w.chosen?.ratio ?? null,
      w.chosen?.minStockPct ?? null,
      w.chosen?.maxStockPct ?? null,
      w.inSampleScore,
      w.outOfSampleMetrics.totalReturn,
      w.outOfSampleMetrics.sharpe,
      w.trades,
      w.startEquityCents,
      w.endEquityCents,
    ]),
  };
}

/** The stitched out-of-sample equity beside buy-and-hold, one row per session. */
export function stitchedEquityTable(result: WalkForwardResult): ReportTable {
  const s = result.stitched;
  return {
    id: 'equity',
    title: 'Stitched out-of-sample equity',
    columns: [
      { key: 'date', label: 'date', kind: 'date' },
      { key: 'equity', label: 'equity', kind: 'money' },
      { key: 'buyHold', label: 'buy_and_hold_equity', kind: 'money' },
      { key: 'drawdown', label: 'drawdown', kind: 'ratio' },
    ],
    rows: s.dates.map((d, i) => [
      d,
      s.equityCents[i] as number,
      s.buyHoldEquityCents[i] ?? null,
      s.drawdown[i] as number,
    ]),
  };
}

/** The JSON document of a sweep, as the CLI and the app's export write it. */
export function sweepJson(result: SweepResult, grid: SweepGrid | null): string {
  return `${JSON.stringify({ format: 'volatility-balancing.sweep', version: 1, grid, ...result }, null, 1)}\n`;
}

/** The JSON document of a walk-forward, as the CLI and the app's export write it. */
export function walkForwardJson(result: WalkForwardResult, grid: SweepGrid | null): string {
  return `${JSON.stringify({ format: 'volatility-balancing.walk-forward', version: 1, grid, ...result }, null, 1)}\n`;
}
