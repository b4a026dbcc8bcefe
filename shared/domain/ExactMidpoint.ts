import { exact, POW10, SCALED, scaleToCommonPlaces } from './ExactDecimal';

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
  if (scaleToCommonPlaces(a, b)) {
    const sum = SCALED.a + SCALED.b;
    // A sum past 2^53 is not exact: then the decimals decide.
    if (Number.isSafeInteger(sum)) return sum / (2 * (POW10[SCALED.places] as number));
  }
  return exact(a).plus(exact(b)).div(2).toNumber();
}
