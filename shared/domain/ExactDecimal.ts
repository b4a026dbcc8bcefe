import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for the few places where floating point must not decide (SPEC 2.3, 2.8).
 * A price's exact value is its decimal text as the source gave it; for a JS number that is the
 * shortest round-trip text (`String(n)`), which is also what a CSV field parses back to.
 * 64 significant digits hold any product of two doubles' shortest texts exactly.
 */
export const ExactDecimal = Decimal.clone({
  precision: 64,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type ExactDecimal = InstanceType<typeof ExactDecimal>;

export function exact(value: number | string): ExactDecimal {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`exact(): ${value} is not a finite number`);
  }
  return new ExactDecimal(typeof value === 'number' ? String(value) : value);
}

/** Exact product of numbers given as their shortest decimal text. */
export function exactProduct(...factors: number[]): ExactDecimal {
  let acc = new ExactDecimal(1);
  for (const f of factors) acc = acc.times(exact(f));
  return acc;
}

/**
 * Compares a·b with c exactly, using the float result when it is far from a tie
 * (the cheap filter) and decimals only when float error could decide the answer.
 * Returns -1, 0 or 1 like a comparator.
 */
export function compareProduct(a: number, b: number, c: number): -1 | 0 | 1 {
  const product = a * b;
  const approx = product - c;
  const scale = Math.max(Math.abs(product), Math.abs(c), Number.MIN_VALUE) * 1e-12;
  if (approx > scale) return 1;
  if (approx < -scale) return -1;
  return compareProductExactly(a, b, c);
}

// Out of line, so the float filter above stays small enough to inline into hot loops.
function compareProductExactly(a: number, b: number, c: number): -1 | 0 | 1 {
  return exactProduct(a, b).comparedTo(exact(c)) as -1 | 0 | 1;
}
