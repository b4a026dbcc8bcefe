import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionCents, fillCommissionCents } from './Commission';
import { exactNotional, productCents, roundToCents } from './Money';

const exactly = (q: number, p: number): number => roundToCents(exactNotional(q, p));

describe('productCents', () => {
  it.each([
    { name: 'SPEC 2.8 tie 1 × 10.125 books 10.12', q: 1, p: 10.125, cents: 1012 },
    { name: 'SPEC 2.8 tie 3 × 10.125 books 30.38', q: 3, p: 10.125, cents: 3038 },
    { name: 'a float32-printed price', q: 1000, p: 28.799999237060547, cents: 2880000 },
    { name: 'zero shares', q: 0, p: 12.34, cents: 0 },
    { name: 'fractional shares', q: 0.333333, p: 30, cents: 1000 },
    { name: 'a half cent from a fractional quantity', q: 0.5, p: 0.01, cents: 0 },
    { name: 'a 1/16 quote tie rounds half to even', q: 1002, p: 28.1875, cents: 2824388 },
    { name: 'a 1/32 quote near a half cent', q: 3, p: 10.15625, cents: 3047 },
    { name: 'a 1/64 quote tie', q: 1, p: 0.015625, cents: 2 },
    { name: 'a $0.085 dividend on an odd holding is a tie (half-even down)', q: 1, p: 0.085, cents: 8 },
    { name: 'a $0.085 dividend on 3 shares is a tie (half-even up)', q: 3, p: 0.085, cents: 26 },
    { name: 'a 4-place dividend tie on a fractional holding', q: 0.5, p: 0.1025, cents: 5 },
    { name: 'a negative factor rounds the magnitude half-even', q: -3, p: 0.085, cents: -26 },
  ])('$name', ({ q, p, cents }) => {
    expect(productCents(q, p)).toBe(cents);
    expect(productCents(q, p)).toBe(exactly(q, p));
  });

  it('agrees with the exact decimal rounding on random whole and fractional quantities', () => {
    const price = fc.oneof(
      fc.integer({ min: 1, max: 10_000_000 }).map((c) => c / 100),
      fc.integer({ min: 1, max: 100_000_000 }).map((c) => c / 10_000),
      fc.integer({ min: 1, max: 640_000 }).map((c) => c / 64),
      fc.integer({ min: 1, max: 2_000_000 }).map((c) => c / 32),
      fc.float({ min: Math.fround(0.01), max: Math.fround(5000), noNaN: true }).map((f) => Number(f)),
    );
    const qty = fc.oneof(
      fc.integer({ min: 0, max: 5_000_000 }),
      fc.integer({ min: 0, max: 1_000_000_000 }).map((u) => u / 1_000_000),
    );
    fc.assert(
      fc.property(qty, price, (q, p) => {
        expect(productCents(q, p)).toBe(exactly(q, p));
      }),
      { numRuns: 20_000 },
    );
  });
  it('decides exact half-cent ties like the decimals (prices of 3–6 places times whole or fractional shares)', () => {
    // Most of these products are within float error of a half cent, so the exact path decides them.
    const places = fc.integer({ min: 3, max: 6 });
    const price = places.chain((d) => fc.integer({ min: 1, max: 10 ** (d + 3) }).map((u) => u / 10 ** d));
    const qty = fc.oneof(
      fc.integer({ min: 1, max: 100_000 }),
      fc.integer({ min: 1, max: 100_000_000 }).map((u) => u / 1_000_000),
      fc.integer({ min: 1, max: 2_000 }).map((u) => u / 2),
    );
    fc.assert(
      fc.property(qty, price, (q, p) => {
        expect(productCents(q, p)).toBe(exactly(q, p));
        expect(productCents(-q, p) + 0).toBe(-exactly(q, p) + 0); // + 0: a zero may come signed
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('fillCommissionCents', () => {
  it('agrees with the exact decimal commission for random fills, rates and minimums', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 100_000 }),
          fc.integer({ min: 1, max: 1_000_000_000 }).map((u) => u / 1_000_000),
        ),
        fc.oneof(
          fc.integer({ min: 1, max: 10_000_000 }).map((c) => c / 100),
          fc.integer({ min: 1, max: 640_000 }).map((c) => c / 64),
        ),
        fc.constantFrom(0, 0.0001, 0.0005, 0.001, 0.0025, 0.01),
        fc.constantFrom(0, 1, 100, 495, 1000),
        (q, p, rate, minimumCents) => {
          const snapshot = { rate, minimumCents, scope: 'GLOBAL' as const };
          expect(fillCommissionCents(q, p, snapshot)).toBe(commissionCents(exactNotional(q, p), snapshot));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    {
      name: 'a rate tie rounds half to even (125 × 1 × 0.0001 = 0.0125 → 0.01)',
      q: 125,
      p: 1,
      rate: 0.0001,
      min: 0,
      expected: 1,
    },
    {
      name: 'a rate tie rounds half to even (375 × 1 × 0.0001 = 0.0375 → 0.04)',
      q: 375,
      p: 1,
      rate: 0.0001,
      min: 0,
      expected: 4,
    },
    { name: 'exactly the minimum', q: 10_000, p: 1, rate: 0.0001, min: 100, expected: 100 },
    { name: 'the SPEC 2.9 buy: 61 × 96.50', q: 61, p: 96.5, rate: 0.0001, min: 0, expected: 59 },
  ])('$name', ({ q, p, rate, min, expected }) => {
    expect(fillCommissionCents(q, p, { rate, minimumCents: min, scope: 'GLOBAL' })).toBe(expected);
  });
});
