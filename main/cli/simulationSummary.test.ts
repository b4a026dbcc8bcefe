import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../shared/simulation/runSimulation';
import { bars, simSpec } from '../../shared/simulation/testing/bars';
import { renderSummary } from './simulationSummary';

/** The text summary names SPEC 9's portfolio halts of a run (docs/adr/0131). */
describe('renderSummary: portfolio halts', () => {
  const days = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
  const history = (closes: number[]) => [
    {
      bars: bars(
        'KO',
        closes.map((c, i) => [days[i] as string, c] as [string, number]),
      ),
      dividends: [],
    },
  ];
  const run = (closes: number[], risk: Record<string, number>) => {
    const outcome = runSimulation(simSpec(['KO'], { cash: 1_000_000, config: { risk } }), history(closes));
    if (!outcome.ok) throw new Error(outcome.message);
    return renderSummary(outcome.result);
  };

  it('the circuit breaker: when, at what equity, for the rest of the run', () => {
    expect(run([100, 100, 80, 70], { maxDrawdownPct: 0.1 })).toContain(
      '2024-01-04: Trading halted by the max-drawdown circuit breaker at equity $8,999.50: no order for the rest of the run',
    );
  });

  it('the daily loss stop: how many sessions had no new buys', () => {
    expect(run([100, 100, 90, 90], { dailyLossLimitPct: 0.05 })).toContain(
      'Daily loss stop: 1 session without new buys (see the events)',
    );
  });

  it('nothing when no limit fired', () => {
    expect(run([100, 100, 100, 100], { maxDrawdownPct: 0.1 })).not.toMatch(/halted|Daily loss stop/);
  });
});
