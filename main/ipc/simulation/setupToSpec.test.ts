import { describe, expect, it } from 'vitest';
import { simulationSetupSchema } from '../../../shared/ipc/dto/simulation';
import { setupToSpec } from './setupToSpec';

/** The Simulation page's optional day-trade limit (SPEC 8, ADR 0140) reaches the run's spec. */
describe('set-up to spec: the day-trade limit', () => {
  const base = { symbols: ['KO'], from: '2024-01-02', to: '2024-03-28', initialCash: 10_000, interval: '1h' };

  it('absent: no limit in the spec (the run replays as before)', () => {
    const r = setupToSpec(simulationSetupSchema.parse(base));
    expect(r.ok && r.spec.dayTradeLimit).toBeUndefined();
  });

  it('given: the spec carries it as typed', () => {
    const dayTradeLimit = { maxDayTrades: 3, minEquityCents: 2_500_000, mode: 'block' as const };
    const r = setupToSpec(simulationSetupSchema.parse({ ...base, dayTradeLimit }));
    expect(r.ok && r.spec.dayTradeLimit).toEqual(dayTradeLimit);
  });

  it.each([
    [
      { maxDayTrades: 2.5, minEquityCents: 0, mode: 'warn' },
      'Day-trade limit must be a whole number of day trades between 0 and 1,000',
    ],
    [
      { maxDayTrades: 2, minEquityCents: -100, mode: 'warn' },
      'Equity threshold must be between $0 and $1,000,000,000, with at most 2 decimals (cents)',
    ],
  ])('refuses %o with one message in the user’s words', (dayTradeLimit, message) => {
    const r = simulationSetupSchema.safeParse({ ...base, dayTradeLimit });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});
