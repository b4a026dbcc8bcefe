/** Machine-readable reasons of SPEC 2.10; the UI shows each in words (REASON_TEXT). */
export const REASON_CODES = [
  'anchor_unset',
  'no_trigger',
  'zero_size',
  'sizing_opposes_trigger',
  'band_blocked_above_max',
  'band_blocked_below_min',
  'band_trim',
  'max_trade_trim',
  'cash_trim',
  'holdings_trim',
  'max_orders_per_day',
  'daily_notional_trim',
  'qty_rounded',
  'below_min',
  'zero_qty',
  'clip_to_min',
  'clip_blocked',
  'invalid_quote',
  'stale_quote',
  'market_closed',
  'provider_error',
  // ── inputs: orders the investor asks for by hand (issue 15) ──
  'manual_rebalance',
  'close_out',
  // ── desk: the manual order ticket (issue 15, ADR 0061) ──
  'manual_order',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_TEXT: Record<ReasonCode, string> = {
  anchor_unset: 'Anchor not set yet: initial allocation',
  no_trigger: 'Price inside the trigger band',
  zero_size: 'Position value is zero',
  sizing_opposes_trigger: 'Sizing points against the trigger side',
  band_blocked_above_max: 'Blocked: stock allocation already at or above the maximum',
  band_blocked_below_min: 'Blocked: stock allocation already at or below the minimum',
  band_trim: 'Trimmed to stay inside the allocation band',
  max_trade_trim: 'Trimmed to the maximum trade size',
  cash_trim: 'Trimmed to the spendable cash',
  holdings_trim: 'Trimmed to the shares held',
  max_orders_per_day: 'Blocked: daily order limit reached',
  daily_notional_trim: 'Trimmed to the daily notional limit',
  qty_rounded: 'Quantity rounded to the step/lot',
  below_min: 'Below the minimum quantity or notional',
  zero_qty: 'Quantity is zero after caps and rounding',
  clip_to_min: 'Raised to the minimum order',
  clip_blocked: 'Could not raise to the minimum without breaking a cap',
  invalid_quote: 'Quote is missing, not finite or not positive',
  stale_quote: 'Quote is older than the maximum quote age',
  market_closed: 'Market closed (extended hours not allowed)',
  provider_error: 'Market-data provider failed or timed out',
  // ── inputs ──
  manual_rebalance: 'Rebalance to the target stock share, asked by hand',
  close_out: 'Sell every share to close the position, asked by hand',
  // ── desk ──
  manual_order: 'Order at market from the order ticket, asked by hand',
};
