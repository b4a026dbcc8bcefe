import { beforeAll, describe, expect, it } from 'vitest';
import type { PerformanceMetrics } from '../../../shared/domain/metrics';
import type { SymbolHistory } from '../../../shared/simulation/SimulationSpec';
import { simSpec } from '../../../shared/simulation/testing/bars';
import { loadBundled } from '../testing/vbDigests';
import { strategyChoice } from '../../../shared/simulation/strategy/BuiltInStrategies';
import { bestRows, compareStrategies } from '../../../shared/simulation/strategy/compare';
import { sizerChoice } from '../../../shared/simulation/strategy/Sizers';

let history: Map<string, SymbolHistory>;
beforeAll(async () => {
  history = await loadBundled();
}, 60_000);

describe('compare', () => {
  it('runs several strategies and parameter sets on the same symbols, dates and capital, beside buy-and-hold', () => {
    const spec = simSpec(['KO', 'PEP'], { from: '2005-01-01', to: '2015-12-31' });
    const out = compareStrategies(
      spec,
      ['KO', 'PEP'].map((s) => history.get(s) as SymbolHistory),
      [
        { strategy: strategyChoice('vb') },
        { strategy: strategyChoice('macd') },
        { strategy: strategyChoice('macd', [5, 35, 5]), sizer: sizerChoice('percent', [0.5]) },
        { strategy: strategyChoice('sma_cross') },
      ],
    );
    if (!out.ok) throw new Error(out.message);
    const r = out.result;
    expect(r.rows.map((x) => x.label)).toEqual([
      'Volatility balancing',
      'MACD (12, 26, 9)',
      'MACD (5, 35, 5) · percent 0.5',
      'SMA crossover (50, 200)',
    ]);
    for (const row of r.rows) {
      expect(row.equityCents).toHaveLength(r.dates.length);
      expect(row.equityCents[0]).toBeLessThanOrEqual(r.startEquityCents);
      expect(row.markers.length).toBe(row.trades);
    }
    expect(r.startEquityCents).toBe(2 * 1_000_000);
    expect(r.buyAndHold.equityCents).toHaveLength(r.dates.length);
    // The best Sharpe row is the highest Sharpe among the strategies and buy-and-hold.
    const all = [...r.rows.map((x) => x.metrics.sharpe), r.buyAndHold.metrics.sharpe] as number[];
    expect(r.best.sharpe).toBe(all.indexOf(Math.max(...all)));
  }, 60_000);

  it('best per row: higher or lower is better by metric; undefined values never win; ties to the first', () => {
    const m = (over: Partial<PerformanceMetrics>): PerformanceMetrics =>
      ({
        totalReturn: 0,
        annualVolatility: 0.2,
        sharpe: null,
        maxDrawdown: -0.3,
        tradeCount: 1,
        ...over,
      }) as PerformanceMetrics;
    const best = bestRows([
      m({ totalReturn: 0.5, annualVolatility: 0.3, maxDrawdown: -0.5 }),
      m({ totalReturn: 0.7, annualVolatility: 0.1, sharpe: 1 }),
      m({ totalReturn: 0.7, maxDrawdown: -0.1 }),
    ]);
    expect(best.totalReturn).toBe(1);
    expect(best.annualVolatility).toBe(1);
    expect(best.maxDrawdown).toBe(2);
    expect(best.sharpe).toBe(1);
    expect(best.tradeCount).toBeNull();
    expect(best.calmar).toBeNull();
  });
});
