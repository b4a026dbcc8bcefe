import { decimalPlaces, exact, POW10 } from './ExactDecimal';

/**
 * (a + b) / 2 on the numbers' shortest decimal texts, rounded once to the nearest double: exactly
 * `exact(a).plus(exact(b)).div(2).toNumber()` (SPEC 2.1: the MID of 96.49/96.52 is 96.505), without
 * building decimals. The live loop prices every position of every tick this way.
 *
 * When both texts are plain decimals of at most 15 places whose digits fit a safe integer, each is an
 * integer over 10^d: both are brought to the larger d and added exactly, and the one division by
 * 2·10^d (an exact double) is the single rounding. Anything else (more digits, exponent forms) goes to
 * the decimals.
 */
export function exactMidpoint(a: number, b: number): number {
  const da = decimalPlaces(a);
  const db = decimalPlaces(b);
  if (da >= 0 && db >= 0) {
    const d = Math.max(da, db);
    const na = Math.round(a * (POW10[da] as number)) * (POW10[d - da] as number);
    const nb = Math.round(b * (POW10[db] as number)) * (POW10[d - db] as number);
    const sum = na + nb;
    // Each term and the sum are exact integers when safe (a product or sum past 2^53 is not safe).
    if (Number.isSafeInteger(na) && Number.isSafeInteger(nb) && Number.isSafeInteger(sum))
      return sum / (2 * (POW10[d] as number));
  }
  return exact(a).plus(exact(b)).div(2).toNumber();
}
