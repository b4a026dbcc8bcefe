import type { PerformanceMetrics } from '../../shared/domain/metrics';
import {
  formatBps,
  formatCount,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatPercentSetting,
  formatPrice,
  formatQty,
  formatRatio,
  MISSING,
} from '../../shared/format/Format';
import type { MonthlyReturnRow, SimEvent, SimTrade, SimulationResult } from '../../shared/simulation';
import { accountingOfRun, type RunAccounting } from '../../shared/simulation/accountingOfRun';
import { describeSimEvent } from './simEventDetail';

/**
 * The content every report format shows (ADR 0011): built once from a SimulationResult, then only laid
 * out by each exporter, so CSV, XLSX, JSON, HTML and PDF cannot drift apart. Cells are typed values;
 * each format decides how to print a kind (ADR 0067): HTML and PDF through the one formatter
 * (shared/format), CSV and XLSX as numbers under headers that name their unit, JSON as machine values
 * labelled with their unit.
 *
 * Kinds and their machine values: money is integer cents; percent a fraction of a result (shown to two
 * decimals); setting a fraction the user chose (shown with the decimals it has, 0.001 → "0.1 %");
 * price US dollars per share; qty shares; bps basis points; ratio a result such as Sharpe (two
 * decimals); number a plain number the user chose (its own decimals); integer a count.
 */
export type CellKind =
  | 'text'
  | 'date'
  | 'money'
  | 'percent'
  | 'setting'
  | 'ratio'
  | 'number'
  | 'price'
  | 'qty'
  | 'integer'
  | 'bps';

export interface Column {
  key: string;
  label: string;
  kind: CellKind;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** File/sheet name: letters, digits and dashes. */
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /**
   * For label/value tables (summary, metrics) whose value columns change kind from row to row: the
   * kind of each row's values. Absent: each column's own kind applies.
   */
  rowKinds?: CellKind[];
}

export interface ChartSeries {
  label: string;
  values: number[];
}

export interface ReportChart {
  id: string;
  title: string;
  dates: string[];
  /** 'money' values are cents; 'percent' values are fractions. */
  kind: 'money' | 'percent';
  series: ChartSeries[];
}

export interface ReportModel {
  title: string;
  subtitle: string;
  /** Inputs and headline results, as label/value rows. */
  summary: ReportTable;
  metrics: ReportTable;
  monthly: ReportTable[];
  equity: ReportTable;
  trades: ReportTable;
  /** SPEC 8's trade tracker on the run: statistics (with the wash sales) and every round trip. */
  roundTripStats?: ReportTable;
  roundTrips?: ReportTable;
  events: ReportTable;
  charts: ReportChart[];
  /** Lots, round trips and wash sales of the run, by the live ledger's code (the JSON report's `accounting`). */
  accounting?: RunAccounting;
}

/** The tables in the order every format presents them. */
export function reportTables(model: ReportModel): ReportTable[] {
  return [
    model.summary,
    model.metrics,
    ...model.monthly,
    model.equity,
    model.trades,
    ...(model.roundTripStats ? [model.roundTripStats] : []),
    ...(model.roundTrips ? [model.roundTrips] : []),
    model.events,
  ];
}

const col = (key: string, label: string, kind: CellKind): Column => ({ key, label, kind });

const METRIC_ROWS: { key: keyof PerformanceMetrics; label: string; kind: CellKind }[] = [
  { key: 'totalReturn', label: 'Total return', kind: 'percent' },
  { key: 'cagr', label: 'CAGR', kind: 'percent' },
  { key: 'annualVolatility', label: 'Annual volatility', kind: 'percent' },
  { key: 'sharpe', label: 'Sharpe ratio', kind: 'ratio' },
  { key: 'sortino', label: 'Sortino ratio', kind: 'ratio' },
  { key: 'maxDrawdown', label: 'Max drawdown', kind: 'percent' },
  { key: 'maxDrawdownDurationBars', label: 'Max drawdown duration (sessions)', kind: 'integer' },
  { key: 'calmar', label: 'Calmar ratio', kind: 'ratio' },
  { key: 'var95', label: 'VaR 95 % (daily)', kind: 'percent' },
  { key: 'cvar95', label: 'CVaR 95 % (daily)', kind: 'percent' },
  { key: 'tradeCount', label: 'Trades', kind: 'integer' },
  { key: 'turnover', label: 'Turnover (× average equity)', kind: 'ratio' },
  { key: 'commissionsCents', label: 'Commissions', kind: 'money' },
  { key: 'dividendsCents', label: 'Dividends (net)', kind: 'money' },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function buildReportModel(result: SimulationResult): ReportModel {
  const { inputs } = result;
  const symbols = inputs.symbols.join(', ');
  const last = result.equity.equityCents.length - 1;
  const cfg = inputs.config;
  const summaryRows: [string, Cell, CellKind][] = [
    ['Symbols', symbols, 'text'],
    ['Period asked', `${inputs.from} to ${inputs.to}`, 'text'],
    ['Period replayed', `${inputs.firstSession} to ${inputs.lastSession}`, 'text'],
    ['Bar interval', inputs.interval, 'text'],
    ['Sessions', inputs.sessions, 'integer'],
    ['Bars', inputs.bars, 'integer'],
    [
      'Data sources',
      Object.entries(inputs.sources)
        .map(([s, src]) => `${s}: ${src}`)
        .join('; '),
      'text',
    ],
    ['Fill model', inputs.execution.fill === 'close' ? 'at the bar close' : 'at the next bar open', 'text'],
    ['Slippage', inputs.execution.slippageBps, 'bps'],
    [
      'Volume cap (of a bar volume)',
      inputs.execution.volumeCap ?? 'none',
      inputs.execution.volumeCap === null ? 'text' : 'setting',
    ],
    ['Commission rate', inputs.commission.rate, 'setting'],
    ['Minimum commission', inputs.commission.minimumCents, 'money'],
    ['Starting cash', inputs.positions.reduce((s, p) => s + p.initialCashCents, 0), 'money'],
    ['Up threshold', cfg.trigger.upThreshold, 'setting'],
    ['Down threshold', cfg.trigger.downThreshold, 'setting'],
    ['Sizing', cfg.sizing.strategy === 'proportional' ? 'proportional' : 'target allocation', 'text'],
    cfg.sizing.strategy === 'proportional'
      ? ['Rebalance ratio', cfg.sizing.rebalanceRatio, 'number']
      : ['Target stock allocation', cfg.sizing.targetStockPct, 'setting'],
    ['Minimum stock allocation', cfg.guardrails.minStockPct, 'setting'],
    ['Maximum stock allocation', cfg.guardrails.maxStockPct, 'setting'],
    ['Max trade (of position value)', cfg.guardrails.maxTradePctOfPosition, 'setting'],
    [
      'Max orders per day',
      cfg.guardrails.maxOrdersPerDay ?? 'no limit',
      cfg.guardrails.maxOrdersPerDay === null ? 'text' : 'integer',
    ],
    [
      'Quantity step',
      cfg.orderPolicy.qtyStep === 0 ? 'fractional shares' : cfg.orderPolicy.qtyStep,
      cfg.orderPolicy.qtyStep === 0 ? 'text' : 'qty',
    ],
    ['Minimum order notional', Math.round(cfg.orderPolicy.minNotional * 100), 'money'],
    ['Initial stock allocation', cfg.execution.initialStockPct, 'setting'],
    ['Anchor adjusted on dividends', cfg.execution.adjustAnchorOnDividend ? 'yes' : 'no', 'text'],
    ['Dividend withholding', cfg.execution.dividendWithholdingPct, 'setting'],
    ['Risk-free return per day', inputs.riskFreePerPeriod, 'setting'],
    ['Final equity', result.equity.equityCents[last] ?? null, 'money'],
    ['Final equity, buy and hold', result.equity.buyHoldEquityCents[last] ?? null, 'money'],
  ];
  const summary: ReportTable = {
    id: 'summary',
    title: 'Summary',
    columns: [col('item', 'Item', 'text'), col('value', 'Value', 'text')],
    rows: summaryRows.map(([label, value]) => [label, value]),
    rowKinds: summaryRows.map(([, , kind]) => kind),
  };

  const metrics: ReportTable = {
    id: 'metrics',
    title: 'Metrics',
    columns: [
      col('metric', 'Metric', 'text'),
      col('strategy', 'Strategy', 'text'),
      col('buyAndHold', 'Buy and hold', 'text'),
    ],
    rows: METRIC_ROWS.map((m) => [m.label, result.metrics.strategy[m.key], result.metrics.buyAndHold[m.key]]),
    rowKinds: METRIC_ROWS.map((m) => m.kind),
  };

  const monthly = [
    monthlyTable('monthly-strategy', 'Monthly returns, strategy', result.monthlyReturns.strategy),
    monthlyTable('monthly-buy-and-hold', 'Monthly returns, buy and hold', result.monthlyReturns.buyAndHold),
  ];

  const multi = result.positions.length > 1;
  const e = result.equity;
  const equity: ReportTable = {
    id: 'equity',
    title: 'Daily equity',
    columns: [
      col('date', 'Date', 'date'),
      ...result.positions.flatMap((p) => [
        col(`${p.symbol}.close`, `${p.symbol} close`, 'price'),
        col(`${p.symbol}.qty`, `${p.symbol} shares`, 'qty'),
        ...(multi ? [col(`${p.symbol}.equity`, `${p.symbol} equity`, 'money')] : []),
      ]),
      col('cash', 'Cash', 'money'),
      col('receivable', 'Dividend receivable', 'money'),
      col('stockValue', 'Stock value', 'money'),
      col('equity', 'Equity', 'money'),
      col('buyHoldEquity', 'Buy and hold equity', 'money'),
      col('drawdown', 'Drawdown', 'percent'),
      col('buyHoldDrawdown', 'Buy and hold drawdown', 'percent'),
    ],
    rows: equityRows(result, multi),
  };

  const trades: ReportTable = {
    id: 'trades',
    title: 'Trades',
    columns: [
      col('seq', '#', 'integer'),
      col('symbol', 'Symbol', 'text'),
      col('decidedAt', 'Decided', 'date'),
      col('filledAt', 'Filled', 'date'),
      col('side', 'Side', 'text'),
      col('status', 'Status', 'text'),
      col('requestedQty', 'Ordered', 'qty'),
      col('qty', 'Filled qty', 'qty'),
      col('cancelledQty', 'Cancelled qty', 'qty'),
      col('decisionPrice', 'Decision price', 'price'),
      col('price', 'Fill price', 'price'),
      col('notional', 'Notional', 'money'),
      col('commission', 'Commission', 'money'),
      col('qtyAfter', 'Shares after', 'qty'),
      col('cashAfter', 'Cash after', 'money'),
      col('anchorAfter', 'Anchor after', 'price'),
      col('initial', 'Initial allocation', 'text'),
      col('reasons', 'Reasons', 'text'),
      col('note', 'Note', 'text'),
    ],
    rows: result.trades.map((t) => [
      t.seq,
      t.symbol,
      t.decidedAt,
      t.filledAt,
      t.side,
      t.status,
      t.requestedQty,
      t.qty,
      t.cancelledQty,
      t.decisionPrice,
      t.price,
      t.notionalCents,
      t.commissionCents,
      t.qtyAfter,
      t.cashAfterCents,
      t.anchorAfter,
      t.isInitialAllocation ? 'yes' : 'no',
      t.reasons.join(' '),
      t.note,
    ]),
  };

  const tradeBySeq = new Map<number, SimTrade>(result.trades.map((t) => [t.seq, t]));
  const events: ReportTable = {
    id: 'events',
    title: 'Events',
    columns: [
      col('seq', '#', 'integer'),
      col('at', 'At', 'date'),
      col('symbol', 'Symbol', 'text'),
      col('type', 'Event', 'text'),
      col('tradeSeq', 'Trade #', 'integer'),
      col('qty', 'Qty', 'qty'),
      col('price', 'Price / amount per share', 'price'),
      col('amount', 'Cash amount', 'money'),
      col('anchorBefore', 'Anchor before', 'price'),
      col('anchorAfter', 'Anchor after', 'price'),
      col('detail', 'Detail', 'text'),
    ],
    rows: result.events.map((ev: SimEvent) => [
      ev.seq,
      ev.at,
      ev.symbol,
      ev.type,
      ev.tradeSeq,
      ev.qty,
      ev.price,
      ev.amountCents,
      ev.anchorBefore,
      ev.anchorAfter,
      describeSimEvent(ev, ev.tradeSeq === null ? undefined : tradeBySeq.get(ev.tradeSeq)),
    ]),
  };

  const accounting = accountingOfRun(result);
  return {
    title: `Volatility Balancing simulation: ${symbols}`,
    subtitle: `${inputs.firstSession} to ${inputs.lastSession}, ${inputs.interval} bars, fills ${inputs.execution.fill === 'close' ? 'at the close' : 'at the next open'}`,
    summary,
    metrics,
    monthly,
    equity,
    trades,
    ...roundTripTables(accounting),
    events,
    accounting,
    charts: [
      {
        id: 'equity-chart',
        title: 'Equity: strategy and buy and hold',
        dates: e.dates,
        kind: 'money',
        series: [
          { label: 'Strategy', values: e.equityCents },
          { label: 'Buy and hold', values: e.buyHoldEquityCents },
        ],
      },
      {
        id: 'drawdown-chart',
        title: 'Drawdown',
        dates: e.dates,
        kind: 'percent',
        series: [
          { label: 'Strategy', values: e.drawdown },
          { label: 'Buy and hold', values: e.buyHoldDrawdown },
        ],
      },
    ],
  };
}

/**
 * One row per session: each position's close and shares (and equity when several), then the
 * portfolio's columns. Built with plain loops: a 26-year run has 6,642 rows.
 */
function equityRows(result: SimulationResult, multi: boolean): Cell[][] {
  const e = result.equity;
  const rows = new Array<Cell[]>(e.dates.length);
  for (let t = 0; t < e.dates.length; t++) {
    const row: Cell[] = [e.dates[t] as string];
    for (const p of result.positions) {
      row.push(p.daily.close[t] ?? null, p.daily.qty[t] as number);
      if (multi) row.push(p.daily.equityCents[t] as number);
    }
    row.push(
      e.cashCents[t] as number,
      e.receivableCents[t] as number,
      e.stockValueCents[t] as number,
      e.equityCents[t] as number,
      e.buyHoldEquityCents[t] as number,
      e.drawdown[t] as number,
      e.buyHoldDrawdown[t] as number,
    );
    rows[t] = row;
  }
  return rows;
}

/** The kind of one cell: its row's kind in label/value tables (after the label column), else its column's. */
export function cellKind(table: ReportTable, row: number, column: number): CellKind {
  if (table.rowKinds !== undefined && column > 0) return table.rowKinds[row] ?? 'text';
  return table.columns[column]?.kind ?? 'text';
}

function monthlyTable(id: string, title: string, rows: readonly MonthlyReturnRow[]): ReportTable {
  return {
    id,
    title,
    columns: [
      col('year', 'Year', 'text'),
      ...MONTHS.map((m, i) => col(`m${i + 1}`, m, 'percent')),
      col('year', 'Year', 'percent'),
    ],
    rows: rows.map((r) => [String(r.year), ...r.months, r.yearReturn]),
  };
}

/** How HTML and PDF print a cell: the one formatter (shared/format) for every figure. */
export function formatCell(value: Cell, kind: CellKind): string {
  if (value === null) return MISSING;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'money':
      return formatMoney(value);
    case 'percent':
      return formatPercent(value);
    case 'setting':
      return formatPercentSetting(value);
    case 'ratio':
      return formatRatio(value);
    case 'number':
      return formatDecimal(value);
    case 'integer':
      return formatCount(value);
    case 'qty':
      return formatQty(value);
    case 'price':
      return formatPrice(value);
    case 'bps':
      return formatBps(value);
    default:
      return String(value);
  }
}

/** The unit a machine format names in a header: CSV and XLSX cells hold numbers, HTML and PDF text. */
export function unitOf(kind: CellKind, target: 'csv' | 'xlsx'): string | null {
  switch (kind) {
    case 'money':
      return 'USD';
    case 'price':
      return 'USD per share';
    case 'qty':
      return 'shares';
    case 'percent':
    case 'setting':
      // XLSX shows fractions with a % number format; CSV keeps the fraction itself.
      return target === 'xlsx' ? '%' : 'fraction';
    case 'bps':
      return 'bps';
    default:
      return null;
  }
}

/** A column's header in CSV and XLSX: its label and, for a number, its unit ("Cash (USD)"). */
export function headerOf(column: Column, target: 'csv' | 'xlsx'): string {
  const unit = unitOf(column.kind, target);
  return unit === null ? column.label : `${column.label} (${unit})`;
}

/** How CSV writes a cell: numbers as plain numbers (money in dollars with two decimals), text as is. */
export function csvValue(value: Cell, kind: CellKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (kind === 'money') return centsToDecimalText(value);
  return String(value);
}

/** Exact dollars text from integer cents (no float division): 123456 → "1234.56", −5 → "-0.05". */
export function centsToDecimalText(centsValue: number): string {
  const sign = centsValue < 0 ? '-' : '';
  const abs = Math.abs(Math.round(centsValue));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const roundCents = (v: number | null): number | null => (v === null ? null : Math.round(v));

/** SPEC 8 "Round trips": the statistics (and the run's wash sales) as label/value rows, and each trip. */
function roundTripTables(acc: RunAccounting): { roundTripStats: ReportTable; roundTrips: ReportTable } {
  const s = acc.roundTripStats;
  const statRows: [string, Cell, CellKind][] = [
    ['Round trips (closed lot parts, FIFO)', s.count, 'integer'],
    ['Wins', s.wins, 'integer'],
    ['Losses', s.losses, 'integer'],
    ['Win rate (a zero P&L is not a win)', s.winRate, 'percent'],
    ['Average win', roundCents(s.averageWinCents), 'money'],
    ['Average loss', roundCents(s.averageLossCents), 'money'],
    ['Profit factor (gross wins / gross losses)', s.profitFactor, 'ratio'],
    ['Expectancy (mean P&L per round trip)', roundCents(s.expectancyCents), 'money'],
    [
      'Average holding (calendar days)',
      s.averageHoldingDays === null ? null : Math.round(s.averageHoldingDays * 10) / 10,
      'number',
    ],
    ['Realised P&L of the round trips', s.totalPnlCents, 'money'],
    ['Wash sales (tax view)', acc.washSales.length, 'integer'],
    ['Loss disallowed by wash sales', acc.disallowedCents, 'money'],
  ];
  return {
    roundTripStats: {
      id: 'round-trip-stats',
      title: 'Round-trip statistics',
      columns: [col('item', 'Statistic', 'text'), col('value', 'Value', 'text')],
      rows: statRows.map(([label, value]) => [label, value]),
      rowKinds: statRows.map(([, , kind]) => kind),
    },
    roundTrips: {
      id: 'round-trips',
      title: 'Round trips',
      columns: [
        col('symbol', 'Symbol', 'text'),
        col('entryDate', 'Bought', 'date'),
        col('exitDate', 'Sold', 'date'),
        col('qty', 'Shares', 'qty'),
        col('entryPrice', 'Entry price', 'price'),
        col('exitPrice', 'Exit price', 'price'),
        col('cost', 'Cost', 'money'),
        col('pnl', 'P&L', 'money'),
        col('return', 'Return', 'percent'),
        col('holdingDays', 'Days held', 'integer'),
        col('term', 'Term', 'text'),
      ],
      rows: acc.roundTrips.map((t) => [
        t.symbol,
        t.entryDate,
        t.exitDate,
        t.qty,
        t.entryPrice,
        t.exitPrice,
        t.costCents,
        t.pnlCents,
        t.return,
        t.holdingDays,
        t.longTerm ? 'long' : 'short',
      ]),
    },
  };
}
