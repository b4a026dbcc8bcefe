import { exact, exactDifference } from './ExactDecimal';
import { cents, productCents, roundToCents, ZERO_CENTS, type Cents } from './Money';

export interface DividendAccrual {
  qtyEligible: number;
  grossCents: Cents;
  withholdingCents: Cents;
  netCents: Cents;
}

/**
 * SPEC 2.8 / 4.3: gross = round(qty × amount); withholding = round(gross × rate); net = gross − withholding.
 * The entitlement is the holding at the close before the ex-date; the caller supplies it.
 */
export function accrueDividend(
  qtyEligible: number,
  amountPerShare: number,
  withholdingRate: number,
): DividendAccrual {
  const accrual: DividendAccrual = {
    qtyEligible: 0,
    grossCents: ZERO_CENTS,
    withholdingCents: ZERO_CENTS,
    netCents: ZERO_CENTS,
  };
  return accrueDividendInto(accrual, qtyEligible, amountPerShare, withholdingRate);
}

/**
 * `accrueDividend` written into `into` (returned): a replay accrues thousands of dividends per sweep
 * and keeps one accrual to write into.
 */
export function accrueDividendInto(
  into: DividendAccrual,
  qtyEligible: number,
  amountPerShare: number,
  withholdingRate: number,
): DividendAccrual {
  if (
    !(qtyEligible >= 0 && qtyEligible < Infinity) ||
    !(amountPerShare >= 0 && amountPerShare < Infinity) ||
    !(withholdingRate >= 0 && withholdingRate <= 1)
  )
    notAccruable(qtyEligible, amountPerShare, withholdingRate);
  const grossCents = productCents(qtyEligible, amountPerShare);
  const withholdingCents =
    withholdingRate === 0
      ? ZERO_CENTS
      : roundToCents(exact(grossCents).div(100).times(exact(withholdingRate)));
  into.qtyEligible = qtyEligible;
  into.grossCents = grossCents;
  into.withholdingCents = withholdingCents;
  into.netCents = cents(grossCents - withholdingCents);
  return into;
}

// Throws out of line: the check runs on every accrual and stays small enough for V8 to inline it.
function notAccruable(qtyEligible: number, amountPerShare: number, withholdingRate: number): never {
  if (!(qtyEligible >= 0 && qtyEligible < Infinity))
    throw new RangeError(`eligible quantity ${qtyEligible} is invalid`);
  if (!(amountPerShare >= 0 && amountPerShare < Infinity))
    throw new RangeError(`dividend amount ${amountPerShare} is invalid`);
  throw new RangeError(`withholding rate ${withholdingRate} is outside [0, 1]`);
}

/** Withholding rate in force: announcement → position → tenant default (0 when none says). */
export function resolveWithholdingRate(
  announcement: number | null,
  position: number | null,
  tenantDefault: number | null,
): number {
  return announcement ?? position ?? tenantDefault ?? 0;
}

/** SPEC 2.6: on the ex-date the anchor drops by the dividend so the mechanical price drop fires no BUY. */
export function adjustAnchorForDividend(anchor: number | null, amountPerShare: number): number | null {
  if (anchor === null) return null;
  const adjusted = exactDifference(anchor, amountPerShare);
  return adjusted > 0 ? adjusted : anchor;
}

/**
 * Entitlement (SPEC 4.3): the shares held at the close before the ex-date. Trades on or after the ex-date
 * do not change it, so it is today's holding with those trades undone.
 */
export function qtyAtCloseBeforeExDate(
  currentQty: number,
  fillsOnOrAfterExDate: readonly { side: 'BUY' | 'SELL'; qty: number }[],
): number {
  let qty = exact(currentQty);
  for (const f of fillsOnOrAfterExDate)
    qty = f.side === 'BUY' ? qty.minus(exact(f.qty)) : qty.plus(exact(f.qty));
  const result = qty.toNumber();
  if (result < 0) throw new RangeError('fills after the ex-date exceed the current holding');
  return result;
}
