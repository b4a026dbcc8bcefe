import Decimal from 'decimal.js';

/**
 * Exact rational numbers for the few decisions float error could get wrong at a grid point (SPEC 2.4,
 * 2.5, 2.10; ADR 0070): a quantity the sizing or a cap gives is a quotient of decimals (prices, cents and
 * settings, each as its decimal text), held here as numerator and denominator and never divided. Every
 * product formed is exact: 1,000 significant digits hold any product of the dozen 17-digit texts a
 * cap is built from. Only the rare edge cases come here; the rules decide in floats first.
 */
const Wide = Decimal.clone({
  precision: 1000,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -1000,
  toExpPos: 1000,
});
type Wide = InstanceType<typeof Wide>;

/** A number's exact value: its shortest decimal text (SPEC 2.10 "Exact values"). */
function wide(value: number): Wide {
  if (!Number.isFinite(value)) throw new RangeError(`ExactRatio: ${value} is not a finite number`);
  return new Wide(String(value));
}

const ONE = new Wide(1);

/** num / den with den > 0. Immutable. */
export class ExactRatio {
  private constructor(
    private readonly num: Wide,
    private readonly den: Wide,
  ) {}

  /** The exact value of a number (its shortest text). */
  static of(value: number): ExactRatio {
    return new ExactRatio(wide(value), ONE);
  }

  /** A plain decimal text ("120", "0.299999"). */
  static ofText(text: string): ExactRatio {
    return new ExactRatio(new Wide(text), ONE);
  }

  /** An integer count of cents as dollars. */
  static cents(cents: number): ExactRatio {
    return new ExactRatio(wide(cents), new Wide(100));
  }

  plus(o: ExactRatio): ExactRatio {
    if (this.den.eq(o.den)) return new ExactRatio(this.num.plus(o.num), this.den);
    return new ExactRatio(this.num.times(o.den).plus(o.num.times(this.den)), this.den.times(o.den));
  }

  minus(o: ExactRatio): ExactRatio {
    return this.plus(o.negated());
  }

  negated(): ExactRatio {
    return new ExactRatio(this.num.neg(), this.den);
  }

  times(o: ExactRatio): ExactRatio {
    return new ExactRatio(this.num.times(o.num), this.den.times(o.den));
  }

  /** this / o; o must not be zero. */
  div(o: ExactRatio): ExactRatio {
    if (o.num.isZero()) throw new RangeError('ExactRatio: division by zero');
    const num = this.num.times(o.den);
    const den = this.den.times(o.num);
    return den.isNeg() ? new ExactRatio(num.neg(), den.neg()) : new ExactRatio(num, den);
  }

  /** −1, 0 or 1 as this is below, equal to or above o. */
  cmp(o: ExactRatio): -1 | 0 | 1 {
    return this.num.times(o.den).comparedTo(o.num.times(this.den)) as -1 | 0 | 1;
  }

  cmpNumber(value: number): -1 | 0 | 1 {
    return this.cmp(ExactRatio.of(value));
  }

  sign(): -1 | 0 | 1 {
    return this.num.isZero() ? 0 : this.num.isNeg() ? -1 : 1;
  }

  min(o: ExactRatio): ExactRatio {
    return this.cmp(o) <= 0 ? this : o;
  }

  max(o: ExactRatio): ExactRatio {
    return this.cmp(o) >= 0 ? this : o;
  }

  /**
   * The largest multiple of `unit` (> 0) that is ≤ this, as a decimal text: the quotient is rounded to
   * 1,000 digits, floored, then checked against the exact products (and moved by one if the rounding
   * crossed an integer), so the result is exact.
   */
  floorToMultipleOf(unit: number): string {
    const u = wide(unit);
    const scaledDen = this.den.times(u);
    let n = this.num.div(scaledDen).floor();
    while (n.times(scaledDen).greaterThan(this.num)) n = n.minus(1);
    while (n.plus(1).times(scaledDen).lte(this.num)) n = n.plus(1);
    return n.times(u).toString();
  }

  /** The nearest double (for traces and messages; decisions compare ratios). */
  toNumber(): number {
    return this.num.div(this.den).toNumber();
  }
}
