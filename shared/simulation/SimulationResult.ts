import type { CommissionSnapshot } from '../domain/Commission';
import type { StrategyConfig } from '../domain/Config';
import type { Side } from '../domain/DomainEvent';
import type { PerformanceMetrics } from '../domain/metrics';
import type { ReasonCode } from '../domain/ReasonCode';
import type { BarInterval } from '../ports/HistoricalBars';
import type { ExecutionModel, PositionSpec } from './SimulationSpec';

/**
 * What a run produces (SPEC 5 "Output"): a plain, JSON-serialisable object. Money is integer cents,
 * prices are numbers whose shortest text is their exact value. The same spec and history give a
 * byte-identical `JSON.stringify` of it.
 */
export interface SimulationResult {
  version: 1;
  inputs: SimulationInputsEcho;
  /** Every order the run decided, in time order: fills, rejections and cancellations. */
  trades: SimTrade[];
  /** Facts besides the evaluations: fills, anchor moves, dividends, rejections, cancellations. */
  events: SimEvent[];
  /** Every evaluation of every bar, one compact timeline per position. */
  timeline: PositionTimeline[];
  /** One row per session (the last bar of the day for intraday runs). */
  equity: EquitySeries;
  positions: PositionOutcome[];
  metrics: { strategy: PerformanceMetrics; buyAndHold: PerformanceMetrics };
  monthlyReturns: { strategy: MonthlyReturnRow[]; buyAndHold: MonthlyReturnRow[] };
}

export interface SimulationInputsEcho {
  symbols: string[];
  from: string;
  to: string;
  interval: BarInterval;
  /** Sessions actually replayed (the data may start later or end earlier than asked). */
  firstSession: string;
  lastSession: string;
  bars: number;
  sessions: number;
  config: StrategyConfig;
  commission: CommissionSnapshot;
  execution: ExecutionModel;
  positions: PositionSpec[];
  /** Where each symbol's bars came from. */
  sources: Record<string, string>;
  riskFreePerPeriod: number;
}

export type SimTradeStatus = 'FILLED' | 'REJECTED' | 'CANCELLED';

/** Why part or all of an order did not fill. */
export type FillNote =
  | 'volume_cap'
  | 'insufficient_cash'
  | 'end_of_data'
  // The strategy lab's time in force (SPEC 10): a DAY order's session ended, an IOC's rest, a FOK not whole.
  | 'day_end'
  | 'ioc_rest'
  | 'fok_unfilled';

export interface SimTrade {
  /** 1-based, in time order across all positions. */
  seq: number;
  symbol: string;
  /** Bar the order was decided on (session date, or ISO instant for intraday bars). */
  decidedAt: string;
  /** Bar it filled on; null when rejected or cancelled. */
  filledAt: string | null;
  /** Session date of the fill (or of the decision when nothing filled). */
  session: string;
  side: Side;
  status: SimTradeStatus;
  isInitialAllocation: boolean;
  /** What the evaluation ordered. */
  requestedQty: number;
  /** What filled (0 when rejected or cancelled). */
  qty: number;
  /** Part of the order cancelled by the fill model (volume cap, cash, end of data). */
  cancelledQty: number;
  /** The price the rules saw (the bar's close). */
  decisionPrice: number;
  /** Fill price after slippage; null when nothing filled. */
  price: number | null;
  notionalCents: number;
  commissionCents: number;
  /** Position after the fill (unchanged by rejections and cancellations). */
  qtyAfter: number;
  cashAfterCents: number;
  anchorAfter: number | null;
  reasons: ReasonCode[];
  note: FillNote | null;
}

export const SIM_EVENT_TYPES = [
  'OrderFilled',
  'OrderRejected',
  'OrderCancelled',
  'AnchorSet',
  'AnchorUpdated',
  'AnchorAdjusted',
  'DividendAccrued',
  'DividendPaid',
  // SPEC 9 (docs/adr/0131): the portfolio's daily loss stop or circuit breaker fired (symbol '': the
  // whole portfolio); `detail` is the reason code (`max_drawdown`, `daily_loss_stop`), `amountCents` the
  // portfolio's equity when it fired.
  'TradingHalted',
] as const;
export type SimEventType = (typeof SIM_EVENT_TYPES)[number];

/** One flat row per fact, so CSV, XLSX and the `sim_events` table take it as is. */
export interface SimEvent {
  seq: number;
  /** Bar label (session date or ISO instant). */
  at: string;
  symbol: string;
  type: SimEventType;
  /** The trade it belongs to, for order and anchor-on-fill events. */
  tradeSeq: number | null;
  qty: number | null;
  price: number | null;
  /** Cash moved (fills, dividend payments) or accrued (dividend accruals), cents. */
  amountCents: number | null;
  anchorBefore: number | null;
  anchorAfter: number | null;
  /**
   * Words the fields above do not carry: the fill note of a cancellation (`volume_cap`, …), the reason
   * codes of a rejection, an ex-date, why an anchor moved. Never a figure: the report describes each
   * event from its fields (and its trade) with the one formatter (main/reports/simEventDetail.ts).
   */
  detail: string;
}

/** Actions of the compact timeline; `action` values index this list. */
export const TIMELINE_ACTIONS = ['HOLD', 'BUY', 'SELL', 'REJECTED'] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

/**
 * Every bar's evaluation of one position, as columns: bar i is `at[i]`, `price[i]`, ... `reasonSets`
 * holds each distinct list of reasons once; `reasons[i]` indexes it.
 */
export interface PositionTimeline {
  symbol: string;
  actions: readonly TimelineAction[];
  reasonSets: ReasonCode[][];
  at: string[];
  /** The price the rules saw: the bar's close. */
  price: number[];
  /** The anchor in force when the bar was evaluated (null before the initial allocation). */
  anchor: (number | null)[];
  action: number[];
  /** Ordered (or rejected) quantity; 0 on HOLD. */
  qty: number[];
  reasons: number[];
}

/** Portfolio equity per session, cents, with buy-and-hold beside it. */
export interface EquitySeries {
  dates: string[];
  equityCents: number[];
  cashCents: number[];
  receivableCents: number[];
  stockValueCents: number[];
  buyHoldEquityCents: number[];
  /** equity / running peak − 1, per session. */
  drawdown: number[];
  buyHoldDrawdown: number[];
}

/** One position's own result: its daily state (so equity = cash + receivable + qty × close can be checked) and totals. */
export interface PositionOutcome {
  symbol: string;
  source: string;
  firstSession: string;
  lastSession: string;
  /** Aligned with `equity.dates`: the last bar at or before each session (before its first bar: its start). */
  daily: {
    close: (number | null)[];
    qty: number[];
    cashCents: number[];
    receivableCents: number[];
    equityCents: number[];
    buyHoldEquityCents: number[];
  };
  final: {
    qty: number;
    cashCents: number;
    receivableCents: number;
    anchor: number | null;
    equityCents: number;
  };
  /** The position as a following run would start it (walk-forward carries it from window to window). */
  next: PositionSpec;
  totals: {
    trades: number;
    rejected: number;
    cancelled: number;
    buys: number;
    sells: number;
    notionalCents: number;
    commissionsCents: number;
    dividendsGrossCents: number;
    dividendsNetCents: number;
  };
  buyAndHold: {
    qty: number;
    cashCents: number;
    commissionsCents: number;
    dividendsNetCents: number;
    boughtAt: string | null;
    price: number | null;
  };
}

/** A year of the monthly return table: 12 months (null = no bars that month) and the year's return. */
export interface MonthlyReturnRow {
  year: number;
  months: (number | null)[];
  yearReturn: number | null;
}
