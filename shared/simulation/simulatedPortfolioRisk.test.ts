import { describe, expect, it } from 'vitest';
import type { SimulationResult } from './SimulationResult';
import type { SymbolHistory } from './SimulationSpec';
import { runSimulation } from './runSimulation';
import { bars, simSpec } from './testing/bars';

/**
 * SPEC 9's portfolio rules in a simulation (docs/adr/0131), hand-worked: $10,000 of cash, the initial
 * allocation buys 50 KO @ 100 for $5,000 + $0.50 commission, so the first close's equity is $9,999.50.
 */
const DAYS = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09'];

const ko = (closes: number[]): SymbolHistory => ({
  bars: bars(
    'KO',
    closes.map((c, i) => [DAYS[i] as string, c]),
  ),
  dividends: [],
});

function run(closes: number[], risk: Record<string, number> | undefined): SimulationResult {
  const config = risk === undefined ? undefined : { risk };
  const outcome = runSimulation(simSpec(['KO'], { cash: 1_000_000, config }), [ko(closes)]);
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.result;
}

describe('daily loss stop and circuit breaker in a simulation', () => {
  it('the circuit breaker halts the run: no order after it, the halt in the events', () => {
    // Day 3 at 80: equity 4,999.50 + 50 × 80 = 8,999.50 ≤ peak 9,999.50 × 0.9 = 8,999.55 → halt.
    const closes = [100, 100, 80, 70, 60, 50];
    const free = run(closes, undefined);
    expect(free.trades.some((t) => t.decidedAt === '2024-01-04' && t.side === 'BUY')).toBe(true);

    const r = run(closes, { maxDrawdownPct: 0.1 });
    expect(r.trades.map((t) => [t.decidedAt, t.side])).toEqual([['2024-01-02', 'BUY']]);
    expect(r.events.filter((e) => e.type === 'TradingHalted')).toEqual([
      expect.objectContaining({ at: '2024-01-04', symbol: '', detail: 'max_drawdown', amountCents: 899_950 }),
    ]);
  });

  it('a drawdown just short of the limit does not halt', () => {
    // 8,999.55 is the line: a close of 80.01 gives 9,000.00 > 8,999.55.
    const r = run([100, 100, 80.01, 80.01], { maxDrawdownPct: 0.1 });
    expect(r.events.some((e) => e.type === 'TradingHalted')).toBe(false);
    expect(r.trades.some((t) => t.decidedAt === '2024-01-04' && t.side === 'BUY')).toBe(true);
  });

  it('the daily loss stop blocks buys for its session only', () => {
    // Day 3 at 90: equity 4,999.50 + 4,500 = 9,499.50 ≤ 9,999.50 × 0.95 = 9,499.525 → no buy that day.
    // Day 4 at 90: the previous close is now 9,499.50, equity unchanged → the strategy's buy goes through.
    const r = run([100, 100, 90, 90], { dailyLossLimitPct: 0.05 });
    expect(r.trades.map((t) => [t.decidedAt, t.side])).toEqual([
      ['2024-01-02', 'BUY'],
      ['2024-01-05', 'BUY'],
    ]);
    expect(r.events.filter((e) => e.type === 'TradingHalted').map((e) => [e.at, e.detail])).toEqual([
      ['2024-01-04', 'daily_loss_stop'],
    ]);
    const t = r.timeline[0]!;
    const day3 = t.at.indexOf('2024-01-04');
    expect(t.reasonSets[t.reasons[day3] as number]).toEqual(['daily_loss_stop']);
  });

  it('limits off: the same trades and equity as a run without a risk section', () => {
    const closes = [100, 100, 80, 70, 60, 50];
    const plain = run(closes, undefined);
    const off = run(closes, {});
    expect(off.trades).toEqual(plain.trades);
    expect(off.equity).toEqual(plain.equity);
    expect(off.events).toEqual(plain.events);
  });
});
