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

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * a − b on the numbers' shortest decimal texts, rounded once to the nearest double: exactly
 * `exact(a).minus(exact(b)).toNumber()`, without building decimals. When both texts are plain decimals
 * of at most 15 places whose digits fit a safe integer, each is an integer over 10^d: both are brought
 * to the larger d, subtracted exactly, and the one division by 10^d (exact powers up to 10^22) is the
 * single rounding. Texts of 16–17 digits (a close with float noise, 45.120000000000005) are subtracted
 * as integers in BigInt and the result's text parsed once, which rounds once. Others go to the decimals.
 */
export function exactDifference(a: number, b: number): number {
  const da = decimalPlaces(a);
  const db = decimalPlaces(b);
  if (da >= 0 && db >= 0) {
    const d = Math.max(da, db);
    const na = Math.round(a * (POW10[da] as number)) * (POW10[d - da] as number);
    const nb = Math.round(b * (POW10[db] as number)) * (POW10[d - db] as number);
    if (Number.isSafeInteger(na) && Number.isSafeInteger(nb)) return (na - nb) / (POW10[d] as number);
  }
  return differenceOfTexts(String(a), String(b)) ?? exact(a).minus(exact(b)).toNumber();
}

/** Plain decimal texts ("-45.120000000000005") subtracted exactly in BigInt; null for exponent forms. */
function differenceOfTexts(ta: string, tb: string): number | null {
  if (!PLAIN_DECIMAL.test(ta) || !PLAIN_DECIMAL.test(tb)) return null;
  const pa = ta.indexOf('.');
  const pb = tb.indexOf('.');
  const da = pa < 0 ? 0 : ta.length - pa - 1;
  const db = pb < 0 ? 0 : tb.length - pb - 1;
  const d = Math.max(da, db);
  const na = BigInt(pa < 0 ? ta : ta.slice(0, pa) + ta.slice(pa + 1)) * 10n ** BigInt(d - da);
  const nb = BigInt(pb < 0 ? tb : tb.slice(0, pb) + tb.slice(pb + 1)) * 10n ** BigInt(d - db);
  const r = na - nb;
  const digits = (r < 0n ? -r : r).toString().padStart(d + 1, '0');
  const whole = digits.slice(0, digits.length - d);
  return Number(`${r < 0n ? '-' : ''}${whole}${d > 0 ? `.${digits.slice(whole.length)}` : ''}`);
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Decimal places of the shortest text of `a` (the fewest places whose grid point rounds back to `a`),
 * or −1 when that is not a plain decimal of at most 15 places or when two grid points round to `a`
 * (then which one the text shows is not settled here).
 */
function decimalPlaces(a: number): number {
  if (!Number.isFinite(a) || Math.abs(a) >= 1e15) return -1;
  for (let d = 0; d <= 15; d++) {
    const scale = POW10[d] as number;
    const n = Math.round(a * scale);
    if (n / scale === a) return (n + 1) / scale === a || (n - 1) / scale === a ? -1 : d;
  }
  return -1;
}
