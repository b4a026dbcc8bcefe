import { exact } from '../ExactDecimal';
import { cents, type Cents } from '../Money';

/**
 * SPEC 8: a part's share of an amount in cents, pro rata by quantity, half-to-even from the exact value
 * total × part / whole. Whole numbers are divided in integers with an exact remainder; anything else
 * (fractional shares) by exact decimals.
 */
export function proRataCents(total: number, part: number, whole: number): Cents {
  if (!(whole > 0)) throw new RangeError(`proRataCents: whole ${whole} must be positive`);
  if (part === whole) return cents(total);
  const product = total * part;
  if (Number.isInteger(part) && Number.isInteger(whole) && Number.isSafeInteger(product)) {
    const sign = product < 0 ? -1 : 1;
    const n = Math.abs(product);
    const remainder = n % whole;
    const quotient = (n - remainder) / whole;
    const up = 2 * remainder > whole || (2 * remainder === whole && quotient % 2 === 1);
    return cents(sign * (up ? quotient + 1 : quotient));
  }
  return cents(exact(total).times(exact(part)).div(exact(whole)).toDecimalPlaces(0, 6).toNumber());
}

/**
 * Splits `total` cents over parts of the given quantities (of a whole `whole`, at least their sum):
 * every part but the last gets its pro-rata share; the last takes what remains of `total` minus
 * the others when the parts exhaust the whole, so the parts always add up exactly.
 */
export function splitCents(total: number, parts: readonly number[], whole: number): Cents[] {
  const out: Cents[] = [];
  let given = 0;
  let qtyGiven = 0;
  for (let i = 0; i < parts.length; i++) {
    const q = parts[i] as number;
    qtyGiven += q;
    const last = i === parts.length - 1 && isSameQty(qtyGiven, whole);
    const share = last ? cents(total - given) : proRataCents(total, q, whole);
    out.push(share);
    given += share;
  }
  return out;
}

/** Quantities are kept to 6 decimals (Position.normalizeQty): closer than that is the same quantity. */
export function isSameQty(a: number, b: number): boolean {
  return Math.abs(a - b) < 5e-7;
}
