import type { CommissionSnapshot } from '../../domain/Commission';
import { bookFillInto, type FillBooking } from '../../domain/FillBooking';
import { ZERO_CENTS } from '../../domain/Money';
import { exact } from '../../domain/ExactDecimal';
import { roundTowardZero } from '../../domain/QuantityRounding';
import type { RoundTrip } from '../../domain/accounting/RoundTrips';
import type { SizerChoice } from './choices';
export type { SizerChoice } from './choices';
export { sizerChoice, sizerProblem } from './choices';

/**
 * SPEC 10's sizers: how many shares a buy signal orders. Equity = cash + receivable + Σ qty × close at
 * the signal bar. Each sizer gives a raw quantity; `sizedQty` rounds it down to the position's step and
 * lot and then reduces it one step at a time while the booked cost (notional cents + commission cents,
 * SPEC 2.8) exceeds the cash.
 */
export interface SizingContext {
  equityCents: number;
  cashCents: number;
  /** The price the order is sized at (the fill price when known at the signal, else the signal's close). */
  price: number;
  /** ATR(14) at the signal bar (NaN before it exists). */
  atr: number;
  /** The signal's stop price, if it carries one. */
  stopPrice: number | null;
  /** The strategy's closed round trips so far. */
  roundTrips: readonly RoundTrip[];
}

/** Kelly's f* = (p·b − q)/b from closed round trips (p = win rate, b = average win / average loss). */
export function kellyFraction(trips: readonly RoundTrip[]): number {
  const wins = trips.filter((t) => t.pnlCents > 0);
  const losses = trips.filter((t) => t.pnlCents < 0);
  const p = wins.length / trips.length;
  const q = 1 - p;
  if (losses.length === 0) return wins.length > 0 ? 1 : 0;
  if (wins.length === 0) return 0;
  const avgWin = wins.reduce((s, t) => s + t.pnlCents, 0) / wins.length;
  const avgLoss = Math.abs(losses.reduce((s, t) => s + t.pnlCents, 0) / losses.length);
  const b = avgWin / avgLoss;
  return (p * b - q) / b;
}

export const KELLY_MIN_ROUND_TRIPS = 10;

/** The raw quantity (before rounding and the cash check). */
export function rawQty(choice: SizerChoice, ctx: SizingContext): number {
  const p = choice.params;
  const equity = ctx.equityCents / 100;
  switch (choice.id) {
    case 'fixed':
      return p[0] as number;
    case 'percent':
      return (equity * (p[0] as number)) / ctx.price;
    case 'risk': {
      const distance =
        ctx.stopPrice !== null ? Math.abs(ctx.price - ctx.stopPrice) : ctx.price * (p[1] as number);
      return distance > 0 ? (equity * (p[0] as number)) / distance : 0;
    }
    case 'kelly': {
      const pct =
        ctx.roundTrips.length < KELLY_MIN_ROUND_TRIPS
          ? (p[1] as number)
          : Math.min(1, Math.max(0, kellyFraction(ctx.roundTrips) * (p[0] as number)));
      return (equity * pct) / ctx.price;
    }
    case 'volatility':
      return ctx.atr > 0 ? (equity * (p[0] as number)) / (ctx.atr * (p[1] as number)) : 0;
  }
}

/** Whether buying `qty` at `price` books a cost the cash covers. */
export function affordable(
  qty: number,
  price: number,
  cashCents: number,
  commission: CommissionSnapshot,
): boolean {
  return cashCents + bookFillInto(SCRATCH, 'BUY', qty, price, commission).cashDeltaCents >= 0;
}

/** The booking `affordable` writes into (read at once, never kept): no object per sized order. */
const SCRATCH: FillBooking = {
  notionalCents: ZERO_CENTS,
  commissionCents: ZERO_CENTS,
  cashDeltaCents: ZERO_CENTS,
};

/**
 * `qty` rounded down to the grid, then reduced one step at a time while its booked cost exceeds the
 * cash (starting from the largest quantity the cash could cover, so the steps are few).
 */
export function reduceToCash(
  qty: number,
  price: number,
  cashCents: number,
  commission: CommissionSnapshot,
  qtyStep: number,
  lotSize: number | null,
): number {
  if (!(qty > 0) || !(price > 0)) return 0;
  const unit = lotSize ?? (qtyStep > 0 ? qtyStep : 0.000001);
  const ceiling = cashCents / 100 / price;
  let q = roundTowardZero(Math.min(qty, ceiling + unit), qtyStep, lotSize);
  while (q > 0 && !affordable(q, price, cashCents, commission)) {
    q = roundTowardZero(exact(q).minus(exact(unit)).toNumber(), qtyStep, lotSize);
  }
  return q > 0 ? q : 0;
}
