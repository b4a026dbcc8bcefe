import { anchorAfterFill } from './AnchorRules';
import { fillCommissionCents, type CommissionSnapshot } from './Commission';
import type { Side } from './DomainEvent';
import { cents, productCents, ZERO_CENTS, type Cents } from './Money';
import { normalizeQty, type PositionLedger } from './Position';

export interface FillBooking {
  notionalCents: Cents;
  commissionCents: Cents;
  /** Signed change of cash: −(notional + commission) for a buy, notional − commission for a sell. */
  cashDeltaCents: Cents;
}

/**
 * SPEC 2.8: N = x·P exactly; cash moves by round(N); commission = round(max(k·N, min)) from the
 * unrounded N. Live execution and simulation both book through this one function.
 */
export function bookFill(side: Side, qty: number, price: number, snapshot: CommissionSnapshot): FillBooking {
  const booking: FillBooking = {
    notionalCents: ZERO_CENTS,
    commissionCents: ZERO_CENTS,
    cashDeltaCents: ZERO_CENTS,
  };
  return bookFillInto(booking, side, qty, price, snapshot);
}

/** `bookFill` written into `into` (returned): a replay books hundreds of fills per run into one booking. */
export function bookFillInto(
  into: FillBooking,
  side: Side,
  qty: number,
  price: number,
  snapshot: CommissionSnapshot,
): FillBooking {
  if (!(qty > 0 && qty < Infinity && price > 0 && price < Infinity)) notBookable(qty, price);
  const notionalCents = productCents(qty, price);
  const commission = fillCommissionCents(qty, price, snapshot);
  into.notionalCents = notionalCents;
  into.commissionCents = commission;
  into.cashDeltaCents =
    side === 'BUY' ? cents(-notionalCents - commission) : cents(notionalCents - commission);
  return into;
}

// Throws out of line: the check runs on every fill and stays small enough for V8 to inline it.
function notBookable(qty: number, price: number): never {
  if (!(qty > 0 && qty < Infinity)) throw new RangeError(`bookFill: quantity ${qty} must be positive`);
  throw new RangeError(`bookFill: price ${price} must be positive`);
}

/** The position after a fill: shares, cash, commission total, and the anchor moved to the fill price (SPEC 2.6). */
export function applyFill(
  position: PositionLedger,
  side: Side,
  qty: number,
  price: number,
  booking: FillBooking,
): PositionLedger {
  const next = { ...position };
  applyFillInPlace(next, side, qty, price, booking);
  return next;
}

/** `applyFill` on the ledger object itself, for a replay that owns its ledger: the same rules, no copy. */
export function applyFillInPlace(
  position: PositionLedger,
  side: Side,
  qty: number,
  price: number,
  booking: FillBooking,
): void {
  position.qty = normalizeQty(side === 'BUY' ? position.qty + qty : position.qty - qty);
  position.cashCents = cents(position.cashCents + booking.cashDeltaCents);
  position.totalCommissionPaidCents = cents(position.totalCommissionPaidCents + booking.commissionCents);
  position.anchor = anchorAfterFill(position.anchor, price).to;
}
