import type { CommissionSnapshot } from '../../domain/Commission';
import type { StrategyConfig } from '../../domain/Config';
import { bookFill } from '../../domain/FillBooking';
import type { OrderToValidate, ValidationContext } from '../../domain/risk/OrderValidator';
import { checkOrder, explainViolation } from '../../domain/risk/OrderValidator';
import { riskOf, validatorIsOff } from '../../domain/risk/RiskConfig';
import { violationWords } from '../../format/RiskWords';
import type { OrderRepository } from '../../ports/OrderRepository';
import type { PositionRecord, PositionRepository } from '../../ports/PositionRepository';
import type { PositionDecision } from '../trading/decidePosition';

/** A minute, the window of the validator's rate limits. */
const RATE_WINDOW_MS = 60_000;

export interface ValidatorDeps {
  orders: Pick<OrderRepository, 'countCreatedForRate'>;
  positions: Pick<PositionRepository, 'listByPortfolio'>;
}

/**
 * The order validator (SPEC 9) on a decision of the live loop, after the guardrails and before the
 * intent: a decision that would create an order and fails a check becomes a REJECTED order with the
 * check's code among its reasons (the tick records it and notifies, as any rejection). Without risk
 * limits in the config, the capital check alone runs, on the position's own figures: no query.
 * `priceOf` values the portfolio's other holdings for the exposure limit (the tick's quotes).
 */
export function validateDecision(
  deps: ValidatorDeps,
  position: PositionRecord,
  decision: PositionDecision,
  config: StrategyConfig,
  commission: CommissionSnapshot,
  now: number,
  priceOf: (symbol: string) => number | null,
): PositionDecision {
  const o = decision.order;
  if (o === null) return decision;
  const limits = riskOf(config);
  const order: OrderToValidate = {
    side: o.side,
    qty: o.qty,
    price: o.price,
    commissionCents: bookFill(o.side, o.qty, o.price, commission).commissionCents,
  };
  const ctx: ValidationContext = {
    ordersLastMinute: 0,
    ordersLastMinuteSymbol: 0,
    positionQty: position.qty,
    positionCashCents: position.cashCents,
    portfolioStockValueCents: 0,
    portfolioEquityCents: 0,
  };
  if (!validatorIsOff(limits)) {
    if (limits.maxOrdersPerMinute !== null || limits.maxOrdersPerMinutePerSymbol !== null) {
      const counts = deps.orders.countCreatedForRate(
        position.tenantId,
        position.symbol,
        now - RATE_WINDOW_MS,
        now + 1,
      );
      ctx.ordersLastMinute = counts.all;
      ctx.ordersLastMinuteSymbol = counts.symbol;
    }
    if (limits.maxTotalExposurePct !== null) {
      for (const p of deps.positions.listByPortfolio(position.tenantId, position.portfolioId)) {
        if (p.status === 'CLOSED') continue;
        const price = p.symbol === position.symbol ? o.price : (priceOf(p.symbol) ?? p.anchor ?? 0);
        const stock = p.qty * price * 100;
        ctx.portfolioStockValueCents += stock;
        ctx.portfolioEquityCents += stock + p.cashCents + p.receivableCents;
      }
    }
  }
  const code = checkOrder(order, ctx, limits);
  if (code === null) return decision;
  const detail = `Order refused by the risk limits: ${violationWords(explainViolation(code, order, ctx, limits))}`;
  const reasons = [...decision.payload.reasons, code];
  return {
    payload: { ...decision.payload, action: 'HOLD', deltas: null, reasons, detail },
    order: null,
    rejected: { side: o.side, qty: o.qty, price: o.price, reasons, detail },
    // An initial allocation that ends without a fill still sets the anchor (SPEC 2.10).
    anchorToSet: o.isInitialAllocation ? o.price : null,
  };
}
