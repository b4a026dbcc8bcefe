import type { CommissionSnapshot } from '../../domain/Commission';
import type { PricePolicy, StrategyConfig } from '../../domain/Config';
import type { DailyActivity } from '../../domain/DailyActivity';
import type {
  EvaluationAction,
  EvaluationPayload,
  QuoteSnapshot,
  Side,
  TriggerSnapshot,
} from '../../domain/DomainEvent';
import { bookFill } from '../../domain/FillBooking';
import { formatPrice, formatQty, formatShares } from '../../format/Format';
import type { MarketSession } from '../../domain/calendar';
import { evaluatePosition, type EvaluationOutcome } from '../../domain/PositionEvaluator';
import type { PositionState } from '../../domain/Position';
import { effectivePrice } from '../../domain/PricePolicy';
import type { Quote } from '../../domain/Quote';
import type { ReasonCode } from '../../domain/ReasonCode';
import type { QuoteResult } from '../../ports/MarketData';
import type { OrderRecord } from '../../ports/OrderRepository';
import type { RiskExitPlan } from '../risk/liveRisk';

export interface DecideInput {
  state: PositionState;
  config: StrategyConfig;
  session: MarketSession;
  /** Null when no quote was asked for (the session does not allow trading). */
  quote: QuoteResult | null;
  /** An order of the position that may still fill: the position is skipped (orders never stack). */
  openOrder: Pick<OrderRecord, 'id' | 'side' | 'qty' | 'status'> | null;
  commission: CommissionSnapshot;
  today: DailyActivity;
  now: number;
}

/** What one position's evaluation decided; the orchestrator writes it. `payload.orderId` is filled in then. */
export interface PositionDecision {
  payload: EvaluationPayload;
  /** Create this order (NEW) and enqueue its intent. */
  order: { side: Side; qty: number; price: number; isInitialAllocation: boolean } | null;
  /** Record this order as REJECTED (action_below_min = reject); nothing is booked. */
  rejected: { side: Side; qty: number; price: number; reasons: ReasonCode[]; detail: string } | null;
  /** Set the anchor without a fill (an initial allocation that ended without an order). */
  anchorToSet: number | null;
  /**
   * Set when the order is a stop's exit (SPEC 9, shared/application/risk/liveRisk): a `RiskExit` is
   * written with it and the position paused, in the same transaction.
   */
  riskExit?: RiskExitPlan;
}

/** May the loop trade in this session with this config (SPEC 2.2)? */
export function sessionAllowsTrading(session: MarketSession, config: StrategyConfig): boolean {
  return session === 'REGULAR' || (session === 'EXTENDED' && config.execution.allowExtendedHours);
}

/**
 * One position at one tick, SPEC 2.1–2.6 and 4.1, without I/O: session → quote → price policy →
 * open-order check → `evaluatePosition` (trigger → sizing → guardrails). Every path yields a full
 * EvaluationPayload, HOLD included, with the reasons and a detail a person can read.
 */
export function decidePosition(input: DecideInput): PositionDecision {
  const { config, session } = input;
  const policy = config.execution.pricePolicy;
  if (!sessionAllowsTrading(session, config)) {
    const why = session === 'EXTENDED' ? 'extended hours are not allowed' : 'the exchange is closed';
    return holdDecision(session, policy, NOTHING_SEEN, ['market_closed'], `session ${session}: ${why}`);
  }
  if (input.quote === null || !input.quote.ok) {
    const failure =
      input.quote === null ? 'no quote was fetched' : `${input.quote.kind}: ${input.quote.error}`;
    return holdDecision(session, policy, NOTHING_SEEN, ['provider_error'], failure);
  }
  const quote = input.quote.quote;
  const snapshot = quoteSnapshot(quote);
  const priced = effectivePrice(quote, policy, input.now, config.execution.maxQuoteAgeMs);
  if (!priced.ok) {
    const unpriced: Seen = { quote: snapshot, priceEffective: null, priceSource: null, priceFallback: null };
    return holdDecision(session, policy, unpriced, [priced.reason], priced.detail);
  }
  const price = priced.price;
  const seen: Seen = {
    quote: snapshot,
    priceEffective: price,
    priceSource: priced.source,
    priceFallback: priced.fallback,
  };

  if (input.openOrder !== null) {
    const o = input.openOrder;
    const detail = `order ${o.id} (${o.side === 'BUY' ? 'buy' : 'sell'} ${formatQty(o.qty)}) is still ${o.status.toLowerCase()}: no new order until it completes`;
    return {
      payload: evaluationPayload(session, policy, seen, null, [], 'SKIP', null, detail),
      order: null,
      rejected: null,
      anchorToSet: null,
    };
  }

  const outcome = evaluatePosition({
    state: input.state,
    price,
    config,
    commission: input.commission,
    today: input.today,
  });
  const reasons = copyOf(outcome.reasons);
  if (outcome.action !== 'HOLD' && outcome.side !== null) {
    const booking = bookFill(outcome.side, outcome.qty, price, input.commission);
    const deltas = {
      qty: outcome.side === 'BUY' ? outcome.qty : -outcome.qty,
      cashCents: booking.cashDeltaCents,
    };
    const detail = outcome.isInitialAllocation ? 'initial allocation' : null;
    return {
      payload: evaluationPayload(session, policy, seen, outcome, reasons, outcome.action, deltas, detail),
      order: {
        side: outcome.side,
        qty: outcome.qty,
        price,
        isInitialAllocation: outcome.isInitialAllocation,
      },
      rejected: null,
      anchorToSet: null,
    };
  }
  const rejected = outcome.rejected
    ? {
        ...outcome.rejected,
        price,
        reasons: copyOf(outcome.reasons),
        detail: `${outcome.rejected.side === 'BUY' ? 'Buying' : 'Selling'} ${formatShares(outcome.rejected.qty)} at ${formatPrice(price)} is below the minimum order (the setting says reject)`,
      }
    : null;
  const details: string[] = [];
  if (rejected) details.push(rejected.detail);
  if (outcome.anchorToSet !== null)
    details.push(`anchor set to ${formatPrice(outcome.anchorToSet)} without an initial fill`);
  const detail = details.length > 0 ? details.join('; ') : null;
  return {
    payload: evaluationPayload(session, policy, seen, outcome, reasons, 'HOLD', null, detail),
    order: null,
    rejected,
    anchorToSet: outcome.anchorToSet,
  };
}

/** The quote an evaluation saw and the price it took from it; all null when it has none. */
interface Seen {
  quote: QuoteSnapshot | null;
  priceEffective: number | null;
  priceSource: string | null;
  priceFallback: string | null;
}

const NOTHING_SEEN: Seen = { quote: null, priceEffective: null, priceSource: null, priceFallback: null };

/**
 * The payload as one object literal with its keys in the stored order (the JSON text is hashed, so
 * the order is part of the event). Not built by spreading partial payloads: an object spread of this
 * many keys cost more than the rest of a HOLD's evaluation (bench/tick.bench.ts). `orderId` is filled
 * in when the order is written.
 */
function evaluationPayload(
  session: MarketSession,
  pricePolicy: PricePolicy,
  seen: Seen,
  outcome: EvaluationOutcome | null,
  reasons: ReasonCode[],
  action: EvaluationAction,
  deltas: EvaluationPayload['deltas'],
  detail: string | null,
): EvaluationPayload {
  return {
    session,
    pricePolicy,
    priceEffective: seen.priceEffective,
    priceSource: seen.priceSource,
    priceFallback: seen.priceFallback,
    quote: seen.quote,
    trigger: outcome === null ? null : triggerSnapshot(outcome),
    rawQty: outcome === null ? null : outcome.rawQty,
    finalQty: outcome === null ? 0 : outcome.qty,
    steps: outcome === null ? [] : copyOf(outcome.steps),
    orderId: null,
    deltas,
    reasons,
    action,
    detail,
  };
}

function holdDecision(
  session: MarketSession,
  pricePolicy: PricePolicy,
  seen: Seen,
  reasons: ReasonCode[],
  detail: string,
): PositionDecision {
  return {
    payload: evaluationPayload(session, pricePolicy, seen, null, reasons, 'HOLD', null, detail),
    order: null,
    rejected: null,
    anchorToSet: null,
  };
}

/**
 * A copy the payload owns. A loop, not a spread: a HOLD inside the band gets the evaluator's shared
 * frozen reasons, and spreading a frozen array takes V8's slow path.
 */
function copyOf<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) out.push(items[i] as T);
  return out;
}

export function quoteSnapshot(quote: Quote): QuoteSnapshot {
  return { bid: quote.bid, ask: quote.ask, last: quote.last, ts: quote.ts };
}

function triggerSnapshot(outcome: EvaluationOutcome): TriggerSnapshot {
  const t = outcome.trigger;
  return {
    kind: t.kind,
    anchor: t.anchor,
    buyBelow: t.buyBelow,
    sellAbove: t.sellAbove,
    distanceToBuy: t.distanceToBuy,
    distanceToSell: t.distanceToSell,
  };
}
