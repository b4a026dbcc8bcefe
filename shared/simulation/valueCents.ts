import { exactNotional, roundToCents } from '../domain/Money';

/**
 * round_half_even(qty × price) in cents from the exact product of the two numbers' decimal texts, as
 * `roundToCents(exactNotional(qty, price))` computes it (SPEC 2.8), without building decimals on every
 * bar (ADR 0010).
 * - The float product is off from the exact one by at most ~4.4e-16 of its size (one rounding for each
 *   factor's text, the product and the ×100); when it lies farther than 2e-15 of its size from a half
 *   cent, that error cannot change the rounding, so the float answer is the exact answer.
 * - A price on a 1/64 grid below $1,000,000 (pre-2001 fractional quotes: 28.1875) times whole shares
 *   is computed without any rounding at all (every factor and product is exactly representable), and
 *   its decimal text is that exact binary value; so a tie such as 1,002 × 28.1875 is decided half-even
 *   in floats too.
 * - Anything else near a half cent goes to the decimals.
 */
export function valueCents(qty: number, price: number): number {
  if (qty === 0) return 0;
  const x = qty * price * 100;
  const floor = Math.floor(x);
  const distanceFromHalf = x - floor - 0.5;
  const tolerance = Math.abs(x) * 2e-15;
  if (distanceFromHalf > tolerance) return floor + 1;
  if (distanceFromHalf < -tolerance) return floor;
  if (
    Number.isInteger(qty) &&
    Number.isInteger(price * 64) &&
    Math.abs(price) < 1e6 &&
    Math.abs(x) < 2 ** 46
  ) {
    if (distanceFromHalf === 0) return floor % 2 === 0 ? floor : floor + 1;
    return distanceFromHalf < 0 ? floor : floor + 1;
  }
  return roundToCents(exactNotional(qty, price));
}
