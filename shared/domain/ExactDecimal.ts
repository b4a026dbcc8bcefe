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
  const scale = Math.max(Math.abs(product), Math.abs(c)) * 1e-12;
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
 * `exact(a).minus(exact(b)).toNumber()`, without building decimals. Each text, when it is a plain decimal
 * of at most 23 digits, is an integer over 10^places held in two limbs (`rememberedDecimal`); both are
 * brought to the larger number of places and subtracted exactly, and the one division by 10^d is the
 * single rounding (`differenceOfLimbs`). Others (exponent forms, more digits) go to the decimals.
 */
export function exactDifference(a: number, b: number): number {
  const slotA = rememberedDecimal(a);
  const placesA = TEXT_PLACES[slotA] as number;
  const hiA = TEXT_HI[slotA] as number;
  const loA = TEXT_LO[slotA] as number;
  // Read before b is looked up: b may take a's slot.
  const slotB = rememberedDecimal(b);
  const placesB = TEXT_PLACES[slotB] as number;
  if (placesA >= 0 && placesB >= 0) {
    const difference = differenceOfLimbs(
      hiA,
      loA,
      placesA,
      TEXT_HI[slotB] as number,
      TEXT_LO[slotB] as number,
      placesB,
    );
    if (!Number.isNaN(difference)) return difference;
  }
  return exact(a).minus(exact(b)).toNumber();
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
 * (hiA · 10^8 + loA) / 10^placesA − (hiB · 10^8 + loB) / 10^placesB, rounded once; NaN when aligning
 * the two takes more than 23 digits. Each is brought to d = the larger number of places (`scaleLimbs`),
 * the limbs are subtracted, and the difference is rounded once by one division (up to 2^53) or by
 * `quotientRounded`, or, where that cannot settle it (a tie, a power of two, more than 20 places),
 * written back as text that `Number` rounds once.
 */
function differenceOfLimbs(
  hiA: number,
  loA: number,
  placesA: number,
  hiB: number,
  loB: number,
  placesB: number,
): number {
  const d = Math.max(placesA, placesB);
  if (!scaleLimbs(hiA, loA, d - placesA)) return NaN;
  let hi = LIMBS.hi;
  let lo = LIMBS.lo;
  if (!scaleLimbs(hiB, loB, d - placesB)) return NaN;
  hi -= LIMBS.hi;
  lo -= LIMBS.lo;
  // Numbers of opposite signs add: |lo| < 2 · 10^8, so at most one carry brings it below 10^8.
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
  const sign = hi < 0 || (hi === 0 && lo < 0) ? -1 : 1;
  const h = Math.abs(hi);
  const l = Math.abs(lo);
  const whole = h * LIMB + l;
  // Up to 2^53 the integer is exact, and one division by an exact power of ten is the one rounding.
  if (whole <= Number.MAX_SAFE_INTEGER) return whole === 0 ? 0 : (sign * whole) / (POW10[d] as number);
  const q = d <= 20 ? quotientRounded(h, l, POW10[d] as number) : NaN;
  if (!Number.isNaN(q)) return sign * q;
  const digits = String(h) + String(l).padStart(8, '0');
  const padded = digits.padStart(d + 1, '0');
  const int = padded.slice(0, padded.length - d);
  return Number(`${sign < 0 ? '-' : ''}${int}${d > 0 ? `.${padded.slice(int.length)}` : ''}`);
}

/**
 * (hi · 10^8 + lo) · 10^k into `LIMBS` (hi and lo of one sign, |lo| < 10^8, |hi| < 10^15); false when
 * the result takes more than 23 digits (|hi| would reach 10^15). Every product formed is exact.
 */
function scaleLimbs(hi: number, lo: number, k: number): boolean {
  if (k === 0) {
    LIMBS.hi = hi;
    LIMBS.lo = lo;
    return true;
  }
  const scale = POW10[k] as number;
  let h: number;
  let l: number;
  if (k < 8) {
    // |lo · 10^k| < 10^15: exact; what passes 10^8 carries into hi.
    const shifted = lo * scale;
    const carry = Math.trunc(shifted / LIMB);
    h = hi * scale + carry;
    l = shifted - carry * LIMB;
  } else {
    // lo moves into hi whole (10^k = 10^8 · 10^(k − 8)); both products are checked below 10^15 first.
    const loIntoHi = lo * (POW10[k - 8] as number);
    if (Math.abs(hi) * scale >= HI_LIMIT || Math.abs(loIntoHi) >= HI_LIMIT) return false;
    h = hi * scale + loIntoHi;
    l = 0;
  }
  if (!(Math.abs(h) < HI_LIMIT)) return false;
  LIMBS.hi = h;
  LIMBS.lo = l;
  return true;
}

const MINUS = 45; // '-'
const DOT = 46; // '.'
const LIMB = 1e8;
/** 10^15: a high limb at or past it means more than 23 digits in all. */
const HI_LIMIT = 1e15;

/** Where `readLimbs` and `scaleLimbs` write (no allocation per call): the integer hi · 10^8 + lo. */
const LIMBS = { hi: NaN, lo: NaN };

/**
 * The digits of a plain decimal text with `places` places, sign and dot dropped and zeros appended up
 * to `d` places, as an integer hi · 10^8 + lo into `LIMBS`; false when that takes more than 23 digits.
 */
function readLimbs(t: string, places: number, d: number): boolean {
  const start = t.charCodeAt(0) === MINUS ? 1 : 0;
  const total = t.length - start - (places > 0 ? 1 : 0) + (d - places);
  if (total > 23) return false;
  const loFrom = total - 8;
  let hi = 0;
  let lo = 0;
  let k = 0;
  for (let i = start; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === DOT) continue;
    if (k++ < loFrom) hi = hi * 10 + (c - 48);
    else lo = lo * 10 + (c - 48);
  }
  for (; k < total; k++) {
    if (k < loFrom) hi *= 10;
    else lo *= 10;
  }
  LIMBS.hi = hi;
  LIMBS.lo = lo;
  return true;
}

/** Dekker's splitter, 2^27 + 1: splits a double into two halves whose products are exact. */
const SPLITTER = 134217729;

/** The exact a·b − p, where p is the rounded a·b (Dekker's two-product; JS has no fused multiply-add). */
function productError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** A double's bits, to read its exponent and build its unit in the last place. */
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
/** Index of the word holding sign and exponent: 1 on little-endian machines. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Slots of the shortest-text memo (a power of two): enough for a long series' distinct closes. */
const TEXT_SLOTS = 8192;
const TEXT_KEYS = new Float64Array(TEXT_SLOTS).fill(NaN);
/** Per slot, the key's text as an integer over 10^places: its places (−1: not a plain decimal of ≤ 23 digits) and signed limbs. */
const TEXT_PLACES = new Int32Array(TEXT_SLOTS).fill(-1);
const TEXT_HI = new Float64Array(TEXT_SLOTS);
const TEXT_LO = new Float64Array(TEXT_SLOTS);

/** The memo slot of `x` (direct-mapped by the double's bits). */
function textSlot(x: number): number {
  BITS[0] = x;
  // Closes widened from float32 have their low 29 bits zero: both words are mixed in.
  return Math.imul((WORDS[0] as number) ^ Math.imul(WORDS[1] as number, 0x85ebca6b), 0x9e3779b1) >>> 19;
}

/**
 * The memo slot holding `x`'s shortest text (`String(x)`) read as an integer over 10^places (filled on
 * a miss; a collision replaces the slot). Replays meet the same prices again and again (an anchor is the
 * close of its last fill; a sweep replays one series thousands of times), and printing and reading a
 * 17-digit double costs over 100 ns where finding it costs a few. What a slot holds is a pure function
 * of its key, so what is remembered never changes a result.
 */
function rememberedDecimal(x: number): number {
  const slot = textSlot(x);
  if (TEXT_KEYS[slot] === x) return slot;
  const text = String(x);
  TEXT_KEYS[slot] = x;
  const places = placesOfText(text);
  if (places >= 0 && readLimbs(text, places, places)) {
    const sign = text.charCodeAt(0) === MINUS ? -1 : 1;
    TEXT_PLACES[slot] = places;
    TEXT_HI[slot] = sign * LIMBS.hi;
    TEXT_LO[slot] = sign * LIMBS.lo;
  } else {
    TEXT_PLACES[slot] = -1;
  }
  return slot;
}

/**
 * (h · 10^8 + l) / p rounded to the nearest double, for 2^53 < h · 10^8 + l < 10^23 and p = 10^d with
 * d ≤ 20; NaN when a tie or a power of two leaves it to the caller. The integer is held exactly as
 * s + t (s its rounding, t the small integer error), q = s / p is within a few units in the last place,
 * and the residual h · 10^8 + l − q · p is computed exactly (its bits span fewer than 53 places for
 * d ≤ 20), so comparing it with half a unit times p says whether q, or the double next to it, is nearest.
 */
export function quotientRounded(h: number, l: number, p: number): number {
  const nh = h * LIMB;
  const s = nh + l;
  const t = productError(h, LIMB, nh) + (l - (s - nh));
  const q = s / p;
  const qp = q * p;
  const residual = s - qp + t - productError(q, p, qp);
  BITS[0] = q;
  const high = WORDS[HIGH] as number;
  const exponent = (high >>> 20) & 0x7ff;
  // A power of two has a finer grid below it; tiny or huge quotients are left to the text.
  if (exponent <= 53 || exponent >= 0x7fe || ((high & 0xfffff) === 0 && WORDS[1 - HIGH] === 0)) return NaN;
  WORDS[HIGH] = (exponent - 52) << 20;
  WORDS[1 - HIGH] = 0;
  const ulp = BITS[0] as number;
  const half = ulp * 0.5 * p;
  if (residual < half && residual > -half) return q;
  if (residual > half && residual < 3 * half) return q + ulp;
  if (residual < -half && residual > -3 * half) return q - ulp;
  return NaN;
}

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
