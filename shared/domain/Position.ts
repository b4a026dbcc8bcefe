import type { Cents } from './Money';

export type PositionStatus = 'ACTIVE' | 'PAUSED' | 'CLOSED';

/** What the trading rules read: shares, cash, receivable and anchor (SPEC 2.4). */
export interface PositionState {
  /** Shares held; whole or fractional (kept to 6 decimals). */
  qty: number;
  cashCents: Cents;
  /** Dividends accrued on ex-date, not yet paid: counts in value, cannot be spent. */
  receivableCents: Cents;
  /** Null until the initial allocation (SPEC 2.6). */
  anchor: number | null;
}

/** The canonical position row (SPEC 3): state plus status and aggregates. */
export interface PositionLedger extends PositionState {
  status: PositionStatus;
  totalCommissionPaidCents: Cents;
  totalDividendsGrossCents: Cents;
  totalDividendsNetCents: Cents;
}

/** Rounds a share count to 6 decimals, the precision fractional quantities are kept to. */
export function normalizeQty(qty: number): number {
  // A whole number of shares below 9·10^9 comes back unchanged (exact product, no rounding, exact
  // quotient): skip the division, the dearest step of a fill's booking.
  if (Number.isInteger(qty) && Math.abs(qty) < 9e9) return qty === 0 ? 0 : qty;
  return normalizeFractionalQty(qty);
}

// Out of line (fractional shares are rare): the whole-share path above stays small enough to inline.
function normalizeFractionalQty(qty: number): number {
  const r = Math.round(qty * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}
