import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePortfolioRisk, sampleCovariance, Z_95, Z_99 } from './PortfolioRisk';
import { alignReturns, returnsOnDates } from './RiskReturns';

const f = (xs: number[]): Float64Array => Float64Array.from(xs);

/**
 * Two assets, five returns, small enough to do by hand:
 *   A: 0.01 −0.02 0.03 −0.01 0.00 (v = 1000)   B: 0.02 −0.01 0.01 −0.03 0.01 (v = 2000), cash 1000.
 *   P&L_t = 1000·A + 2000·B = 50, −40, 50, −70, 20 → sorted −70 −40 20 50 50.
 *   5th percentile: h = 4·0.05 = 0.2 → −70 + 0.2·30 = −64 → VaR95 = 64; CVaR95 = 70 (only −70 ≤ −64).
 *   1st percentile: h = 0.04 → −70 + 0.04·30 = −68.8 → VaR99 = 68.8; CVaR99 = 70.
 *   mean A = 0.002, var A = 0.00148/4 = 0.00037; mean B = 0, var B = 0.0016/4 = 0.0004;
 *   cov AB = 0.001/4 = 0.00025. Σv = (0.87, 1.05); vᵀΣv = 870 + 2100 = 2970; σ_p = √2970.
 *   component A = z·870/σ_p, B = z·2100/σ_p. corr = 0.00025/√(0.00037·0.0004).
 *   weights 1/3, 2/3 → HHI 5/9. With B as the benchmark: β_A = 0.00025/0.0004 = 0.625, β_B = 1,
 *   β_p = (1000·0.00025 + 2000·0.0004)/3000/0.0004 = 0.875.
 */
describe('computePortfolioRisk: two assets by hand', () => {
  const A = f([0.01, -0.02, 0.03, -0.01, 0.0]);
  const B = f([0.02, -0.01, 0.01, -0.03, 0.01]);
  const report = computePortfolioRisk({
    holdings: [
      { symbol: 'A', value: 1000 },
      { symbol: 'B', value: 2000 },
    ],
    returns: [A, B],
    cash: 1000,
    benchmarkReturns: B,
  });
  const [l95, l99] = report.levels;
  const sigma = Math.sqrt(2970);

  it('P&L series', () => {
    expect(Array.from(report.pnl)).toEqual([50, -40, 50, -70, 20].map((x) => expect.closeTo(x, 9)));
  });
  it('historical VaR and CVaR with linear interpolation', () => {
    expect(l95?.historicalVar1d).toBeCloseTo(64, 9);
    expect(l95?.historicalCvar1d).toBeCloseTo(70, 9);
    expect(l99?.historicalVar1d).toBeCloseTo(68.8, 9);
    expect(l99?.historicalCvar1d).toBeCloseTo(70, 9);
    expect(l95?.historicalVar1dPct).toBeCloseTo(64 / 4000, 12);
    expect(l95?.historicalVar10d).toBeCloseTo(64 * Math.sqrt(10), 9);
  });
  it('parametric VaR = z·σ_p, 10-day = ×√10', () => {
    expect(report.sigma).toBeCloseTo(sigma, 9);
    expect(l95?.parametricVar1d).toBeCloseTo(89.64074998940703, 8);
    expect(l99?.parametricVar1d).toBeCloseTo(126.78062336268658, 8);
    expect(l95?.parametricVar10d).toBeCloseTo(283.46894113224073, 7);
  });
  it('component VaR', () => {
    expect(report.holdings[0]?.componentVar95).toBeCloseTo((Z_95 * 870) / sigma, 8);
    expect(report.holdings[1]?.componentVar95).toBeCloseTo((Z_95 * 2100) / sigma, 8);
    expect(report.holdings[1]?.componentVar99).toBeCloseTo((Z_99 * 2100) / sigma, 8);
  });
  it('covariance, correlation, beta and concentration', () => {
    const cov = sampleCovariance([A, B]);
    expect(Array.from(cov)).toEqual([0.00037, 0.00025, 0.00025, 0.0004].map((x) => expect.closeTo(x, 15)));
    expect(report.correlation[0]?.[1]).toBeCloseTo(0.6498440561375455, 12);
    expect(report.correlation[1]?.[0]).toBe(report.correlation[0]?.[1]);
    expect(report.correlation[0]?.[0]).toBe(1);
    expect(report.holdings[0]?.beta).toBeCloseTo(0.625, 12);
    expect(report.holdings[1]?.beta).toBeCloseTo(1, 12);
    expect(report.beta).toBeCloseTo(0.875, 12);
    expect(report.concentration).toEqual({
      largestSymbol: 'B',
      largestWeight: 2 / 3,
      herfindahl: expect.closeTo(5 / 9, 15),
    });
    expect(report.stockValue).toBe(3000);
    expect(report.equity).toBe(4000);
  });
});

describe('computePortfolioRisk: edges', () => {
  it('ties at the percentile: the tail includes every tied value', () => {
    // One holding worth 100: P&L = −5, −5, −5, 10, 20. h = 0.2 lies between two −5s → VaR 5, CVaR 5.
    const r = computePortfolioRisk({
      holdings: [{ symbol: 'X', value: 100 }],
      returns: [f([-0.05, -0.05, 0.1, -0.05, 0.2])],
      cash: 0,
    });
    expect(r.levels[0]?.historicalVar1d).toBeCloseTo(5, 12);
    expect(r.levels[0]?.historicalCvar1d).toBeCloseTo(5, 12);
    expect(r.levels[0]?.historicalCvar1d).toBeGreaterThanOrEqual(r.levels[0]?.historicalVar1d as number);
  });

  it('a constant series: no risk, no correlation off the diagonal, no beta', () => {
    const r = computePortfolioRisk({
      holdings: [
        { symbol: 'C', value: 500 },
        { symbol: 'D', value: 500 },
      ],
      returns: [f([0, 0, 0, 0]), f([0.01, -0.01, 0.02, 0])],
      cash: 0,
      benchmarkReturns: f([0, 0, 0, 0]),
    });
    expect(r.correlation).toEqual([
      [1, null],
      [null, 1],
    ]);
    expect(r.holdings[0]?.componentVar95).toBe(0);
    expect(r.holdings[0]?.beta).toBeNull();
    expect(r.beta).toBeNull();
    const flat = computePortfolioRisk({
      holdings: [{ symbol: 'C', value: 500 }],
      returns: [f([0, 0, 0])],
      cash: 100,
    });
    expect(flat.levels.map((l) => [l.historicalVar1d, l.historicalCvar1d, l.parametricVar1d])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(flat.holdings[0]?.componentVar99).toBe(0);
  });

  it('refuses fewer than two returns and mismatched lengths', () => {
    expect(() =>
      computePortfolioRisk({ holdings: [{ symbol: 'X', value: 1 }], returns: [f([0.1])], cash: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      computePortfolioRisk({
        holdings: [
          { symbol: 'X', value: 1 },
          { symbol: 'Y', value: 1 },
        ],
        returns: [f([0.1, 0.2]), f([0.1])],
        cash: 0,
      }),
    ).toThrow(RangeError);
  });

  it('no holdings: zero figures', () => {
    const r = computePortfolioRisk({ holdings: [], returns: [], cash: 100 });
    expect(r.levels[0]?.historicalVar1d).toBe(0);
    expect(r.levels[0]?.parametricVar1d).toBe(0);
    expect(r.concentration.largestSymbol).toBeNull();
  });
});

describe('alignReturns', () => {
  const long = {
    symbol: 'L',
    dates: ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'],
    closes: [100, 110, 99, 99, 108.9],
  };
  const short = { symbol: 'S', dates: ['2024-01-04', '2024-01-05', '2024-01-08'], closes: [50, 55, 44] };

  it('takes the last W returns on shared dates up to the as-of date', () => {
    const a = alignReturns([long], 2);
    expect(a.dates).toEqual(['2024-01-04', '2024-01-05', '2024-01-08']);
    expect(Array.from(a.returns[0] as Float64Array)).toEqual([0, expect.closeTo(0.1, 12)]);
    expect(a.lastCloses).toEqual([108.9]);
    expect(a.shortHistory).toEqual([false]);
    const asOf = alignReturns([long], 2, '2024-01-07');
    expect(asOf.dates).toEqual(['2024-01-03', '2024-01-04', '2024-01-05']);
    expect(Array.from(asOf.returns[0] as Float64Array)).toEqual([expect.closeTo(-0.1, 12), 0]);
  });

  it('a holding with short history shortens the window and is flagged', () => {
    const a = alignReturns([long, short], 4);
    expect(a.dates).toEqual(['2024-01-04', '2024-01-05', '2024-01-08']);
    expect(a.shortHistory).toEqual([false, true]);
    expect(Array.from(a.returns[1] as Float64Array)).toEqual([
      expect.closeTo(0.1, 12),
      expect.closeTo(-0.2, 12),
    ]);
  });

  it('benchmark returns are NaN where the benchmark lacks a date', () => {
    const bench = { symbol: 'SPY', dates: ['2024-01-04', '2024-01-08'], closes: [10, 11] };
    const r = returnsOnDates(bench, ['2024-01-04', '2024-01-05', '2024-01-08']);
    expect(Number.isNaN(r[0])).toBe(true);
    expect(Number.isNaN(r[1])).toBe(true);
  });

  it('refuses holdings that share fewer than two dates', () => {
    expect(() => alignReturns([long, { symbol: 'Z', dates: ['2023-01-03'], closes: [1] }])).toThrow(
      /share 0/,
    );
  });
});

describe('properties', () => {
  const matrix = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 2, max: 40 })).chain(([N, n]) =>
    fc.tuple(
      fc.array(fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: n, maxLength: n }), {
        minLength: N,
        maxLength: N,
      }),
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: N, maxLength: N }),
    ),
  );

  it('component VaRs sum to the parametric VaR; correlation symmetric with a unit diagonal in [−1, 1]', () => {
    fc.assert(
      fc.property(matrix, ([rows, values]) => {
        const r = computePortfolioRisk({
          holdings: values.map((value, i) => ({ symbol: `S${i}`, value })),
          returns: rows.map(f),
          cash: 0,
        });
        for (const level of r.levels) {
          const sum = r.holdings.reduce(
            (s, h) => s + (level.confidence === 0.95 ? h.componentVar95 : h.componentVar99),
            0,
          );
          expect(Math.abs(sum - level.parametricVar1d)).toBeLessThanOrEqual(
            1e-9 * (1 + level.parametricVar1d),
          );
          expect(level.historicalCvar1d).toBeGreaterThanOrEqual(level.historicalVar1d - 1e-9);
        }
        r.correlation.forEach((row, i) => {
          expect(row[i]).toBe(1);
          row.forEach((c, j) => {
            expect(c).toBe(r.correlation[j]?.[i]);
            if (c !== null) expect(Math.abs(c)).toBeLessThanOrEqual(1);
          });
        });
      }),
    );
  });
});
