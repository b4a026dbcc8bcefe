import { describe, expect, it } from 'vitest';
import type { CloseSeries } from './RiskReturns';
import {
  HISTORICAL_WINDOWS,
  historicalStress,
  parseStressWindow,
  shockStress,
  STANDARD_SHOCKS,
  windowReturn,
} from './StressTest';

const ko: CloseSeries = {
  symbol: 'KO',
  dates: ['2020-02-18', '2020-02-19', '2020-03-02', '2020-03-23', '2020-03-24'],
  closes: [59, 60, 55, 45, 48],
};
const young: CloseSeries = { symbol: 'NEW', dates: ['2020-03-02', '2020-03-23'], closes: [10, 5] };
const spy: CloseSeries = { symbol: 'SPY', dates: ['2020-02-19', '2020-03-23'], closes: [400, 280] };
const covid = HISTORICAL_WINDOWS[2]!;

describe('stress tests', () => {
  it('has the four windows of SPEC 9', () => {
    expect(HISTORICAL_WINDOWS.map((w) => `${w.from}:${w.to}`)).toEqual([
      '2000-03-24:2002-10-09',
      '2007-10-09:2009-03-09',
      '2020-02-19:2020-03-23',
      '2022-01-03:2022-10-12',
    ]);
  });

  it('a holding returns first-to-last close inside the window', () => {
    expect(windowReturn(ko, covid.from, covid.to)).toBeCloseTo(45 / 60 - 1, 15);
    // A history that starts mid-window did not live through it.
    expect(windowReturn(young, covid.from, covid.to)).toBeNull();
    // Starting on the first session after a weekend start counts as present.
    expect(windowReturn(ko, '2020-02-16', '2020-03-23')).toBeCloseTo(45 / 59 - 1, 15);
  });

  it('per position and total, the benchmark as a flagged proxy', () => {
    const histories = new Map([
      ['KO', ko],
      ['NEW', young],
    ]);
    const r = historicalStress(
      covid,
      [
        { symbol: 'KO', value: 6000 },
        { symbol: 'NEW', value: 1000 },
      ],
      (s) => histories.get(s),
      spy,
      10_000,
    );
    // KO −25 % of 6000 = −1500; NEW uses SPY −30 % of 1000 = −300; total −1800 = −18 % of 10 000.
    expect(r.lines.map((l) => [l.symbol, l.source, Math.round(l.pnl * 1e6) / 1e6])).toEqual([
      ['KO', 'own', -1500],
      ['NEW', 'benchmark', -300],
    ]);
    expect(r.pnl).toBeCloseTo(-1800, 9);
    expect(r.pnlPct).toBeCloseTo(-0.18, 12);
    expect(r.flagged).toBe(true);
    const none = historicalStress(
      covid,
      [{ symbol: 'NEW', value: 1000 }],
      (s) => histories.get(s),
      undefined,
      1000,
    );
    expect(none.lines[0]?.source).toBe('missing');
    // Nothing has closes in the window: no result, not a $0.00 "proxy".
    expect(none).toMatchObject({ noData: 'no_history', flagged: false, pnlPct: null });
    expect(r.noData).toBeNull();
  });

  it('a window that ends after the as-of date has no data, even when closes exist later', () => {
    const held = [{ symbol: 'KO', value: 6000 }];
    const after = historicalStress(covid, held, () => ko, spy, 10_000, '2020-03-20');
    expect(after).toMatchObject({ noData: 'after_as_of', flagged: false, pnl: 0, pnlPct: null });
    // Ending on the as-of date itself is inside: KO −25 % of 6000.
    const on = historicalStress(covid, held, () => ko, spy, 10_000, '2020-03-23');
    expect(on.noData).toBeNull();
    expect(on.pnl).toBeCloseTo(-1500, 9);
  });

  it('hypothetical shocks: all stocks, or one symbol', () => {
    const holdings = [
      { symbol: 'KO', value: 6000 },
      { symbol: 'PEP', value: 2000 },
    ];
    const all = shockStress(STANDARD_SHOCKS[1]!, holdings, 10_000);
    expect(all.pnl).toBeCloseTo(-1600, 9);
    expect(all.pnlPct).toBeCloseTo(-0.16, 12);
    const one = shockStress({ name: 'PEP −50 %', shock: -0.5, symbol: 'PEP' }, holdings, 10_000);
    expect(one.lines.map((l) => l.pnl)).toEqual([0, -1000]);
    expect(one.flagged).toBe(false);
  });

  it('parses a window', () => {
    expect(parseStressWindow('2020-02-19:2020-03-23')).toEqual({
      name: '2020-02-19 to 2020-03-23',
      from: '2020-02-19',
      to: '2020-03-23',
    });
    expect(parseStressWindow('2020-03-23:2020-02-19')).toBeNull();
    expect(parseStressWindow('last year')).toBeNull();
  });
});
