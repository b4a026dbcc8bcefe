import type { SweepGrid, SweepResult, WalkForwardResult } from '../../shared/simulation';
import { unitsBlock } from './jsonUnits';
import type { Cell, CellKind, Column, ReportTable } from './ReportModel';

/**
 * The metrics a sweep row carries, as columns. Labels are words; CSV and XLSX headers add each
 * column's unit from its kind ("Total return (fraction)", "Commissions (USD)").
 */
const METRIC_COLUMNS: [string, string, CellKind][] = [
  ['totalReturn', 'Total return', 'percent'],
  ['cagr', 'CAGR', 'percent'],
  ['annualVolatility', 'Annual volatility', 'percent'],
  ['sharpe', 'Sharpe', 'ratio'],
  ['sortino', 'Sortino', 'ratio'],
  ['maxDrawdown', 'Max drawdown', 'percent'],
  ['calmar', 'Calmar', 'ratio'],
  ['var95', 'Daily VaR 95 %', 'percent'],
  ['cvar95', 'Daily CVaR 95 %', 'percent'],
  ['tradeCount', 'Trades', 'integer'],
  ['turnover', 'Turnover (× average equity)', 'ratio'],
  ['commissionsCents', 'Commissions', 'money'],
  ['dividendsCents', 'Dividends', 'money'],
];

const col = (key: string, label: string, kind: CellKind): Column => ({ key, label, kind });

/** The parameters of a sweep row or a walk-forward window's choice. */
const PARAM_COLUMNS: Column[] = [
  col('up', 'Up threshold', 'setting'),
  col('down', 'Down threshold', 'setting'),
  col('ratio', 'Rebalance ratio', 'number'),
  col('minStockPct', 'Minimum stock allocation', 'setting'),
  col('maxStockPct', 'Maximum stock allocation', 'setting'),
];

/** Ranking metrics that are fractions (the others are plain ratios). */
const RANKED_AS_PERCENT = new Set(['cagr', 'totalReturn', 'maxDrawdown']);

/** A sweep's rows as one flat table: parameters, every metric, final equity (ready for a heatmap or a pivot). */
export function sweepTable(result: SweepResult): ReportTable {
  return {
    id: 'sweep',
    title: `Sweep (${result.rows.length} of ${result.total}${result.cancelled ? ', cancelled' : ''})`,
    columns: [
      col('index', '#', 'integer'),
      ...PARAM_COLUMNS,
      ...METRIC_COLUMNS.map(([key, label, kind]) => col(key, label, kind)),
      col('finalEquity', 'Final equity', 'money'),
      col('error', 'Error', 'text'),
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
      col('window', 'Window', 'integer'),
      col('isFrom', 'In sample from', 'date'),
      col('isTo', 'In sample to', 'date'),
      col('oosFrom', 'Out of sample from', 'date'),
      col('oosTo', 'Out of sample to', 'date'),
      ...PARAM_COLUMNS,
      col('score', `In-sample ${result.metric}`, RANKED_AS_PERCENT.has(result.metric) ? 'percent' : 'ratio'),
      col('oosReturn', 'Out-of-sample return', 'percent'),
      col('oosSharpe', 'Out-of-sample Sharpe', 'ratio'),
      col('trades', 'Trades', 'integer'),
      col('start', 'Start equity', 'money'),
      col('end', 'End equity', 'money'),
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
      col('date', 'Date', 'date'),
      col('equity', 'Equity', 'money'),
      col('buyHold', 'Buy and hold equity', 'money'),
      col('drawdown', 'Drawdown', 'percent'),
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
  return `${JSON.stringify({ format: 'volatility-balancing.sweep', version: 2, units: unitsBlock(), grid, ...result }, null, 1)}\n`;
}

/** The JSON document of a walk-forward, as the CLI and the app's export write it. */
export function walkForwardJson(result: WalkForwardResult, grid: SweepGrid | null): string {
  return `${JSON.stringify(
    { format: 'volatility-balancing.walk-forward', version: 2, units: unitsBlock(), grid, ...result },
    null,
    1,
  )}\n`;
}
