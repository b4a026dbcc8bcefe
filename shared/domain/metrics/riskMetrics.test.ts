import { describe, expect, it } from 'vitest';
import type { PerformanceMetrics } from './riskMetrics';
import { computeMetrics } from './riskMetrics';

/*
 * Expected values computed independently with Python 3 (`statistics`, numpy 2.4.6), for a series e and
 * risk-free rate rf, with r = [b/a-1 for a,b in zip(e,e[1:])], x = [v-rf for v in r], n = len(r):
 *   totalReturn       e[-1]/e[0]-1
 *   cagr              (e[-1]/e[0])**(252/n)-1
 *   annualVolatility  statistics.stdev(r)*math.sqrt(252)
 *   sharpe            statistics.fmean(x)/statistics.stdev(x)*math.sqrt(252)
 *   sortino           statistics.fmean(x)*252/(math.sqrt(statistics.fmean([min(v,0)**2 for v in x]))*math.sqrt(252))
 *   maxDrawdown       min(v/p-1 for v,p in zip(e, itertools.accumulate(e, max)))
 *   calmar            cagr/abs(maxDrawdown)
 *   var95             float(numpy.percentile(r, 5))          # default method='linear'
 *   cvar95            statistics.fmean([v for v in r if v <= numpy.percentile(r, 5)])
 * e.g. python3 -c "import statistics as s,math; e=[100,110,99,88,95,112,108,115]; r=[b/a-1 for a,b in zip(e,e[1:])]; print(s.fmean(r)/s.stdev(r)*math.sqrt(252))"
 */

type Expected = Omit<
  PerformanceMetrics,
  'bars' | 'turnover' | 'tradeCount' | 'commissionsCents' | 'dividendsCents'
>;

const DRAWDOWN_AND_RECOVERY = [100, 110, 99, 88, 95, 112, 108, 115];
const RISING = [100, 101, 102.5, 104, 106];
/** round(100*(1+0.03*math.sin(k*1.7))+0.4*k, 2) for k in range(31): n = 30, so VaR interpolates at 1.45. */
const ZIGZAG = [
  100.0, 103.37, 100.03, 98.42, 103.08, 104.4, 100.3, 100.95, 105.78, 104.79, 101.12, 103.95, 107.8, 104.87,
  102.68, 107.08, 109.04, 105.04, 105.01, 109.92, 109.59, 105.67, 107.92, 112.16, 109.72, 107.01, 111.05,
  113.62, 109.83, 109.13, 114.01,
];

const ROWS: { name: string; equity: number[]; rf?: number; expected: Expected }[] = [
  {
    name: 'rising series, no return below 0 → sortino and calmar null',
    equity: RISING,
    expected: {
      totalReturn: 0.06000000000000005,
      cagr: 38.288867609372694,
      annualVolatility: 0.059850197941549756,
      sharpe: 61.806533188406455,
      sortino: null,
      maxDrawdown: 0,
      maxDrawdownDurationBars: 0,
      calmar: null,
      var95: 0.010695121951219522,
      cvar95: 0.010000000000000009,
    },
  },
  {
    name: 'rising series with rf = 0.012: one return below rf → sortino defined',
    equity: RISING,
    rf: 0.012,
    expected: {
      totalReturn: 0.06000000000000005,
      cagr: 38.288867609372694,
      annualVolatility: 0.059850197941549756,
      sharpe: 11.280384503764406,
      sortino: 42.52939688521687,
      maxDrawdown: 0,
      maxDrawdownDurationBars: 0,
      calmar: null,
      var95: 0.010695121951219522,
      cvar95: 0.010000000000000009,
    },
  },
  {
    name: 'drawdown of 20 % (110 → 88) and recovery',
    equity: DRAWDOWN_AND_RECOVERY,
    expected: {
      totalReturn: 0.1499999999999999,
      cagr: 152.15185193575073,
      annualVolatility: 1.7356091922506476,
      sharpe: 3.6605940454686126,
      sortino: 6.889716961366114,
      maxDrawdown: -0.19999999999999996,
      maxDrawdownDurationBars: 3,
      calmar: 760.7592596787538,
      var95: -0.1077777777777778,
      cvar95: -0.11111111111111116,
    },
  },
  {
    name: 'same drawdown series with rf = 0.0002: only Sharpe and Sortino move',
    equity: DRAWDOWN_AND_RECOVERY,
    rf: 0.0002,
    expected: {
      totalReturn: 0.1499999999999999,
      cagr: 152.15185193575073,
      annualVolatility: 1.7356091922506476,
      sharpe: 3.63155525020005,
      sortino: 6.82080516673722,
      maxDrawdown: -0.19999999999999996,
      maxDrawdownDurationBars: 3,
      calmar: 760.7592596787538,
      var95: -0.1077777777777778,
      cvar95: -0.11111111111111116,
    },
  },
  {
    name: '31-bar zigzag: VaR interpolated between the 2nd and 3rd smallest returns',
    equity: ZIGZAG,
    expected: {
      totalReturn: 0.1401000000000001,
      cagr: 2.0082972288945236,
      annualVolatility: 0.49189445700325823,
      sharpe: 2.480628970014854,
      sortino: 4.167564659220325,
      maxDrawdown: -0.0478862339169972,
      maxDrawdownDurationBars: 3,
      calmar: 41.93892617188422,
      var95: -0.03627244132853748,
      cvar95: -0.03797790820901609,
    },
  },
  {
    name: 'flat series: sd 0 → sharpe null, no loss → sortino and calmar null',
    equity: [100, 100, 100, 100],
    expected: {
      totalReturn: 0,
      cagr: 0,
      annualVolatility: 0,
      sharpe: null,
      sortino: null,
      maxDrawdown: 0,
      maxDrawdownDurationBars: 0,
      calmar: null,
      var95: 0,
      cvar95: 0,
    },
  },
  {
    name: 'single bar: no returns → every return statistic null',
    equity: [100],
    expected: {
      totalReturn: 0,
      cagr: null,
      annualVolatility: null,
      sharpe: null,
      sortino: null,
      maxDrawdown: 0,
      maxDrawdownDurationBars: 0,
      calmar: null,
      var95: null,
      cvar95: null,
    },
  },
  {
    name: 'two bars (one return): no sample sd → volatility and sharpe null, the rest defined',
    equity: [100, 95],
    expected: {
      totalReturn: -0.050000000000000044,
      cagr: -0.9999975658432996,
      annualVolatility: null,
      sharpe: null,
      sortino: -15.874507866387543,
      maxDrawdown: -0.050000000000000044,
      maxDrawdownDurationBars: 1,
      calmar: -19.999951316865975,
      var95: -0.050000000000000044,
      cvar95: -0.050000000000000044,
    },
  },
  {
    // Python gives stdev 1.76e-15 and Sharpe 1.43e16 here: rounding noise, which the SPEC reports as undefined.
    name: 'constant 10 % growth: sd is rounding noise → sharpe null, not 1e16',
    equity: [100, 110, 121, 133.1, 146.41],
    expected: {
      totalReturn: 0.4641,
      cagr: 26974702266.75873,
      annualVolatility: 1.762424413785662e-15, // noise too, but not a ratio: reported as computed
      sharpe: null,
      sortino: null,
      maxDrawdown: 0,
      maxDrawdownDurationBars: 0,
      calmar: null,
      var95: 0.1,
      cvar95: 0.1,
    },
  },
];

describe('computeMetrics — against values computed in Python', () => {
  it.each(ROWS)('$name', ({ equity, rf, expected }) => {
    const metrics = computeMetrics({ equity, riskFreePerPeriod: rf });
    for (const [key, want] of Object.entries(expected) as [keyof Expected, number | null][]) {
      const got = metrics[key];
      if (want === null) {
        expect(got, key).toBeNull();
      } else {
        // CAGR compounds to 252 periods and reaches 1e10, so values above 1 are compared relative to their size.
        const scale = Math.max(1, Math.abs(want));
        expect((got as number) / scale, key).toBeCloseTo(want / scale, 10);
      }
    }
    expect(metrics.bars).toBe(equity.length);
  });
});

describe('computeMetrics — options and pass-through', () => {
  it('passes turnover, trade count, commissions and dividends through; null when absent', () => {
    const equity = [100, 101];
    expect(
      computeMetrics({ equity, turnover: 1.5, tradeCount: 4, commissionsCents: 250, dividendsCents: 0 }),
    ).toMatchObject({
      bars: 2,
      turnover: 1.5,
      tradeCount: 4,
      commissionsCents: 250,
      dividendsCents: 0,
    });
    expect(computeMetrics({ equity })).toMatchObject({
      turnover: null,
      tradeCount: null,
      commissionsCents: null,
      dividendsCents: null,
    });
  });

  it('annualises with periodsPerYear', () => {
    // python3 -c "import statistics as s,math; e=[100,110,99,88,95,112,108,115]; r=[b/a-1 for a,b in zip(e,e[1:])]; print(s.stdev(r)*math.sqrt(12), (e[-1]/e[0])**(12/7)-1)"
    const m = computeMetrics({ equity: DRAWDOWN_AND_RECOVERY, periodsPerYear: 12 });
    expect(m.annualVolatility).toBeCloseTo(0.3787409762071312, 10);
    expect(m.cagr).toBeCloseTo(0.2707304609326173, 10);
  });

  it('reports an overflowing CAGR as null, never Infinity', () => {
    const m = computeMetrics({ equity: [1, 1e10] });
    expect(m.cagr).toBeNull();
    expect(m.calmar).toBeNull();
    expect(m.totalReturn).toBe(1e10 - 1);
  });

  it.each([
    { name: 'empty equity', input: { equity: [] } },
    { name: 'zero equity', input: { equity: [100, 0] } },
    { name: 'negative equity', input: { equity: [-1, 100] } },
    { name: 'NaN equity', input: { equity: [100, Number.NaN] } },
    { name: 'infinite equity', input: { equity: [100, Number.POSITIVE_INFINITY] } },
    { name: 'periodsPerYear 0', input: { equity: [100, 101], periodsPerYear: 0 } },
    { name: 'non-finite rf', input: { equity: [100, 101], riskFreePerPeriod: Number.NaN } },
    { name: 'fractional trade count', input: { equity: [100, 101], tradeCount: 1.5 } },
    { name: 'fractional commission cents', input: { equity: [100, 101], commissionsCents: 0.5 } },
  ])('throws RangeError on $name', ({ input }) => {
    expect(() => computeMetrics(input)).toThrow(RangeError);
  });
});
