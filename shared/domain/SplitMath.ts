import { exact } from './ExactDecimal';
import { roundToCents, type Cents } from './Money';
import { normalizeQty } from './Position';
import { roundTowardZero } from './QuantityRounding';

export interface SplitResult {
  qtyAfter: number;
  anchorAfter: number | null;
  /** Fractional shares that cannot be held under the order policy, paid out at the previous close. */
  cashInLieuCents: Cents;
}

/**
 * SPEC 4.3: shares × ratio, anchor ÷ ratio, fractional remainder (off the qty step grid) paid as cash in
 * lieu at the previous close (a pre-split price, so divided by the ratio). Nothing else changes.
 * `ratio` is new shares per old share: 4 for a 4:1 split, 0.125 for a 1:8 reverse split.
 */
export function applySplit(
  qty: number,
  anchor: number | null,
  ratio: number,
  previousClose: number,
  qtyStep: number,
): SplitResult {
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new RangeError(`split ratio ${ratio} must be positive`);
  if (!(previousClose > 0)) throw new RangeError(`previous close ${previousClose} must be positive`);
  const raw = exact(qty).times(exact(ratio));
  const kept = roundTowardZero(raw.toNumber(), qtyStep, null);
  const remainder = raw.minus(exact(kept));
  const cashInLieuCents = roundToCents(remainder.times(exact(previousClose)).div(exact(ratio)));
  const anchorAfter = anchor === null ? null : exact(anchor).div(exact(ratio)).toNumber();
  return { qtyAfter: normalizeQty(kept), anchorAfter, cashInLieuCents };
}
