import { describe, expect, it } from 'vitest';
import { drawdownSeries, maxDrawdown } from './drawdown';

describe('drawdownSeries', () => {
  it.each([
    { name: 'single bar', equity: [100], expected: [0] },
    { name: 'two bars, rising', equity: [100, 110], expected: [0, 0] },
    { name: 'two bars, falling', equity: [100, 75], expected: [0, -0.25] },
    { name: 'equal peak is not a drawdown', equity: [100, 80, 100], expected: [0, -0.2, 0] },
    {
      name: 'measured from the running peak',
      equity: [100, 200, 150, 100, 250],
      expected: [0, 0, -0.25, -0.5, 0],
    },
  ])('$name', ({ equity, expected }) => {
    drawdownSeries(equity).forEach((dd, i) => expect(dd).toBeCloseTo(expected[i] as number, 12));
  });

  it('throws RangeError on bad equity', () => {
    expect(() => drawdownSeries([])).toThrow(RangeError);
    expect(() => drawdownSeries([100, -5])).toThrow(RangeError);
  });
});

describe('maxDrawdown', () => {
  it.each([
    {
      name: 'single bar: none',
      equity: [100],
      expected: { maxDrawdown: 0, peakIndex: 0, troughIndex: 0, durationBars: 0 },
    },
    {
      name: 'two bars, rising: none',
      equity: [100, 101],
      expected: { maxDrawdown: 0, peakIndex: 0, troughIndex: 0, durationBars: 0 },
    },
    {
      name: 'two bars, falling',
      equity: [100, 90],
      expected: { maxDrawdown: -0.1, peakIndex: 0, troughIndex: 1, durationBars: 1 },
    },
    {
      name: 'flat: none',
      equity: [5, 5, 5],
      expected: { maxDrawdown: 0, peakIndex: 0, troughIndex: 0, durationBars: 0 },
    },
    {
      name: 'drawdown and recovery (110 → 88, back above at bar 5)',
      equity: [100, 110, 99, 88, 95, 112, 108, 115],
      expected: { maxDrawdown: -0.2, peakIndex: 1, troughIndex: 3, durationBars: 3 },
    },
    {
      name: 'never recovers: the run lasts to the last bar',
      equity: [100, 120, 90, 60, 80, 100],
      expected: { maxDrawdown: -0.5, peakIndex: 1, troughIndex: 3, durationBars: 4 },
    },
    {
      name: 'two equal drawdowns: the first is reported',
      equity: [100, 80, 100, 80, 100],
      expected: { maxDrawdown: -0.2, peakIndex: 0, troughIndex: 1, durationBars: 1 },
    },
    {
      name: 'longest run belongs to a shallower drawdown',
      equity: [100, 50, 100, 95, 96, 97, 98, 99, 100],
      expected: { maxDrawdown: -0.5, peakIndex: 0, troughIndex: 1, durationBars: 5 },
    },
    {
      name: 'a peak equal to the previous one ends the run',
      equity: [100, 90, 100, 90, 90],
      expected: { maxDrawdown: -0.1, peakIndex: 0, troughIndex: 1, durationBars: 2 },
    },
  ])('$name', ({ equity, expected }) => {
    const got = maxDrawdown(equity);
    expect(got.maxDrawdown).toBeCloseTo(expected.maxDrawdown, 12);
    expect({ ...got, maxDrawdown: 0 }).toEqual({ ...expected, maxDrawdown: 0 });
  });
});
