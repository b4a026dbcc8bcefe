import type { CommissionSnapshot } from '../../domain/Commission';
import type { StrategyConfig } from '../../domain/Config';
import { NO_ACTIVITY } from '../../domain/DailyActivity';
import { bookFill } from '../../domain/FillBooking';
import { currentOrNextRegularSession, marketSessionAt } from '../../domain/calendar';
import type { PositionState } from '../../domain/Position';
import { evaluatePosition } from '../../domain/PositionEvaluator';
import type { Side } from '../../domain/DomainEvent';
import { describeEvaluation } from '../../format/EvaluationWords';
import { sessionAllowsTrading } from './decidePosition';
import { slotStart } from './tickId';

/** What one evaluation would do at a price, without writing anything (issue 15's previews). */
export interface TradePreview {
  action: 'HOLD' | 'BUY' | 'SELL';
  side: Side | null;
  qty: number;
  notionalCents: number;
  summary: string;
}

/**
 * The evaluation the live loop would make at `price` (trigger → sizing → guardrails, the same function),
 * before today's daily limits, with the order's notional booked as a fill would book it.
 */
export function previewEvaluation(
  state: PositionState,
  price: number,
  config: StrategyConfig,
  commission: CommissionSnapshot,
): TradePreview {
  const outcome = evaluatePosition({ state, price, config, commission, today: NO_ACTIVITY });
  const trades = outcome.action !== 'HOLD' && outcome.side !== null && outcome.qty > 0;
  const notionalCents = trades
    ? bookFill(outcome.side as Side, outcome.qty, price, commission).notionalCents
    : 0;
  return {
    action: outcome.action,
    side: trades ? outcome.side : null,
    qty: trades ? outcome.qty : 0,
    notionalCents,
    summary: describeEvaluation({
      session: 'REGULAR',
      priceEffective: price,
      trigger: {
        kind: outcome.trigger.kind,
        anchor: outcome.trigger.anchor,
        buyBelow: outcome.trigger.buyBelow,
        sellAbove: outcome.trigger.sellAbove,
        distanceToBuy: outcome.trigger.distanceToBuy,
        distanceToSell: outcome.trigger.distanceToSell,
      },
      finalQty: outcome.qty,
      reasons: [...outcome.reasons],
      action: outcome.action,
    }),
  };
}

/**
 * When the next evaluation can trade: the next tick if the market is open then, else the first tick of
 * the next regular session (its open is a slot boundary).
 */
export function nextTradingTick(now: number, config: StrategyConfig, intervalMs: number): number {
  const next = slotStart(now, intervalMs) + intervalMs;
  if (sessionAllowsTrading(marketSessionAt(next), config)) return next;
  return currentOrNextRegularSession(next).open;
}
