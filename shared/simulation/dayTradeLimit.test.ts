import { describe, expect, it } from 'vitest';
import type { DayTradeLimit } from '../domain/accounting/DayTrades';
import type { SimulationResult } from './SimulationResult';
import { runSimulation } from './runSimulation';
import { bars, simSpec } from './testing/bars';

/**
 * SPEC 8's optional day-trade limit in a simulation: the live loop's rule (shared DayTradeCounter and
 * words), counted on the position. Hourly KO bars, $10,000 of cash: Monday 3 June 2024 15:00 at 100 the
 * initial allocation buys 50 shares; Tuesday 14:00 at 104 (+4 %) the rules sell; Tuesday 15:00 at 100
 * (−3.8 % from 104) they buy: a buy after a sell in the same session, the first day trade of the window.
 */
const KO = {
  bars: bars(
    'KO',
    [
      { at: '2024-06-03T19:00:00Z', session: '2024-06-03', close: 100 },
      { at: '2024-06-04T18:00:00Z', session: '2024-06-04', close: 104 },
      { at: '2024-06-04T19:00:00Z', session: '2024-06-04', close: 100 },
    ],
    '1h',
  ),
  dividends: [],
};

function run(dayTradeLimit?: DayTradeLimit): SimulationResult {
  const spec = { ...simSpec(['KO'], { interval: '1h' }), ...(dayTradeLimit ? { dayTradeLimit } : {}) };
  const outcome = runSimulation(spec, [KO]);
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.result;
}

const sides = (r: SimulationResult) => r.trades.map((t) => [t.side, t.status]);

describe('day-trade limit in a simulation', () => {
  it('off (absent): buy, sell, buy', () => {
    expect(sides(run())).toEqual([
      ['BUY', 'FILLED'],
      ['SELL', 'FILLED'],
      ['BUY', 'FILLED'],
    ]);
  });

  it('block: the day trade is a REJECTED order with the reason and the live loop’s words', () => {
    const r = run({ maxDayTrades: 0, minEquityCents: 100_000_000, mode: 'block' });
    expect(sides(r)).toEqual([
      ['BUY', 'FILLED'],
      ['SELL', 'FILLED'],
      ['BUY', 'REJECTED'],
    ]);
    expect(r.trades[2]?.reasons).toContain('day_trade_limit');
    const event = r.events.find((e) => e.type === 'OrderRejected');
    expect(event?.detail).toMatch(
      /^Buy blocked by the day-trade limit: this buy would be day trade 1 in the last 5 sessions \(limit 0\) while equity \$[\d,.]+ is below \$1,000,000\.00$/,
    );
  });

  it('warn: the buy fills with the reason day_trade_warning', () => {
    const r = run({ maxDayTrades: 0, minEquityCents: 100_000_000, mode: 'warn' });
    expect(sides(r).at(-1)).toEqual(['BUY', 'FILLED']);
    expect(r.trades[2]?.reasons).toContain('day_trade_warning');
  });

  it('equity above the threshold, or a limit not exceeded: the buy fills', () => {
    expect(sides(run({ maxDayTrades: 0, minEquityCents: 100_000, mode: 'block' })).at(-1)).toEqual([
      'BUY',
      'FILLED',
    ]);
    expect(sides(run({ maxDayTrades: 1, minEquityCents: 100_000_000, mode: 'block' })).at(-1)).toEqual([
      'BUY',
      'FILLED',
    ]);
  });
});
