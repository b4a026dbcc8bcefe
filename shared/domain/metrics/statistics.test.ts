import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNoise, mean, percentileLinear, sampleStdDev } from './statistics';

describe('percentileLinear — same as numpy.percentile(x, 5) (method="linear")', () => {
  // python3 -c "import numpy as np; print([float(np.percentile(x,5)) for x in ([3],[1,2],[5,1,4,2,3],list(range(21)),[0.3,-0.2,0.1,-0.05,0.0,0.07,-0.11])])"
  it.each([
    { name: 'one value', values: [3], expected: 3 },
    { name: 'two values: 5 % of the way', values: [1, 2], expected: 1.05 },
    { name: 'unsorted input', values: [5, 1, 4, 2, 3], expected: 1.2 },
    {
      name: 'position lands on an order statistic (n = 21)',
      values: Array.from({ length: 21 }, (_, i) => i),
      expected: 1,
    },
    {
      name: 'returns with losses',
      values: [0.3, -0.2, 0.1, -0.05, 0.0, 0.07, -0.11],
      expected: -0.17300000000000001,
    },
  ])('$name', ({ values, expected }) => {
    expect(percentileLinear(values, 0.05)).toBeCloseTo(expected, 12);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentileLinear(values, 0.05);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('mean and sampleStdDev — same as Python statistics.fmean / statistics.stdev', () => {
  it('divides by n − 1', () => {
    // python3 -c "import statistics as s; print(s.fmean([2,4,4,4,5,5,7,9]), s.stdev([2,4,4,4,5,5,7,9]))"
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(5, 12);
    expect(sampleStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935299395, 12);
  });
});

describe('isNoise', () => {
  it.each([
    { name: 'exact zero', dispersion: 0, values: [0.1, 0.1], expected: true },
    { name: 'rounding noise of equal returns', dispersion: 6e-17, values: [0.1, 0.1], expected: true },
    { name: 'a tiny but real dispersion', dispersion: 1e-9, values: [0.1, 0.1], expected: false },
    { name: 'typical daily dispersion', dispersion: 0.01, values: [0.01, -0.02], expected: false },
  ])('$name', ({ dispersion, values, expected }) => {
    expect(isNoise(dispersion, values)).toBe(expected);
  });
});

describe('percentileLinear by selection = by sorting (property)', () => {
  /** The definition: sort a copy ascending, interpolate between the order statistics around (n − 1)·p. */
  function bySorting(values: readonly number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const a = sorted[lo] as number;
    const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
    return h === lo ? a : a + (h - lo) * (b - a);
  }

  it('gives the same number for any series, p and order (duplicates, ties, ±0, sorted, reversed)', () => {
    const value = fc.oneof(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, -0, 0.01, -0.01),
    );
    const order = fc.constantFrom('as is', 'ascending', 'descending');
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        order,
        (values, p, how) => {
          const input =
            how === 'ascending'
              ? [...values].sort((a, b) => a - b)
              : how === 'descending'
                ? [...values].sort((a, b) => b - a)
                : values;
          const got = percentileLinear(input, p);
          const want = bySorting(input, p);
          expect(got === want || (got === 0 && want === 0)).toBe(true);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
