import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawdownSeries, maxDrawdown } from './drawdown';
import { dailyReturns } from './returns';
import { computeMetrics } from './riskMetrics';

/**
 * Equity curves as a start value times per-bar factors in [0.5, 1.5]; factor 1 is drawn often so flat
 * stretches, equal peaks and zero-variance series occur.
 */
const factor = fc.oneof(fc.constant(1), fc.double({ min: 0.5, max: 1.5, noNaN: true }));
const equityCurve = fc
  .tuple(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.array(factor, { maxLength: 80 }))
  .map(([start, factors]) => factors.reduce((curve, f) => [...curve, (curve.at(-1) as number) * f], [start]));

/**
 * Curves bouncing between two values, so the same two returns repeat exactly: the tail below VaR then
 * holds many equal returns, whose plain floating-point mean can round above them.
 */
const bouncingCurve = fc
  .tuple(
    fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    fc.double({ min: 0.5, max: 1.5, noNaN: true }),
    fc.integer({ min: 1, max: 60 }),
  )
  .map(([low, f, bars]) => Array.from({ length: bars }, (_, i) => (i % 2 === 0 ? low : low * f)));

/** Any positive finite doubles, to check that extreme inputs give null rather than Infinity or NaN. */
const wildCurve = fc.array(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), {
  minLength: 1,
  maxLength: 30,
});

describe('metrics — properties', () => {
  it('maxDrawdown is in [−1, 0] and every drawdown is ≤ 0', () => {
    fc.assert(
      fc.property(fc.oneof(equityCurve, bouncingCurve, wildCurve), (equity) => {
        const dd = maxDrawdown(equity).maxDrawdown;
        expect(dd).toBeGreaterThanOrEqual(-1);
        expect(dd).toBeLessThanOrEqual(0);
        for (const d of drawdownSeries(equity)) expect(d).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('cvar95 ≤ var95', () => {
    fc.assert(
      fc.property(fc.oneof(equityCurve, bouncingCurve), (equity) => {
        const { var95, cvar95 } = computeMetrics({ equity });
        if (var95 === null || cvar95 === null) return;
        expect(cvar95).toBeLessThanOrEqual(var95);
      }),
    );
  });

  it('totalReturn equals Π(1 + r) − 1 within 1e-9 (relative once above 1)', () => {
    fc.assert(
      fc.property(equityCurve, (equity) => {
        const { totalReturn } = computeMetrics({ equity });
        const compounded = dailyReturns(equity).reduce((acc, r) => acc * (1 + r), 1) - 1;
        expect(Math.abs((totalReturn as number) - compounded)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(compounded)),
        );
      }),
    );
  });

  it('every metric is a finite number or null, never Infinity or NaN', () => {
    fc.assert(
      fc.property(
        fc.oneof(equityCurve, bouncingCurve, wildCurve),
        fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        (equity, rf) => {
          const metrics = computeMetrics({ equity, riskFreePerPeriod: rf });
          for (const value of Object.values(metrics)) {
            if (value !== null) expect(Number.isFinite(value)).toBe(true);
          }
        },
      ),
    );
  });
});
