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
export interface Violation {
  code: ValidatorCode;
  value: number;
  limit: number;
  /** Set on a sale of more shares than held (INSUFFICIENT_CAPITAL in shares, not dollars). */
  shares?: true;
}

/**
 * Checks `order` against `limits`: the code of the first check that fails, or null. A limit exactly
 * met passes (≤), as the guardrails' caps do. Returns a string, not an object: most orders pass, and
 * the ones that fail are explained by `explainViolation` (bench/risk.bench.ts: the allocation per
 * rejected order was a third of the validator's time).
 */
export function checkOrder(
  order: OrderToValidate,
  ctx: ValidationContext,
  limits: RiskConfig,
): ValidatorCode | null {
  if (order.riskExit !== true) {
    const perMinute = limits.maxOrdersPerMinute;
    if (perMinute !== null && ctx.ordersLastMinute + 1 > perMinute) return 'RATE_LIMIT_GLOBAL';
    const perSymbol = limits.maxOrdersPerMinutePerSymbol;
    if (perSymbol !== null && ctx.ordersLastMinuteSymbol + 1 > perSymbol) return 'RATE_LIMIT_SYMBOL';
  }
  if (order.side === 'SELL') return order.qty > ctx.positionQty ? 'INSUFFICIENT_CAPITAL' : null;
  const notionalCents = order.qty * order.price * 100;
  if (notionalCents + order.commissionCents > ctx.positionCashCents) return 'INSUFFICIENT_CAPITAL';
  const qtyAfter = ctx.positionQty + order.qty;
  if (limits.maxPositionQty !== null && qtyAfter > limits.maxPositionQty) return 'POSITION_SIZE_LIMIT';
  if (limits.maxPositionValue !== null && qtyAfter * order.price > limits.maxPositionValue)
    return 'POSITION_VALUE_LIMIT';
  if (
    limits.maxTotalExposurePct !== null &&
    exposureAfter(order, ctx, notionalCents) > limits.maxTotalExposurePct
  )
    return 'TOTAL_EXPOSURE_LIMIT';
  return null;
}

/** Stock value / equity after a buy fills (commission leaves equity); Infinity when equity would be ≤ 0. */
function exposureAfter(order: OrderToValidate, ctx: ValidationContext, notionalCents: number): number {
  const equityAfter = ctx.portfolioEquityCents - order.commissionCents;
  return equityAfter > 0 ? (ctx.portfolioStockValueCents + notionalCents) / equityAfter : Infinity;
}

/** The figure and the limit behind a code `checkOrder` returned, for the rejection's words. */
export function explainViolation(
  code: ValidatorCode,
  order: OrderToValidate,
  ctx: ValidationContext,
  limits: RiskConfig,
): Violation {
  const notionalCents = order.qty * order.price * 100;
  const qtyAfter = ctx.positionQty + order.qty;
  switch (code) {
    case 'RATE_LIMIT_GLOBAL':
      return { code, value: ctx.ordersLastMinute + 1, limit: limits.maxOrdersPerMinute ?? 0 };
    case 'RATE_LIMIT_SYMBOL':
      return { code, value: ctx.ordersLastMinuteSymbol + 1, limit: limits.maxOrdersPerMinutePerSymbol ?? 0 };
    case 'INSUFFICIENT_CAPITAL':
      return order.side === 'SELL'
        ? { code, value: order.qty, limit: ctx.positionQty, shares: true }
        : { code, value: (notionalCents + order.commissionCents) / 100, limit: ctx.positionCashCents / 100 };
    case 'POSITION_SIZE_LIMIT':
      return { code, value: qtyAfter, limit: limits.maxPositionQty ?? 0 };
    case 'POSITION_VALUE_LIMIT':
      return { code, value: qtyAfter * order.price, limit: limits.maxPositionValue ?? 0 };
    case 'TOTAL_EXPOSURE_LIMIT':
      return {
        code,
        value: exposureAfter(order, ctx, notionalCents),
        limit: limits.maxTotalExposurePct ?? 0,
      };
  }
}

/** `checkOrder` with its explanation: null when the order passes. */
export function validateOrder(
  order: OrderToValidate,
  ctx: ValidationContext,
  limits: RiskConfig,
): Violation | null {
  const code = checkOrder(order, ctx, limits);
  return code === null ? null : explainViolation(code, order, ctx, limits);
}
