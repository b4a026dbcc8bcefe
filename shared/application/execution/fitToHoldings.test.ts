import { describe, expect, it } from 'vitest';
import { config, position } from '../../testing/builders';
import { fitToHoldings } from './fitToHoldings';

const COMMISSION = { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' as const };

describe('fitToHoldings (SPEC 2.10: no trade leaves cash negative; ADR 0070)', () => {
  it('buys exactly what the cash covers when that is a whole share (the float bound is 99.999…)', () => {
    // 100 × 3 = 300.00 plus commission 0.03 = 300.03: the cash exactly.
    expect(300.03 / (3 * 1.0001)).toBeLessThan(100);
    const state = position({ qty: 0, cash: 300.03, anchor: 3 });
    expect(fitToHoldings(state, 'BUY', 150, 3, COMMISSION, config().orderPolicy)).toBe(100);
  });

  it('never goes above the order or the cash', () => {
    const state = position({ qty: 0, cash: 300.02, anchor: 3 });
    expect(fitToHoldings(state, 'BUY', 150, 3, COMMISSION, config().orderPolicy)).toBe(99);
    expect(fitToHoldings(state, 'BUY', 50, 3, COMMISSION, config().orderPolicy)).toBe(50);
  });

  it('sells at most the shares held', () => {
    const state = position({ qty: 40, cash: 0, anchor: 3 });
    expect(fitToHoldings(state, 'SELL', 50, 3, COMMISSION, config().orderPolicy)).toBe(40);
  });
});
