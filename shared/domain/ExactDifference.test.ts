import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, exactDifference, quotientRounded } from './ExactDecimal';

/** The definition: the decimal texts subtracted with decimals, rounded once. */
function byDecimals(a: number, b: number): number {
  return exact(a).minus(exact(b)).toNumber();
}

describe('exactDifference (a − b on the decimal texts, one rounding)', () => {
  it.each([
    [45.12, 0.085, 45.035],
    [0.3, 0.1, 0.2],
    [29.21875, 0.085, 29.13375],
    [45.12000000000001, 0.44, 44.68000000000001],
    // 17 significant digits: past a safe integer, subtracted in two limbs.
    [45.120000000000005, 0.085, 45.035000000000004],
    [0.12345678901234568, 0.1, 0.02345678901234568],
    [100, 0.5, 99.5],
    [1e-7, 3e-8, 7e-8],
    [0.1, 0.3, -0.2],
  ])('%d − %d = %d', (a, b, expected) => {
    expect(exactDifference(a, b)).toBe(expected);
    expect(exactDifference(a, b)).toBe(byDecimals(a, b));
  });

  it('is not float subtraction where the two differ', () => {
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(exactDifference(0.3, 0.1)).toBe(0.2);
  });

  it('agrees with the decimals for prices and dividends of every shape (property)', () => {
    const grid = (places: number, max: number) => fc.integer({ min: 0, max }).map((n) => n / 10 ** places);
    const anyPrice = fc.oneof(
      grid(2, 10_000_000),
      grid(4, 100_000_000),
      fc.integer({ min: 1, max: 640_000 }).map((n) => n / 64),
      // Closes as data files carry them: float noise in the last digits (45.120000000000005).
      fc.double({ min: 0.01, max: 100_000, noNaN: true }),
      fc.double({ min: 1e-9, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(anyPrice, anyPrice, (a, b) => {
        expect(exactDifference(a, b)).toBe(byDecimals(a, b));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the decimals for numbers of either sign (property)', () => {
    const signed = fc.oneof(
      fc.double({ min: -100_000, max: 100_000, noNaN: true }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 100),
      fc.double({ min: -1, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(signed, signed, (a, b) => {
        expect(exactDifference(a, b) + 0).toBe(byDecimals(a, b) + 0); // + 0: a zero may come signed
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the same difference when its numbers are remembered and after their slots are taken (property)', () => {
    // More distinct numbers than the memo has slots, met again and again in random pairs.
    const price = fc.oneof(
      fc.double({ min: 0.01, max: 100_000, noNaN: true }),
      fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 100),
    );
    const pool = fc.array(price, { minLength: 9000, maxLength: 9000 });
    const pair = fc.tuple(fc.nat(8999), fc.nat(8999));
    fc.assert(
      fc.property(pool, fc.array(pair, { minLength: 20_000, maxLength: 20_000 }), (values, picks) => {
        for (const [i, j] of picks) {
          const a = values[i] as number;
          const b = values[j] as number;
          expect(exactDifference(a, b)).toBe(byDecimals(a, b));
        }
      }),
      { numRuns: 2 },
    );
  });

  it.each([
    [99999999.99999999, -0.00000001],
    [-45.120000000000005, 54.87999999999999],
    [45.99999999999999, -0.99999999],
    [-0.12345678901234568, 0.9876543210987654],
    // Each scaled integer is safe, their difference is not.
    [-24754.63, 65317.36706728659],
  ])('carries across the limbs: %d − %d', (a, b) => {
    expect(exactDifference(a, b)).toBe(byDecimals(a, b));
  });

  it('falls back to the decimals beyond its range (huge, tiny, many places)', () => {
    for (const [a, b] of [
      [1e20, 1],
      [123456789012345.6, 0.1],
      [Number.MIN_VALUE, 0],
      [5e-324, 1e-300],
      [0.1234567890123456, 0.1],
    ] as const) {
      expect(exactDifference(a, b)).toBe(byDecimals(a, b));
    }
  });

  describe('quotientRounded: (h · 10^8 + l) / 10^d rounded once, past 2^53', () => {
    /** The definition: the decimal text of the quotient, which `Number` rounds correctly. */
    function byText(h: number, l: number, d: number): number {
      const padded = (String(h) + String(l).padStart(8, '0')).padStart(d + 1, '0');
      const int = padded.slice(0, padded.length - d);
      return Number(d > 0 ? `${int}.${padded.slice(int.length)}` : int);
    }

    it('is the correctly rounded quotient, or NaN (left to the text), never another double (property)', () => {
      let undecided = 0;
      let runs = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 90_071_993, max: 999_999_999_999_999 }),
          fc.integer({ min: 0, max: 99_999_999 }),
          fc.integer({ min: 0, max: 20 }),
          (h, l, d) => {
            runs++;
            const q = quotientRounded(h, l, 10 ** d);
            if (Number.isNaN(q)) undecided++;
            else expect(q).toBe(byText(h, l, d));
          },
        ),
        { numRuns: 50_000 },
      );
      // The text is the rare way out (ties, powers of two, quotients off by more than one unit).
      expect(undecided / runs).toBeLessThan(0.02);
    });

    it('leaves a tie to the text, which rounds it to even', () => {
      // 2^53 + 3 lies halfway between two doubles.
      expect(quotientRounded(90_071_992, 54_740_995, 1)).toBeNaN();
      expect(exactDifference(9007199254740994, -1)).toBe(9007199254740996);
      expect(exactDifference(9007199254740994, -1)).toBe(byDecimals(9007199254740994, -1));
      expect(exactDifference(900719925474099.5, 0.0)).toBe(byDecimals(900719925474099.5, 0));
    });

    it('rounds 17-digit closes less a dividend like the decimals (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 100, max: 50_000_000 }).map((n) => Math.fround(n / 1e4)),
          fc.integer({ min: 1, max: 50_000 }).map((n) => n / 1e4),
          (close, dividend) => {
            expect(exactDifference(close, dividend)).toBe(byDecimals(close, dividend));
          },
        ),
        { numRuns: 20_000 },
      );
    });
  });
});

describe('exactDifference on numbers that are not plain decimals', () => {
  it('refuses a number that is not finite, the first time and once it has been met', () => {
    for (let k = 0; k < 2; k++) {
      expect(() => exactDifference(Infinity, 1)).toThrow(RangeError);
      expect(() => exactDifference(1, Number.NaN)).toThrow(RangeError);
    }
  });

  it('takes a signed zero and exponent forms as the decimals do', () => {
    expect(exactDifference(-0, 0) + 0).toBe(0);
    expect(exactDifference(1e21, 1)).toBe(byDecimals(1e21, 1));
    expect(exactDifference(1.5e-7, 1e-7)).toBe(byDecimals(1.5e-7, 1e-7));
  });
});
