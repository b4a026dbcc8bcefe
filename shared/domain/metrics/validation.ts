/**
 * Input checks shared by the metric functions. Bad input is a programming error in the caller (a
 * simulation never produces a non-positive equity), so it throws a RangeError rather than returning a
 * failure value.
 */

/** Throws unless the series has at least one bar and every value is a finite number > 0. */
export function assertEquity(equity: readonly number[]): void {
  if (equity.length === 0) throw new RangeError('equity must have at least one bar');
  for (let index = 0; index < equity.length; index++) {
    const value = equity[index] as number;
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`equity[${index}] must be a finite number > 0, got ${value}`);
    }
  }
}

/** Throws unless `value` is a finite number (and an integer when `integer` is set). */
export function assertFinite(name: string, value: number, integer = false): void {
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a finite ${integer ? 'integer' : 'number'}, got ${value}`);
  }
}
