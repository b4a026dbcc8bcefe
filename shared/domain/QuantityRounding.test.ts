import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact } from './ExactDecimal';
import { productRoundedTowardZero, roundTowardZero, roundUpToGrid } from './QuantityRounding';

describe('roundTowardZero (SPEC 2.5 rule 5)', () => {
  it.each([
    { name: 'whole step', qty: 61.55, step: 1, lot: null, expected: 61 },
    { name: 'negative toward zero', qty: -50.88, step: 1, lot: null, expected: -50 },
    { name: 'fractional keeps 6 decimals', qty: 0.1234567, step: 0, lot: null, expected: 0.123456 },
    { name: 'fractional 0.3 stays 0.3 (no float residue)', qty: 0.3, step: 0, lot: null, expected: 0.3 },
    { name: 'step 0.1', qty: 12.39, step: 0.1, lot: null, expected: 12.3 },
    { name: 'step 0.1 exact value stays', qty: 0.3, step: 0.1, lot: null, expected: 0.3 },
    { name: 'lot 10 after step 1', qty: 37.9, step: 1, lot: 10, expected: 30 },
    { name: 'lot 100 above qty gives 0', qty: 99, step: 1, lot: 100, expected: 0 },
    { name: 'zero stays zero', qty: 0, step: 1, lot: null, expected: 0 },
  ])('$name', ({ qty, step, lot, expected }) => {
    expect(roundTowardZero(qty, step, lot)).toBe(expected);
  });

  it('rounding never increases |qty| and lands on the grid (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom(0, 0.001, 0.01, 0.1, 1, 5),
        fc.constantFrom(null, 1, 10, 100),
        (qty, step, lot) => {
          const r = roundTowardZero(qty, step, lot);
          expect(Math.abs(r)).toBeLessThanOrEqual(Math.abs(qty));
          expect(Math.sign(r) === 0 || Math.sign(r) === Math.sign(qty)).toBe(true);
          const unit = exact(lot ?? (step > 0 ? step : 0.000001));
          expect(exact(Math.abs(r)).mod(unit).isZero()).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('roundUpToGrid (clip)', () => {
  it.each([
    { qty: 1.6667, step: 1, lot: null, expected: 2 },
    { qty: 2, step: 1, lot: null, expected: 2 },
    { qty: 0.0000011, step: 0, lot: null, expected: 0.000002 },
    { qty: 11, step: 1, lot: 10, expected: 20 },
  ])('$qty on step $step lot $lot → $expected', ({ qty, step, lot, expected }) => {
    expect(roundUpToGrid(qty, step, lot)).toBe(expected);
  });
});

describe('productRoundedTowardZero (ADR 0070)', () => {
  it('floors the exact product, not the float one, at a grid point', () => {
    expect(90 * 0.7).toBeLessThan(63);
    expect(productRoundedTowardZero(90, 0.7, 1, null)).toBe(63);
    expect(productRoundedTowardZero(170, 0.7, 1, null)).toBe(119);
    expect(productRoundedTowardZero(170, 0.7, 1, 10)).toBe(110);
    expect(productRoundedTowardZero(1234, 0.1, 0, null)).toBe(123.4);
    expect(productRoundedTowardZero(1235, 0.5, 1, null)).toBe(617);
  });
});
