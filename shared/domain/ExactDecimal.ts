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

/** 10^k for k = 0…22: every one an exact double. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * a − b on the numbers' shortest decimal texts, rounded once to the nearest double: exactly
 * `exact(a).minus(exact(b)).toNumber()`, without building decimals. When both texts are plain decimals
 * of at most 15 places whose digits fit a safe integer, each is an integer over 10^d: both are brought
 * to the larger d, subtracted exactly, and the one division by 10^d (exact powers up to 10^22) is the
 * single rounding. Texts of 16–17 digits (a close with float noise, 45.120000000000005) are subtracted
 * as integers in two limbs and the result's text parsed once, which rounds once. Others go to the decimals.
 */
export function exactDifference(a: number, b: number): number {
  if (scaleToCommonPlaces(a, b)) {
    const difference = SCALED.a - SCALED.b;
    // Opposite signs add: the difference must be a safe integer too for the one division to be the one rounding.
    if (Number.isSafeInteger(difference)) return difference / (POW10[SCALED.places] as number);
  }
  return differenceOfTexts(String(a), String(b)) ?? exact(a).minus(exact(b)).toNumber();
}

/**
 * Where `scaleToCommonPlaces` writes: a = SCALED.a / 10^SCALED.places, b = SCALED.b / 10^SCALED.places.
 * One shared scratch (no allocation per call): read it at once, before the next call.
 */
export const SCALED = { a: NaN, b: NaN, places: NaN };

/**
 * Brings both numbers' decimal texts to integers over one power of ten (the larger number of places),
 * into `SCALED`; true when both texts are plain decimals of at most 15 places and both integers are safe
 * (then exact), false otherwise.
 */
export function scaleToCommonPlaces(a: number, b: number): boolean {
  const da = decimalPlaces(a);
  const db = decimalPlaces(b);
  if (da < 0 || db < 0) return false;
  const d = Math.max(da, db);
  const na = Math.round(a * (POW10[da] as number)) * (POW10[d - da] as number);
  const nb = Math.round(b * (POW10[db] as number)) * (POW10[d - db] as number);
  if (!Number.isSafeInteger(na) || !Number.isSafeInteger(nb)) return false;
  SCALED.a = na;
  SCALED.b = nb;
  SCALED.places = d;
  return true;
}

/**
 * Plain decimal texts ("-45.120000000000005") subtracted exactly; null for exponent forms or more than
 * 23 digits once aligned. Each text is an integer over 10^d, held as two limbs (hi · 10^8 + lo, each a
 * safe integer); the difference is written back as a decimal text, which `Number` rounds once.
 */
function differenceOfTexts(ta: string, tb: string): number | null {
  const da = placesOfText(ta);
  const db = placesOfText(tb);
  if (da < 0 || db < 0) return null;
  const d = Math.max(da, db);
  const a = ta.charCodeAt(0) === MINUS ? -1 : 1;
  const b = tb.charCodeAt(0) === MINUS ? -1 : 1;
  const digitsA = alignedDigits(ta, da, d);
  const digitsB = alignedDigits(tb, db, d);
  if (digitsA.length > 23 || digitsB.length > 23) return null;
  let hi = a * limbHi(digitsA) - b * limbHi(digitsB);
  let lo = a * limbLo(digitsA) - b * limbLo(digitsB);
  // Texts of opposite signs add: |lo| < 2 · 10^8, so at most one carry brings it below 10^8.
  if (lo >= LIMB) {
    hi += 1;
    lo -= LIMB;
  } else if (lo <= -LIMB) {
    hi -= 1;
    lo += LIMB;
  }
  // One borrow or carry makes both limbs share the sign of the whole.
  if (hi > 0 && lo < 0) {
    hi -= 1;
    lo += LIMB;
  } else if (hi < 0 && lo > 0) {
    hi += 1;
    lo -= LIMB;
  }
  const negative = hi < 0 || (hi === 0 && lo < 0);
  const digits =
    hi === 0 ? String(Math.abs(lo)) : String(Math.abs(hi)) + String(Math.abs(lo)).padStart(8, '0');
  const padded = digits.padStart(d + 1, '0');
  const whole = padded.slice(0, padded.length - d);
  return Number(`${negative ? '-' : ''}${whole}${d > 0 ? `.${padded.slice(whole.length)}` : ''}`);
}

const MINUS = 45; // '-'
const DOT = 46; // '.'
const LIMB = 1e8;

/** Decimal places of a plain decimal text ("-12.5" → 1, "7" → 0), or −1 when it is not one. */
function placesOfText(t: string): number {
  let dot = -1;
  for (let i = t.charCodeAt(0) === MINUS ? 1 : 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === DOT && dot < 0 && i > 0) dot = i;
    else if (c < 48 || c > 57) return -1;
  }
  if (dot === t.length - 1) return -1;
  return dot < 0 ? 0 : t.length - dot - 1;
}

/** The digits of a plain decimal text as an integer over 10^d (sign and dot dropped, zeros appended). */
function alignedDigits(t: string, places: number, d: number): string {
  const start = t.charCodeAt(0) === MINUS ? 1 : 0;
  const dot = places > 0 ? t.length - places - 1 : t.length;
  const digits = places > 0 ? t.slice(start, dot) + t.slice(dot + 1) : t.slice(start);
  return d > places ? digits + '0'.repeat(d - places) : digits;
}

/** The digits above the last 8, as a number (at most 15 of them: a safe integer). */
function limbHi(digits: string): number {
  return digits.length > 8 ? Number(digits.slice(0, digits.length - 8)) : 0;
}

/** The last 8 digits, as a number. */
function limbLo(digits: string): number {
  return Number(digits.length > 8 ? digits.slice(digits.length - 8) : digits);
}

/**
 * Decimal places of the shortest text of `a` (the fewest places whose grid point rounds back to `a`),
 * or −1 when that is not a plain decimal of at most 15 places or when two grid points round to `a`
 * (then which one the text shows is not settled here).
 */
export function decimalPlaces(a: number): number {
  if (!Number.isFinite(a) || Math.abs(a) >= 1e15) return -1;
  for (let d = 0; d <= 15; d++) {
    const scale = POW10[d] as number;
    const n = Math.round(a * scale);
    if (n / scale === a) return (n + 1) / scale === a || (n - 1) / scale === a ? -1 : d;
  }
  return -1;
}
