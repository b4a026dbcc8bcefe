import { exact, exactProduct, type ExactDecimal } from './ExactDecimal';

/** Booked money: integer cents, never accumulated in floating point (SPEC 2.8). */
export type Cents = number & { readonly __brand: 'Cents' };

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`cents(): ${value} is not a whole number of cents`);
  return value as Cents;
}

export const ZERO_CENTS = cents(0);

/** Rounds an exact dollar amount half-to-even to cents: 10.125 → 1012, 30.375 → 3038. */
export function roundToCents(dollars: ExactDecimal): Cents {
  return cents(dollars.times(100).toDecimalPlaces(0, 6 /* ROUND_HALF_EVEN */).toNumber());
}

/** Dollars given by a user or a source (e.g. "1000.50" or 1000.5) to cents; more than 2 decimals is an error. */
export function dollarsToCents(dollars: number | string): Cents {
  const d = exact(dollars).times(100);
  if (!d.isInteger()) throw new RangeError(`${String(dollars)} has more than two decimals`);
  return cents(d.toNumber());
}

export function centsToDollars(value: Cents): number {
  return value / 100;
}

/**
 * round_half_even(qty × price) in cents from the exact product of the two numbers' decimal texts, as
 * `roundToCents(exactNotional(qty, price))` computes it (SPEC 2.8), without building decimals when floats
 * already decide it (ADR 0001):
 * - the float product is off from the exact one by at most ~4.4e-16 of its size (one rounding for each
 *   factor's text, the product and the ×100); farther than 2e-15 of its size from a half cent, that error
 *   cannot change the rounding, so the float answer is the exact answer;
 * - a price on a 1/64 grid below $1,000,000 (pre-2001 fractional quotes: 28.1875) times whole shares is
 *   computed with no rounding at all, and its decimal text is that exact binary value, so a tie such as
 *   1,002 × 28.1875 is decided half-even in floats too;
 * - anything else near a half cent goes to the decimals.
 */
export function productCents(qty: number, price: number): Cents {
  if (qty === 0) return ZERO_CENTS;
  const x = qty * price * 100;
  if (Math.abs(x) < 2 ** 50) {
    const floor = Math.floor(x);
    const distanceFromHalf = x - floor - 0.5;
    const tolerance = Math.abs(x) * 2e-15;
    if (distanceFromHalf > tolerance) return (floor + 1) as Cents;
    if (distanceFromHalf < -tolerance) return floor as Cents;
    if (
      Number.isInteger(qty) &&
      Number.isInteger(price * 64) &&
      Math.abs(price) < 1e6 &&
      Math.abs(x) < 2 ** 46
    ) {
      if (distanceFromHalf === 0) return (floor % 2 === 0 ? floor : floor + 1) as Cents;
      return (distanceFromHalf < 0 ? floor : floor + 1) as Cents;
    }
  }
  return roundToCents(exactNotional(qty, price));
}

/** Exact notional x·P of a fill, from the shortest decimal text of both. */
export function exactNotional(qty: number, price: number): ExactDecimal {
  return exactProduct(qty, price);
}

export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

export function formatCents(value: Cents): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
