import type { CommissionSnapshot } from './Commission';
import type { PricePolicy, StrategyConfig } from './Config';
import type { MarketSession } from './calendar/MarketSession';
import type { PositionStatus } from './Position';
import type { ReasonCode } from './ReasonCode';
import type { RiskAlertKind } from './risk/RiskAlerts';
import type { HaltReason, RiskExitReason } from './risk/RiskRules';

/**
 * The facts of the append-only event log (SPEC 3), as a discriminated union on `type`.
 * Money is integer cents; prices are numbers whose shortest text is their exact value.
 * Each event carries event time (`ts`: market or simulated time) and record time (`recordedAt`).
 */

export type Side = 'BUY' | 'SELL';
export type EvaluationAction = 'HOLD' | 'BUY' | 'SELL' | 'SKIP';

export interface QuoteSnapshot {
  bid: number | null;
  ask: number | null;
  last: number | null;
  ts: number;
}

export interface TriggerSnapshot {
  kind: 'SET_ANCHOR' | 'BUY' | 'SELL' | 'HOLD';
  anchor: number | null;
  buyBelow: number | null;
  sellAbove: number | null;
  distanceToBuy: number | null;
  distanceToSell: number | null;
}

export interface GuardrailStep {
  reason: ReasonCode;
  before: number;
  after: number;
}

export interface EvaluationPayload {
  session: MarketSession;
  pricePolicy: PricePolicy;
  priceEffective: number | null;
  priceSource: string | null;
  priceFallback: string | null;
  quote: QuoteSnapshot | null;
  trigger: TriggerSnapshot | null;
  /** Quantity before guardrails (signed: + buy, − sell). */
  rawQty: number | null;
  /** Quantity after guardrails (unsigned; 0 for HOLD). */
  finalQty: number;
  reasons: ReasonCode[];
  steps: GuardrailStep[];
  action: EvaluationAction;
  /** Set when the evaluation created an order. */
  orderId: string | null;
  /** Expected change if the order fills at the effective price. */
  deltas: { qty: number; cashCents: number } | null;
  detail: string | null;
}

export interface EventPayloads {
  PositionOpened: {
    qty: number;
    cashCents: number;
    anchor: number | null;
    initialStockPct: number;
  };
  PositionStatusChanged: { from: PositionStatus; to: PositionStatus; by: string; why: string | null };
  EvaluationEvent: EvaluationPayload;
  OrderIntentCreated: {
    orderId: string;
    intentId: string;
    side: Side;
    qty: number;
    price: number;
    pricePolicy: PricePolicy;
    commission: CommissionSnapshot;
    dedupeKey: string;
    tickId: string;
    isInitialAllocation: boolean;
  };
  OrderRejected: { orderId: string; side: Side; qty: number; reasons: ReasonCode[]; detail: string };
  OrderCancelled: { orderId: string; reason: string };
  OrderReEvaluated: {
    orderId: string;
    oldPrice: number;
    newPrice: number;
    oldQty: number;
    newQty: number;
    driftBps: number;
  };
  OrderFilled: {
    orderId: string;
    tradeId: string;
    side: Side;
    qty: number;
    price: number;
    notionalCents: number;
    commissionCents: number;
    brokerRef: string;
    commission: CommissionSnapshot;
  };
  PositionUpdated: {
    qty: number;
    cashCents: number;
    receivableCents: number;
    anchor: number | null;
    status: PositionStatus;
    totalCommissionPaidCents: number;
    totalDividendsGrossCents: number;
    totalDividendsNetCents: number;
  };
  DividendAnnounced: {
    announcementId: string;
    exDate: string;
    payDate: string | null;
    amountPerShare: number;
    currency: string;
    withholdingTaxPct: number | null;
    source: string;
  };
  DividendAccrued: {
    announcementId: string;
    qtyEligible: number;
    grossCents: number;
    withholdingCents: number;
    netCents: number;
  };
  DividendPaid: {
    announcementId: string;
    cashDeltaCents: number;
    totalDividendsGrossCents: number;
    totalDividendsNetCents: number;
    grossCents: number;
  };
  /** `to` null: the anchor is unset (a risk exit's fill: the investor decides when to re-enter, SPEC 9). */
  AnchorSet: { from: number | null; to: number | null; by: string; why: string };
  /** orderId is null when no order moved it (an initial allocation that ended without a fill). */
  AnchorUpdated: { from: number | null; to: number; orderId: string | null };
  AnchorAdjusted: { from: number; to: number; announcementId: string; amountPerShare: number };
  ConfigChanged: {
    scope: 'PORTFOLIO' | 'POSITION' | 'COMMISSION' | 'TENANT';
    section: string;
    oldValue: unknown;
    newValue: unknown;
  };
  CashDeposited: { amountCents: number };
  CashWithdrawn: { amountCents: number };
  SplitApplied: {
    ratio: number;
    effectiveDate: string;
    qtyBefore: number;
    qtyAfter: number;
    anchorBefore: number | null;
    anchorAfter: number | null;
    cashInLieuCents: number;
  };
  TickCompleted: {
    tickId: string;
    evaluated: number;
    ordersCreated: number;
    durationMs: number;
    skipped: boolean;
    missedTicks: number;
  };
  ProviderError: { provider: string; symbols: string[]; message: string };
  // ── inputs (issue 15) ──
  /** A position that never traded was deleted (its row is gone; its events stay in the log). */
  PositionDeleted: { by: string; why: string | null; qty: number; cashCents: number };
  // ── settings (issue 15): the dead-letter queue handled by hand ──
  /** A dead intent's order was placed again: a new order and intent through the normal path. */
  DeadIntentRequeued: {
    intentId: string;
    orderId: string;
    newOrderId: string;
    newIntentId: string;
    lastError: string | null;
    by: string;
    why: string | null;
  };
  /** A dead intent was dismissed: nothing is placed again. */
  DeadIntentDiscarded: {
    intentId: string;
    orderId: string;
    lastError: string | null;
    by: string;
    why: string | null;
  };
  // ── risk (issue 17, riskui): an alert's crossing, once per crossing (shared/domain/risk/RiskAlerts) ──
  /**
   * A risk figure crossed its threshold ('crossed': the alert) or came back inside ('cleared': re-armed).
   * portfolioId set; positionId and symbol set for a position's drawdown. Fractions (0.12 = 12 %).
   */
  RiskAlert: {
    kind: RiskAlertKind;
    transition: 'crossed' | 'cleared';
    /** The figure: drawdown below the peak, or the 1-day 99 % VaR as a share of equity; null if unmeasurable. */
    value: number | null;
    /** The threshold, or null when the alert was turned off (a 'cleared' that re-arms it). */
    threshold: number | null;
    /** The session close the figure is of. */
    asOf: string;
  };
  // ── risk (issue 17): the risk manager of SPEC 9 ──
  /**
   * A stop fired: a sell of every share held was queued (its order and intent in the same transaction)
   * and the position paused. `reference` is the average cost (position stop) or the highest close
   * (trailing stop); `stopPrice` = reference × (1 − limitPct).
   */
  RiskExit: {
    reason: RiskExitReason;
    orderId: string;
    qty: number;
    price: number;
    stopPrice: number;
    reference: number;
    limitPct: number;
  };
  /**
   * The portfolio's rules fired (portfolio event: no position). `daily_loss_stop`: no new buys for the
   * rest of `session`; `max_drawdown`: no new orders at all until the investor resumes.
   */
  TradingHalted: {
    reason: HaltReason;
    scope: 'buys' | 'all';
    session: string;
    equityCents: number;
    /** Previous close equity (daily loss) or peak equity (drawdown) it was compared with. */
    referenceCents: number;
    limitPct: number;
  };
  /** The investor resumed a halted portfolio; the drawdown is measured from the equity at this moment. */
  TradingResumed: {
    reason: HaltReason;
    by: string;
    why: string | null;
    /** Equity when resumed (the breaker's new peak), or null when it could not be valued. */
    equityCents: number | null;
  };
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  'PositionOpened',
  'PositionStatusChanged',
  'EvaluationEvent',
  'OrderIntentCreated',
  'OrderRejected',
  'OrderCancelled',
  'OrderReEvaluated',
  'OrderFilled',
  'PositionUpdated',
  'DividendAnnounced',
  'DividendAccrued',
  'DividendPaid',
  'AnchorSet',
  'AnchorUpdated',
  'AnchorAdjusted',
  'ConfigChanged',
  'CashDeposited',
  'CashWithdrawn',
  'SplitApplied',
  'TickCompleted',
  'ProviderError',
  // ── inputs ──
  'PositionDeleted',
  // ── settings ──
  'DeadIntentRequeued',
  'DeadIntentDiscarded',
  // ── risk (riskui) ──
  'RiskAlert',
  // ── risk ──
  'RiskExit',
  'TradingHalted',
  'TradingResumed',
] as const satisfies readonly EventType[];

/** An event before the log gives it an id, record time and hash. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  tenantId: string;
  portfolioId: string | null;
  positionId: string | null;
  symbol: string | null;
  /** Event time, epoch ms (market or simulated time). */
  ts: number;
  /** tick_id, corporate_action_id, or the use case's own id. */
  correlationId: string;
  payload: EventPayloads[T];
}

/** A stored event (SPEC 3): sortable id, record time, and the hash chain. */
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: NewEvent<K> & { id: string; recordedAt: number; prevHash: string; hash: string };
}[T];

export type ConfigSnapshot = StrategyConfig;
