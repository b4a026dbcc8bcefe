import { exact } from './ExactDecimal';
import { ExactRatio } from './ExactRatio';

/**
 * SPEC 2.5 rule 5: round toward zero to the qty step (0 = fractional, kept to 6 decimals), then to a
 * multiple of the lot. Done in decimals on the numbers' shortest text, so 0.3 on a 0.000001 grid stays
 * 0.3 (float division would give 0.299999) and rounding never increases |qty|.
 */
const FRACTIONAL_STEP = 0.000001;

export function roundTowardZero(qty: number, qtyStep: number, lotSize: number | null): number {
  // The common case, small enough to inline into the rules: whole shares, no lot, qty ≥ 0.
  if (qtyStep === 1 && lotSize === null && qty >= 0 && qty < 2 ** 52) return Math.floor(qty);
  return roundTowardZeroOnGrid(qty, qtyStep, lotSize);
}

function roundTowardZeroOnGrid(qty: number, qtyStep: number, lotSize: number | null): number {
  if (!Number.isFinite(qty)) throw new RangeError(`quantity ${qty} is not finite`);
  if (qty === 0) return 0;
  const sign = qty < 0 ? -1 : 1;
  let abs = floorToGrid(Math.abs(qty), qtyStep > 0 ? qtyStep : FRACTIONAL_STEP);
  if (lotSize !== null && lotSize > 0) abs = floorToGrid(abs, lotSize);
  return abs === 0 ? 0 : sign * abs;
}

/** Smallest quantity on the step/lot grid that is ≥ qty (used by `clip`). */
export function roundUpToGrid(qty: number, qtyStep: number, lotSize: number | null): number {
  const unit = lotSize !== null && lotSize > 0 ? lotSize : qtyStep > 0 ? qtyStep : FRACTIONAL_STEP;
  const u = exact(unit);
  return exact(qty).div(u).ceil().times(u).toNumber();
}

function floorToGrid(value: number, unit: number): number {
  if (Number.isInteger(unit) && value < 2 ** 52) {
    // Whole-share grids are exact in floats: n·unit is an integer; the check undoes a division rounded up.
    let n = Math.floor(value / unit);
    if (n * unit > value) n -= 1;
    return n * unit;
  }
  const u = exact(unit);
  return exact(value).div(u).floor().times(u).toNumber();
}

/**
 * `roundTowardZero` of an exact quotient ≥ 0 (ADR 0070): to the step, then to the lot, with no float in
 * between, so a quotient exactly on a grid point stays on it. Returns the grid point as an exact ratio.
 */
export function floorExactlyToGrid(x: ExactRatio, qtyStep: number, lotSize: number | null): ExactRatio {
  let grid = ExactRatio.ofText(x.floorToMultipleOf(qtyStep > 0 ? qtyStep : FRACTIONAL_STEP));
  if (lotSize !== null && lotSize > 0) grid = ExactRatio.ofText(grid.floorToMultipleOf(lotSize));
  return grid;
}

/**
 * The product a·b (both ≥ 0) rounded toward zero to the grid, exact: the float product decides unless it
 * is within float error of a grid point, where the exact product does (a volume cap of 0.7 on 90
 * shares is 63, not the 62 that 90 × 0.7 = 62.99999999999999 would floor to).
 */
export function productRoundedTowardZero(
  a: number,
  b: number,
  qtyStep: number,
  lotSize: number | null,
): number {
  const product = a * b;
  const unit = qtyStep > 0 ? qtyStep : FRACTIONAL_STEP;
  if (Math.abs(product - Math.round(product / unit) * unit) > 1e-12 * Math.abs(product))
    return roundTowardZero(product, qtyStep, lotSize);
  return floorExactlyToGrid(ExactRatio.of(a).times(ExactRatio.of(b)), qtyStep, lotSize).toNumber();
}
