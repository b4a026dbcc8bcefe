import type { RiskConfig } from './RiskConfig';

/**
 * The pre-trade order validator (SPEC 9): after the guardrails, before the intent. Six checks in the
 * SPEC's order; the first that fails gives the order's rejection code. Limits are off (null) until set;
 * the capital check needs no limit (an order never spends cash the position does not have).
 *
 * Only what adds risk is limited: rate limits count every order, but the size, value and exposure
 * limits stop buys only — a sell that reduces a position is never refused for the position being too
 * big (that would trap the investor in the very risk the limit is about). A risk exit (a stop's sale)
 * is not rate-limited either (docs/adr/0113).
 */

export const VALIDATOR_CODES = [
  'RATE_LIMIT_GLOBAL',
  'RATE_LIMIT_SYMBOL',
  'INSUFFICIENT_CAPITAL',
  'POSITION_SIZE_LIMIT',
  'POSITION_VALUE_LIMIT',
  'TOTAL_EXPOSURE_LIMIT',
] as const;
export type ValidatorCode = (typeof VALIDATOR_CODES)[number];

export interface OrderToValidate {
  side: 'BUY' | 'SELL';
  qty: number;
  /** The price the order was sized at (dollars per share). */
  price: number;
  /** The commission the order will pay, in cents (from its snapshot). */
  commissionCents: number;
  /** A stop's exit: never rate-limited. */
  riskExit?: boolean;
}

/** What the checks read, gathered by the caller (live loop or simulation) before the order is written. */
export interface ValidationContext {
  /** Orders created (not rejected) in the last 60 seconds, whole tenant / this symbol. */
  ordersLastMinute: number;
  ordersLastMinuteSymbol: number;
  /** The position before the order. */
  positionQty: number;
  positionCashCents: number;
  /** The portfolio at the order's price, in cents: its stock value and its equity (stock + cash + receivable). */
  portfolioStockValueCents: number;
  portfolioEquityCents: number;
}

/**
 * A failed check carries the figure that broke the limit and the limit, in the limit's unit (orders,
 * shares, dollars, or a fraction of equity); shared/format/RiskWords.ts puts it in words.
 */
export type ValidationResult =
  { ok: true } | { ok: false; code: ValidatorCode; value: number; limit: number };

const OK: ValidationResult = Object.freeze({ ok: true });

/**
 * Checks `order` against `limits`. Cents stay integers where they are booked; the checks compare
 * dollars computed from them, so a limit exactly met passes (≤), as the guardrails' caps do.
 */
export function validateOrder(
  order: OrderToValidate,
  ctx: ValidationContext,
  limits: RiskConfig,
): ValidationResult {
  if (order.riskExit !== true) {
    const perMinute = limits.maxOrdersPerMinute;
    if (perMinute !== null && ctx.ordersLastMinute + 1 > perMinute)
      return fail('RATE_LIMIT_GLOBAL', ctx.ordersLastMinute + 1, perMinute);
    const perSymbol = limits.maxOrdersPerMinutePerSymbol;
    if (perSymbol !== null && ctx.ordersLastMinuteSymbol + 1 > perSymbol)
      return fail('RATE_LIMIT_SYMBOL', ctx.ordersLastMinuteSymbol + 1, perSymbol);
  }
  if (order.side === 'SELL') {
    if (order.qty > ctx.positionQty) return fail('INSUFFICIENT_CAPITAL', order.qty, ctx.positionQty);
    return OK;
  }
  const notionalCents = order.qty * order.price * 100;
  if (notionalCents + order.commissionCents > ctx.positionCashCents)
    return fail(
      'INSUFFICIENT_CAPITAL',
      (notionalCents + order.commissionCents) / 100,
      ctx.positionCashCents / 100,
    );
  const qtyAfter = ctx.positionQty + order.qty;
  if (limits.maxPositionQty !== null && qtyAfter > limits.maxPositionQty)
    return fail('POSITION_SIZE_LIMIT', qtyAfter, limits.maxPositionQty);
  if (limits.maxPositionValue !== null && qtyAfter * order.price > limits.maxPositionValue)
    return fail('POSITION_VALUE_LIMIT', qtyAfter * order.price, limits.maxPositionValue);
  if (limits.maxTotalExposurePct !== null) {
    const equityAfter = ctx.portfolioEquityCents - order.commissionCents;
    const exposure =
      equityAfter > 0 ? (ctx.portfolioStockValueCents + notionalCents) / equityAfter : Infinity;
    if (exposure > limits.maxTotalExposurePct)
      return fail('TOTAL_EXPOSURE_LIMIT', exposure, limits.maxTotalExposurePct);
  }
  return OK;
}

function fail(code: ValidatorCode, value: number, limit: number): ValidationResult {
  return { ok: false, code, value, limit };
}
