import { describe, expect, it } from 'vitest';
import { crossing, strategyChoice, strategyFor, strategyProblem } from './BuiltInStrategies';
import type { SignalStrategy, SymbolBar } from './Strategy';
import type { StrategyId } from './names';

/** SPEC 10's signal rules, hand-worked bar by bar. */
function signals(id: StrategyId, params: number[], closes: number[]): (string | null)[] {
  const strategy = strategyFor(strategyChoice(id, params)) as SignalStrategy;
  const instance = strategy.start();
  return closes.map((close, i) => {
    const bar: SymbolBar = {
      symbol: 'X',
      slot: 0,
      index: i,
      time: i,
      session: `d${i}`,
      open: close,
      high: close,
      low: close,
      close,
      volume: 1e6,
    };
    const out = instance.onBar({ time: i, session: `d${i}`, bars: [bar] });
    return out.length === 0 ? null : (out[0]?.action ?? null);
  });
}

describe('crossings', () => {
  it.each([
    // aPrev, bPrev, a, b → signal
    [1, 2, 3, 2, 'BUY'], // below, then above
    [2, 2, 3, 2, 'BUY'], // equal at t−1 counts as "a ≤ b"
    [1, 2, 2, 2, null], // reaching equality at t does not cross
    [3, 2, 2, 2, null],
    [3, 2, 1, 2, 'SELL'],
    [2, 2, 1, 2, 'SELL'], // equal at t−1 counts as "a ≥ b"
    [3, 2, 4, 2, null], // stays above
    [NaN, 2, 3, 2, null], // a line missing at t−1: no signal
    [1, 2, 3, NaN, null],
  ])('(%s, %s) → (%s, %s): %s', (aPrev, bPrev, a, b, expected) => {
    expect(crossing(aPrev, bPrev, a, b)).toBe(expected);
  });
});

describe('built-in strategies', () => {
  it('SMA crossover (2, 3): buys when the fast SMA crosses above, sells when below; equality does not cross', () => {
    // closes      10   10   10   13   10   7    10   13
    // SMA2         -   10   10  11.5 11.5  8.5  8.5 11.5
    // SMA3         -    -   10   11   11   10    9   10
    // bar 3: t−1 equal (10 = 10), t above → BUY; bar 5: above at t−1, below at t → SELL; bar 7 BUY.
    expect(signals('sma_cross', [2, 3], [10, 10, 10, 13, 10, 7, 10, 13])).toEqual([
      null,
      null,
      null,
      'BUY',
      null,
      'SELL',
      null,
      'BUY',
    ]);
  });

  it('SMA crossover: fast reaching the slow exactly is no cross', () => {
    // SMA1 = close; SMA2: 10, 10.5, 10.5, 10.75 — close 11 then 10: 11 > 10.5 (BUY at 1? no line at 0 for SMA2)
    // closes 10, 11, 10, 11: SMA2 = -, 10.5, 10.5, 10.5; SMA1 = 10, 11, 10, 11
    // bar 2: 11 > 10.5 at t−1, 10 < 10.5 at t → SELL; bar 3: BUY. bar 4 close 10.5: SMA2 10.75, SMA1 10.5 → SELL
    expect(signals('sma_cross', [1, 2], [10, 11, 10, 11, 10.5])).toEqual([null, null, 'SELL', 'BUY', 'SELL']);
    // equality: closes 10, 12, 11 → SMA2 at 2 = 11.5, SMA1 = 11: below (SELL); closes 10,12,12 → SMA2 12 = SMA1 12: none
    expect(signals('sma_cross', [1, 2], [10, 12, 12])).toEqual([null, null, null]);
  });

  it('MACD (1, 2, 1): the line against its signal line', () => {
    // EMA1 = close; EMA2 seeded at bar 1 with the mean, ratio 2/3; the line is close − EMA2; the signal
    // EMA1 of the line is the line itself, so the line never crosses its signal: no signal ever.
    expect(signals('macd', [1, 2, 1], [10, 11, 12, 11, 10])).toEqual([null, null, null, null, null]);
  });

  it('MACD (1, 2, 2): buys and sells on crossings of the signal line', () => {
    // line: bar1 11 − 10.5 = 0.5; bar2: EMA2 = 12·2/3 + 10.5/3 = 11.5, line 0.5; signal seeded at bar 2 = 0.5
    // bar3 close 10: EMA2 = 10·2/3 + 11.5/3 = 10.5, line −0.5, signal = −0.5·2/3 + 0.5/3 = −1/6: line < signal,
    //   at t−1 line 0.5 = signal 0.5 → SELL
    // bar4 close 13: EMA2 = 13·2/3 + 10.5/3 = 12.1667, line 0.8333, signal = 0.8333·2/3 − 1/18 = 0.5: above → BUY
    expect(signals('macd', [1, 2, 2], [10, 11, 12, 10, 13])).toEqual([null, null, null, 'SELL', 'BUY']);
  });

  it('momentum (2): the rate of change over 2 sessions, > 0 buys, < 0 sells, 0 nothing', () => {
    // 12/10, 11/11, 12/12, 10/11, 13/12
    expect(signals('momentum', [2], [10, 11, 12, 11, 12, 10, 13])).toEqual([
      null,
      null,
      'BUY',
      null,
      null,
      'SELL',
      'BUY',
    ]);
  });

  it('Bollinger (2, 1): buy below the lower band, sell above the middle', () => {
    // bar1: closes 10, 10 → mean 10, sd 0: 10 is not < 10 → none; bar2: 10, 8 → mean 9, sd 1: lower 8, 8 not < 8;
    // bar3: 8, 6 → mean 7, sd 1, lower 6: no; bar4: 6, 9 → mean 7.5, 9 > 7.5 → SELL
    expect(signals('bollinger', [2, 1], [10, 10, 8, 6, 9])).toEqual([null, null, null, null, 'SELL']);
    // bar2: 10, 10 then 9.9? mean 9.95 sd 0.05 lower 9.9: not below. With width 0.5: lower 9.925 → BUY
    expect(signals('bollinger', [2, 0.5], [10, 10, 9.9])).toEqual([null, null, 'BUY']);
  });

  it('RSI (2, 30, 70): buy below 30, sell above 70', () => {
    // gains/losses: bar1 +1, bar2 +1 → seeded at bar 2: up 1, down 0 → RSI 100 → SELL
    // bar3 −4: up = 0·½ + 1·½ = 0.5, down = 4·½ = 2 → RSI 20 → BUY
    expect(signals('rsi', [2, 30, 70], [10, 11, 12, 8])).toEqual([null, null, 'SELL', 'BUY']);
  });

  it('buy and hold buys on the first bar only', () => {
    expect(signals('buy_and_hold', [], [10, 9, 11])).toEqual(['BUY', null, null]);
  });

  it('refuses parameters that cannot run', () => {
    expect(strategyProblem(strategyChoice('sma_cross', [200, 50]))).toMatch(/shorter/);
    expect(strategyProblem(strategyChoice('macd', [12, 26, 0]))).toMatch(/positive/);
    expect(strategyProblem(strategyChoice('momentum', [1.5]))).toMatch(/whole number/);
    expect(strategyProblem(strategyChoice('rsi', [14, 70, 30]))).toMatch(/below the sell level/);
    expect(strategyProblem({ id: 'macd', params: [1, 2] })).toMatch(/3 parameters/);
    expect(strategyProblem(strategyChoice('macd'))).toBeNull();
  });
});
