import type { CommissionSnapshot } from '../../domain/Commission';
import type { OrderPolicyConfig } from '../../domain/Config';
import type { Side } from '../../domain/DomainEvent';
import { exact } from '../../domain/ExactDecimal';
import { bookFill } from '../../domain/FillBooking';
import type { PositionState } from '../../domain/Position';
import { roundTowardZero } from '../../domain/QuantityRounding';

/**
 * The largest quantity ≤ `qty`, on the order policy's grid, that the position can pay for (a buy:
 * cash after the booked notional and commission ≥ 0) or deliver (a sell: ≤ shares held, and the
 * commission covered) at `price`. The order was sized at the effective price; the fill comes at the
 * ask or bid plus slippage, so a buy sized to the last cent of cash may no longer fit (SPEC 2.10:
 * no trade may leave cash negative). 0 when nothing fits.
 */
export function fitToHoldings(
  state: PositionState,
  side: Side,
  qty: number,
  price: number,
  commission: CommissionSnapshot,
  policy: OrderPolicyConfig,
): number {
  let q = side === 'SELL' ? Math.min(qty, state.qty) : qty;
  const limit = q;
  if (side === 'BUY') {
    // Start from the float bound, then let the exact booking decide the last steps.
    const cash = state.cashCents / 100;
    const bound = Math.min(
      cash / (price * (1 + commission.rate)),
      (cash - commission.minimumCents / 100) / price,
    );
    if (q > bound) q = Math.max(0, bound);
  }
  q = q > 0 ? roundTowardZero(q, policy.qtyStep, policy.lotSize) : 0;
  const unit = policy.lotSize ?? (policy.qtyStep > 0 ? policy.qtyStep : 0.000001);
  const fits = (x: number): boolean =>
    state.cashCents + bookFill(side, x, price, commission).cashDeltaCents >= 0;
  while (q > 0 && !fits(q)) {
    q = roundTowardZero(exact(q).minus(exact(unit)).toNumber(), policy.qtyStep, policy.lotSize);
  }
  // The float bound can sit a hair below a grid point the cash covers exactly (ADR 0070): step up
  // while the next grid point is still within the order and booked within the cash.
  for (let i = 0; i < 4; i++) {
    const up = exact(Math.max(q, 0)).plus(exact(unit)).toNumber();
    if (up > limit || !fits(up)) break;
    q = up;
  }
  return q > 0 ? q : 0;
}
