import type { CommissionSnapshot } from '../../domain/Commission';
import type { StrategyConfig } from '../../domain/Config';
import type { DailyActivity } from '../../domain/DailyActivity';
import type { EvaluationPayload, QuoteSnapshot, Side, TriggerSnapshot } from '../../domain/DomainEvent';
import { bookFill } from '../../domain/FillBooking';
import type { MarketSession } from '../../domain/calendar';
import { evaluatePosition, type EvaluationOutcome } from '../../domain/PositionEvaluator';
import type { PositionState } from '../../domain/Position';
import { effectivePrice } from '../../domain/PricePolicy';
import type { Quote } from '../../domain/Quote';
import type { ReasonCode } from '../../domain/ReasonCode';
import type { QuoteResult } from '../../ports/MarketData';
import type { OrderRecord } from '../../ports/OrderRepository';

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
  const base = baseEvaluation(session, policy);
  if (!sessionAllowsTrading(session, config)) {
    const why = session === 'EXTENDED' ? 'extended hours are not allowed' : 'the exchange is closed';
    return holdDecision(base, ['market_closed'], `session ${session}: ${why}`);
  }
  if (input.quote === null || !input.quote.ok) {
    const failure =
      input.quote === null ? 'no quote was fetched' : `${input.quote.kind}: ${input.quote.error}`;
    return holdDecision(base, ['provider_error'], failure);
  }
  const quote = input.quote.quote;
  const snapshot = quoteSnapshot(quote);
  const priced = effectivePrice(quote, policy, input.now, config.execution.maxQuoteAgeMs);
  if (!priced.ok) return holdDecision(base, [priced.reason], priced.detail, { quote: snapshot });
  const price = priced.price;
  const seen = {
    quote: snapshot,
    priceEffective: price,
    priceSource: priced.source,
    priceFallback: priced.fallback,
  };

  if (input.openOrder !== null) {
    const o = input.openOrder;
    return {
      payload: {
        ...base,
        ...seen,
        reasons: [],
        action: 'SKIP',
        detail: `order ${o.id} (${o.side} ${o.qty}) is still ${o.status}: no new order until it completes`,
      },
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
  const evaluated = {
    ...base,
    ...seen,
    trigger: triggerSnapshot(outcome),
    rawQty: outcome.rawQty,
    finalQty: outcome.qty,
    reasons: [...outcome.reasons],
    steps: [...outcome.steps],
  };
  if (outcome.action !== 'HOLD' && outcome.side !== null) {
    const booking = bookFill(outcome.side, outcome.qty, price, input.commission);
    return {
      payload: {
        ...evaluated,
        action: outcome.action,
        deltas: {
          qty: outcome.side === 'BUY' ? outcome.qty : -outcome.qty,
          cashCents: booking.cashDeltaCents,
        },
        detail: outcome.isInitialAllocation ? 'initial allocation' : null,
      },
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
        reasons: [...outcome.reasons],
        detail: `${outcome.rejected.side} ${outcome.rejected.qty} @ ${price} is below the minimum order (action_below_min = reject)`,
      }
    : null;
  const details: string[] = [];
  if (rejected) details.push(rejected.detail);
  if (outcome.anchorToSet !== null)
    details.push(`anchor set to ${outcome.anchorToSet} without an initial fill`);
  return {
    payload: { ...evaluated, action: 'HOLD', detail: details.length > 0 ? details.join('; ') : null },
    order: null,
    rejected,
    anchorToSet: outcome.anchorToSet,
  };
}

/** The payload fields every outcome starts from (one evaluation per position per tick: no closures here). */
function baseEvaluation(session: MarketSession, pricePolicy: EvaluationPayload['pricePolicy']) {
  return {
    session,
    pricePolicy,
    priceEffective: null,
    priceSource: null,
    priceFallback: null,
    quote: null,
    trigger: null,
    rawQty: null,
    finalQty: 0,
    steps: [],
    orderId: null,
    deltas: null,
  } satisfies Partial<EvaluationPayload>;
}

function holdDecision(
  base: ReturnType<typeof baseEvaluation>,
  reasons: ReasonCode[],
  detail: string,
  extra: Partial<EvaluationPayload> = {},
): PositionDecision {
  return {
    payload: { ...base, ...extra, reasons, action: 'HOLD', detail },
    order: null,
    rejected: null,
    anchorToSet: null,
  };
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
