import { decimalPlaces, exact, exactProduct, POW10, type ExactDecimal } from './ExactDecimal';

/** Booked money: integer cents, never accumulated in floating point (SPEC 2.8). */
export type Cents = number & { readonly __brand: 'Cents' };

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) notWholeCents(value);
  return value as Cents;
}

// Throws out of line: a check called on every booking stays small enough for V8 to inline it.
function notWholeCents(value: number): never {
  throw new RangeError(`cents(): ${value} is not a whole number of cents`);
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
 * - anything else near a half cent is decided exactly by `productCentsExactly`.
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
  }
  return productCentsNearHalf(qty, price);
}

/**
 * `productCents` within float error of a half cent (rare; out of line, so the filter above stays small
 * enough to inline wherever money is booked): whole shares times a 1/64-grid price are decided
 * half-even in floats (the product is exact), anything else exactly.
 */
function productCentsNearHalf(qty: number, price: number): Cents {
  const x = qty * price * 100;
  if (
    Number.isInteger(qty) &&
    Number.isInteger(price * 64) &&
    Math.abs(price) < 1e6 &&
    Math.abs(x) < 2 ** 46
  ) {
    const floor = Math.floor(x);
    const distanceFromHalf = x - floor - 0.5;
    if (distanceFromHalf === 0) return (floor % 2 === 0 ? floor : floor + 1) as Cents;
    return (distanceFromHalf < 0 ? floor : floor + 1) as Cents;
  }
  return productCentsExactly(qty, price);
}

/**
 * The exact half-even cents of qty × price, out of line (rare: near a half cent). When both decimal texts
 * are integers over 10^d (at most 15 places) whose product is a safe integer, it is done in integers:
 * the product over 10^(dq + dp − 2) cents, rounded half-even with an exact remainder (a dividend of
 * $0.085 on an odd number of shares is such a tie). Otherwise the decimals decide.
 */
function productCentsExactly(qty: number, price: number): Cents {
  const dq = decimalPlaces(qty);
  const dp = decimalPlaces(price);
  const shift = dq + dp - 2;
  if (dq >= 0 && dp >= 0 && shift <= 22) {
    const n =
      Math.round(Math.abs(qty) * (POW10[dq] as number)) * Math.round(Math.abs(price) * (POW10[dp] as number));
    const sign = qty < 0 !== price < 0 ? -1 : 1;
    if (Number.isSafeInteger(n) && shift <= 0) {
      // Two places or fewer in all: whole cents, no rounding.
      const whole = n * (POW10[-shift] as number);
      if (Number.isSafeInteger(whole)) return cents(sign * whole);
    } else if (Number.isSafeInteger(n)) {
      const divisor = POW10[shift] as number;
      const remainder = n % divisor;
      const quotient = (n - remainder) / divisor;
      const up = 2 * remainder > divisor || (2 * remainder === divisor && quotient % 2 === 1);
      return cents(sign * (up ? quotient + 1 : quotient));
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
