import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact } from './ExactDecimal';
import { exactMidpoint } from './ExactMidpoint';

/** The definition: the decimal texts added and halved with decimals, rounded once. */
function byDecimals(a: number, b: number): number {
  return exact(a).plus(exact(b)).div(2).toNumber();
}

describe('exactMidpoint ((a + b) / 2 on the decimal texts, one rounding)', () => {
  it.each([
    [96.49, 96.52, 96.505],
    [99, 101, 100],
    [100, 100, 100],
    [0.1, 0.2, 0.15],
    [49.99, 50.01, 50],
    [0.0001, 0.0002, 0.00015],
    // 17 significant digits: past a safe integer, added in decimals.
    [45.120000000000005, 45.13, 45.125],
    [0.12345678901234568, 0.1, 0.11172839450617283],
    [1e-7, 3e-7, 2e-7],
  ])('mid(%d, %d) = %d', (a, b, expected) => {
    expect(exactMidpoint(a, b)).toBe(expected);
    expect(exactMidpoint(a, b)).toBe(byDecimals(a, b));
  });

  it('is not float halving where the two differ', () => {
    expect((1.15 + 1.16) / 2).not.toBe(1.155);
    expect(exactMidpoint(1.15, 1.16)).toBe(1.155);
  });

  it('agrees with the decimals for quotes of every shape (property)', () => {
    const grid = (places: number, max: number) => fc.integer({ min: 1, max }).map((n) => n / 10 ** places);
    const anyPrice = fc.oneof(
      grid(2, 10_000_000),
      grid(4, 100_000_000),
      grid(6, Number.MAX_SAFE_INTEGER),
      fc.integer({ min: 1, max: 640_000 }).map((n) => n / 64),
      // Float noise in the last digits (45.120000000000005), and sums near 2^53 when scaled.
      fc.double({ min: 0.01, max: 100_000, noNaN: true }),
      fc.double({ min: 1e-9, max: 1, noNaN: true }),
      fc.double({ min: 1e12, max: 1e16, noNaN: true }),
    );
    // A quote's two sides: a spread of a few ticks (same grid) or any two prices.
    const nearby = fc
      .tuple(grid(2, 10_000_000), fc.integer({ min: 0, max: 500 }))
      .map(([bid, ticks]) => [bid, (Math.round(bid * 100) + ticks) / 100] as const);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(anyPrice, anyPrice), nearby), ([a, b]) => {
        expect(exactMidpoint(a, b)).toBe(byDecimals(a, b));
      }),
      { numRuns: 50_000 },
    );
  });

  it('falls back to the decimals beyond its range (huge, tiny, many places, sums past 2^53)', () => {
    for (const [a, b] of [
      [1e20, 1],
      [123456789012345.6, 0.1],
      [Number.MIN_VALUE, 1],
      [5e-324, 1e-300],
      [0.1234567890123456, 0.1],
      [1.234567890123456, 7.9],
      [4503599627370.495, 4503599627370.497],
      [Number.MAX_VALUE, Number.MAX_VALUE],
    ] as const) {
      expect(exactMidpoint(a, b)).toBe(byDecimals(a, b));
    }
  });
});
