import { describe, expect, it } from 'vitest';
import { benchmarkStats } from './Benchmark';
import { contributions } from './Contribution';
import { checkDayTradeBuy, dayTradesBySession, dayTradesInWindow } from './DayTrades';
import { compound, timeWeightedReturns, xirr } from './Returns';
import { roundTripStats } from './RoundTrips';

describe('time-weighted return (SPEC 8)', () => {
  it('a deposit mid-period is not a return', () => {
    // Day 1 +10 %; day 2 deposit 1 000 and +10 % on 2 100.
    const r = timeWeightedReturns([100_000, 110_000, 231_000], [0, 0, 100_000]);
    expect(r[0]).toBeCloseTo(0.1, 12);
    expect(r[1]).toBeCloseTo(0.1, 12);
    expect(compound(r)).toBeCloseTo(0.21, 12);
  });

  it('a withdrawal is a negative flow', () => {
    const r = timeWeightedReturns([100_000, 50_000], [0, -50_000]);
    expect(r[0]).toBe(0);
  });
});

describe('money-weighted return: XIRR, Actual/365', () => {
  it("Excel's documented example: 37.34 %", () => {
    const rate = xirr([
      { date: '2008-01-01', amountCents: -1_000_000 },
      { date: '2008-03-01', amountCents: 275_000 },
      { date: '2008-10-30', amountCents: 425_000 },
      { date: '2009-02-15', amountCents: 325_000 },
      { date: '2009-04-01', amountCents: 275_000 },
    ]);
    expect(rate).toBeCloseTo(0.373362535, 8);
  });

  it('one year of 366 days: (1.1)^(365/366) − 1', () => {
    const rate = xirr([
      { date: '2020-01-01', amountCents: -100_000 },
      { date: '2021-01-01', amountCents: 110_000 },
    ]);
    expect(rate).toBeCloseTo(1.1 ** (365 / 366) - 1, 10);
  });

  it('a loss', () => {
    const rate = xirr([
      { date: '2021-01-01', amountCents: -100_000 },
      { date: '2022-01-01', amountCents: 80_000 },
    ]);
    expect(rate).toBeCloseTo(-0.2, 10);
  });

  it('no sign change: no rate', () => {
    expect(
      xirr([
        { date: '2021-01-01', amountCents: 100 },
        { date: '2022-01-01', amountCents: 100 },
      ]),
    ).toBeNull();
  });
});

describe('benchmark statistics', () => {
  it('a portfolio that is twice the benchmark: beta 2, correlation 1, alpha 0', () => {
    const rb = [0.01, -0.02, 0.015, 0.005];
    const r = rb.map((x) => 2 * x);
    const s = benchmarkStats(r, rb);
    expect(s.beta).toBeCloseTo(2, 12);
    expect(s.correlation).toBeCloseTo(1, 12);
    expect(s.alpha).toBeCloseTo(0, 12);
    // Active returns equal rb: TE = sd(rb)·√252, IR = mean(rb)·252 / TE.
    const m = 0.0025;
    const sd = Math.sqrt(rb.reduce((a, x) => a + (x - m) ** 2, 0) / 3);
    expect(s.trackingError).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(s.informationRatio).toBeCloseTo((m * 252) / (sd * Math.sqrt(252)), 10);
  });

  it('a flat benchmark has no beta (undefined, never a huge number)', () => {
    const s = benchmarkStats([0.01, 0.02], [0, 0]);
    expect(s.beta).toBeNull();
    expect(s.correlation).toBeNull();
  });
});

describe('contribution', () => {
  it('Σ_t w_{i,t−1}·r_{i,t} with weights from the evening before', () => {
    // Two positions of 600 and 400; A +10 %, B −5 %: contributions 6 % and −2 %; portfolio +4 %.
    const c = contributions(
      [
        [60_000, 66_000],
        [40_000, 38_000],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    );
    expect(c[0]).toBeCloseTo(0.06, 12);
    expect(c[1]).toBeCloseTo(-0.02, 12);
  });
});

describe('day trades', () => {
  it('a buy and a sell of a symbol in one session is one day trade; the window is 5 sessions', () => {
    const counts = dayTradesBySession([
      { symbol: 'A', date: '2024-01-02', side: 'BUY' },
      { symbol: 'A', date: '2024-01-02', side: 'SELL' },
      { symbol: 'B', date: '2024-01-02', side: 'BUY' },
      { symbol: 'A', date: '2024-01-03', side: 'BUY' },
      { symbol: 'A', date: '2024-01-04', side: 'SELL' },
      { symbol: 'C', date: '2024-01-09', side: 'SELL' },
      { symbol: 'C', date: '2024-01-09', side: 'BUY' },
    ]);
    expect([...counts]).toEqual([
      ['2024-01-02', 1],
      ['2024-01-09', 1],
    ]);
    const sessions = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09'];
    expect(dayTradesInWindow(counts, sessions)).toBe(1);
    expect(dayTradesInWindow(counts, sessions.slice(0, 5))).toBe(2 - 1);
  });

  it.each([
    { name: 'limit off: never blocks', limit: null, sells: 1, count: 9, equity: 0, expected: 'ok' },
    { name: 'not a day trade (no sell today)', limit: 3, sells: 0, count: 3, equity: 0, expected: 'ok' },
    { name: 'within the limit', limit: 3, sells: 1, count: 2, equity: 0, expected: 'ok' },
    {
      name: 'over the limit, equity below threshold',
      limit: 3,
      sells: 1,
      count: 3,
      equity: 100,
      expected: 'block',
    },
    {
      name: 'over the limit, equity above threshold',
      limit: 3,
      sells: 1,
      count: 3,
      equity: 3_000_000,
      expected: 'ok',
    },
  ])('the optional limit: $name', ({ limit, sells, count, equity, expected }) => {
    expect(
      checkDayTradeBuy(0, sells, count, equity, {
        maxDayTrades: limit,
        minEquityCents: 2_500_000,
        mode: 'block',
      }),
    ).toBe(expected);
  });
});

describe('round trip statistics', () => {
  it('count, win rate, averages, profit factor, expectancy in money, holding days; zero P&L is not a win', () => {
    const s = roundTripStats([
      { pnlCents: 300, holdingDays: 10 },
      { pnlCents: 100, holdingDays: 20 },
      { pnlCents: -200, holdingDays: 30 },
      { pnlCents: 0, holdingDays: 40 },
    ]);
    expect(s).toEqual({
      count: 4,
      wins: 2,
      losses: 1,
      winRate: 0.5,
      averageWinCents: 200,
      averageLossCents: -200,
      profitFactor: 2,
      expectancyCents: 50,
      averageHoldingDays: 25,
      totalPnlCents: 200,
    });
  });
});
