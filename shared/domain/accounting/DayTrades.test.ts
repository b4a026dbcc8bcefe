import { describe, expect, it } from 'vitest';
import { DayTradeCounter, type DayTradeLimit } from './DayTrades';

/**
 * SPEC 8 day trades, hand-worked. Mon 4 – Fri 8 March 2024:
 *   Mon  KO buy, KO sell                 → 1 day trade
 *   Tue  PEP sell, PEP buy               → 1 (order within the session does not matter)
 *   Wed  KO buy, KO buy, KO sell         → 1 (min of 2 buys and 1 sell)
 *   Thu  nothing
 *   Fri  KO sell                         → 0 so far: 3 in the window Mon–Fri
 */
const WEEK = ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08'];
const limit = (max: number | null, mode: DayTradeLimit['mode'] = 'block'): DayTradeLimit => ({
  maxDayTrades: max,
  minEquityCents: 2_500_000,
  mode,
});

function counter(): DayTradeCounter {
  const c = new DayTradeCounter();
  c.record('2024-03-04', 'KO', 'BUY');
  c.record('2024-03-04', 'KO', 'SELL');
  c.record('2024-03-05', 'PEP', 'SELL');
  c.record('2024-03-05', 'PEP', 'BUY');
  c.record('2024-03-06', 'KO', 'BUY');
  c.record('2024-03-06', 'KO', 'BUY');
  c.record('2024-03-06', 'KO', 'SELL');
  c.record('2024-03-08', 'KO', 'SELL');
  return c;
}

describe('day-trade counter and the optional limit', () => {
  it('counts the day trades of the last 5 sessions', () => {
    expect(counter().countIn(WEEK)).toBe(3);
    // Monday 11 March: Monday 4 March leaves the window.
    expect(counter().countIn([...WEEK.slice(1), '2024-03-11'])).toBe(2);
  });

  it.each([
    {
      name: 'a KO buy on Friday would be the 4th: over a limit of 3, equity $10,000 < $25,000',
      symbol: 'KO',
      max: 3,
      equity: 1_000_000,
      verdict: 'block',
    },
    {
      name: 'the same in warn mode warns',
      symbol: 'KO',
      max: 3,
      equity: 1_000_000,
      verdict: 'warn',
      mode: 'warn' as const,
    },
    { name: 'a limit of 4 allows it', symbol: 'KO', max: 4, equity: 1_000_000, verdict: 'ok' },
    {
      name: 'equity at the threshold: the limit does not apply',
      symbol: 'KO',
      max: 3,
      equity: 2_500_000,
      verdict: 'ok',
    },
    {
      name: 'a PEP buy on Friday is no day trade (no PEP sold that day)',
      symbol: 'PEP',
      max: 0,
      equity: 0,
      verdict: 'ok',
    },
    { name: 'limit off: never', symbol: 'KO', max: null, equity: 0, verdict: 'ok' },
  ])('$name', ({ symbol, max, equity, verdict, mode }) => {
    const check = counter().checkBuy(WEEK, symbol, equity, limit(max, mode));
    expect(check.verdict).toBe(verdict);
    expect(check.countAfter).toBe(4);
  });

  it('a buy that matches a sell of the session makes one more; a second buy after it does not', () => {
    const c = counter();
    c.record('2024-03-08', 'KO', 'BUY');
    expect(c.countIn(WEEK)).toBe(4);
    expect(c.checkBuy(WEEK, 'KO', 0, limit(0)).verdict).toBe('ok');
  });
});
