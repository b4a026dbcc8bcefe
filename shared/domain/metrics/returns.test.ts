import { describe, expect, it } from 'vitest';
import { dailyReturns } from './returns';

describe('dailyReturns', () => {
  it.each([
    { name: 'single bar: no returns', equity: [100], expected: [] },
    { name: 'two bars', equity: [100, 105], expected: [0.05] },
    { name: 'up, down, flat', equity: [100, 110, 99, 99], expected: [0.1, -0.1, 0] },
  ])('$name', ({ equity, expected }) => {
    const got = dailyReturns(equity);
    expect(got).toHaveLength(expected.length);
    got.forEach((r, i) => expect(r).toBeCloseTo(expected[i] as number, 12));
  });

  it.each([
    { name: 'empty', equity: [] },
    { name: 'zero', equity: [100, 0] },
    { name: 'negative', equity: [100, -1] },
    { name: 'NaN', equity: [Number.NaN] },
    { name: 'Infinity', equity: [100, Number.POSITIVE_INFINITY] },
  ])('throws RangeError on $name', ({ equity }) => {
    expect(() => dailyReturns(equity)).toThrow(RangeError);
  });
});
