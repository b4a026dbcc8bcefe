import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact } from './ExactDecimal';
import { cents, dollarsToCents, exactNotional, formatCents, roundToCents } from './Money';

describe('roundToCents (half-to-even from the exact value, SPEC 2.8)', () => {
  it.each([
    { name: '1 × 10.125 books 10.12 (tie to even)', qty: 1, price: 10.125, expected: 1012 },
    { name: '3 × 10.125 books 30.38 (30.375 → even 8)', qty: 3, price: 10.125, expected: 3038 },
    { name: '0.005 rounds to 0', qty: 1, price: 0.005, expected: 0 },
    { name: '0.015 rounds to 0.02', qty: 1, price: 0.015, expected: 2 },
    { name: '0.025 rounds to 0.02', qty: 1, price: 0.025, expected: 2 },
    { name: 'float error does not decide: 3 × 0.335 = 1.005 → 1.00', qty: 3, price: 0.335, expected: 100 },
    { name: 'fractional qty 0.123456 × 100.01', qty: 0.123456, price: 100.01, expected: 1235 },
    {
      name: 'float32-looking price 28.799999237060547 × 100',
      qty: 100,
      price: 28.799999237060547,
      expected: 288000,
    },
  ])('$name', ({ qty, price, expected }) => {
    expect(roundToCents(exactNotional(qty, price))).toBe(expected);
  });

  it('rounds negative ties to even too', () => {
    expect(roundToCents(exact('-10.125'))).toBe(-1012);
  });
});

describe('cents and dollars', () => {
  it.each([
    ['1000', 100000],
    ['1000.5', 100050],
    ['0.01', 1],
    [44112.91, 4411291],
  ] as const)('dollarsToCents(%s) = %i', (input, expected) => {
    expect(dollarsToCents(input)).toBe(expected);
  });

  it('refuses more than two decimals and non-integers', () => {
    expect(() => dollarsToCents('1.001')).toThrow(/more than two decimals/);
    expect(() => cents(1.5)).toThrow(RangeError);
    expect(() => cents(Number.NaN)).toThrow(RangeError);
  });

  it('formats with thousands separators and sign', () => {
    expect(formatCents(cents(4411291))).toBe('44,112.91');
    expect(formatCents(cents(-5))).toBe('-0.05');
  });

  it('never drifts over long sequences of bookings (integer cents vs exact decimal sum)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            qty: fc.integer({ min: 1, max: 5000 }),
            priceMils: fc.integer({ min: 1, max: 10_000_000 }),
          }),
          { maxLength: 300 },
        ),
        (fills) => {
          let booked = 0;
          let exactSum = exact(0);
          for (const f of fills) {
            const price = f.priceMils / 1000;
            const c = roundToCents(exactNotional(f.qty, price));
            booked += c;
            exactSum = exactSum.plus(exact(c).div(100));
          }
          // The integer total equals the decimal total of what was booked, to the cent.
          expect(exact(booked).div(100).equals(exactSum)).toBe(true);
          expect(Number.isSafeInteger(booked)).toBe(true);
        },
      ),
    );
  });
});
