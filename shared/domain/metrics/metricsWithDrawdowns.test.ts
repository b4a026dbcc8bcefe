import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawdownSeries } from './drawdown';
import { computeMetrics, metricsWithDrawdowns } from './riskMetrics';

// Flat stretches (factor 1) often, so equal peaks and long under-water runs occur.
const factor = fc.oneof(fc.constant(1), fc.double({ min: 0.5, max: 1.5, noNaN: true }));
const curve = fc
  .tuple(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.array(factor, { maxLength: 120 }))
  .map(([start, factors]) => factors.reduce((c, f) => [...c, (c.at(-1) as number) * f], [start]));

describe('metricsWithDrawdowns', () => {
  it('is computeMetrics and drawdownSeries of the same input, to the last bit', () => {
    fc.assert(
      fc.property(curve, fc.double({ min: -0.001, max: 0.001, noNaN: true }), (equity, rf) => {
        const input = { equity, riskFreePerPeriod: rf, turnover: 0.5, tradeCount: 3 };
        expect(metricsWithDrawdowns(input)).toEqual({
          metrics: computeMetrics(input),
          drawdowns: drawdownSeries(equity),
        });
      }),
    );
  });

  it('a hand-worked curve: 100, 120, 90, 90, 130, 65', () => {
    const { metrics, drawdowns } = metricsWithDrawdowns({ equity: [100, 120, 90, 90, 130, 65] });
    expect(drawdowns).toEqual([0, 0, 90 / 120 - 1, 90 / 120 - 1, 0, 65 / 130 - 1]);
    expect(metrics.maxDrawdown).toBe(-0.5);
    expect(metrics.maxDrawdownDurationBars).toBe(2);
  });

  it('refuses an equity that is not positive, as computeMetrics does', () => {
    expect(() => metricsWithDrawdowns({ equity: [100, 0] })).toThrow(RangeError);
  });
});
