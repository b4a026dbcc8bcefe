import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY_CONFIG, type StrategyConfig } from '../../domain/Config';
import { cents } from '../../domain/Money';
import type { PositionRecord } from '../../ports/PositionRepository';
import { decidePosition } from '../trading/decidePosition';
import { applyRisk } from './liveRisk';

/**
 * Invariants of the live risk manager (SPEC 9, issue 17), on decisions made by the real `decidePosition`
 * from arbitrary holdings, prices and limits: a stop never sells more than is held; a halted portfolio
 * creates no order (nor a rejected one); after the daily loss stop no buy.
 */
const NOW = Date.UTC(2024, 5, 3, 15, 0);
const commission = { rate: 0.0001, minimumCents: 0, scope: 'GLOBAL' as const };

const arbitraryCase = fc.record({
  qty: fc.integer({ min: 0, max: 10_000 }),
  cash: fc.integer({ min: 0, max: 10_000_000 }),
  anchor: fc.option(fc.double({ min: 1, max: 1_000, noNaN: true }), { nil: null }),
  price: fc.double({ min: 1, max: 1_000, noNaN: true }),
  averageCost: fc.option(fc.double({ min: 0.5, max: 1_500, noNaN: true }), { nil: null }),
  highestClose: fc.option(fc.double({ min: 0.5, max: 1_500, noNaN: true }), { nil: null }),
  positionStopPct: fc.option(fc.double({ min: 0.01, max: 0.9, noNaN: true }), { nil: null }),
  trailingStopPct: fc.option(fc.double({ min: 0.01, max: 0.9, noNaN: true }), { nil: null }),
  allowed: fc.constantFrom('all' as const, 'sells' as const, 'none' as const),
});

type Case = typeof arbitraryCase extends fc.Arbitrary<infer T> ? T : never;

function run(c: Case) {
  const config: StrategyConfig = {
    ...DEFAULT_STRATEGY_CONFIG,
    risk: { positionStopPct: c.positionStopPct, trailingStopPct: c.trailingStopPct },
  } as StrategyConfig;
  const position = {
    id: 'pos',
    tenantId: 't',
    portfolioId: 'p',
    symbol: 'KO',
    qty: c.qty,
    cashCents: cents(c.cash),
    receivableCents: cents(0),
    anchor: c.anchor,
    status: 'ACTIVE',
  } as PositionRecord;
  const price = Math.round(c.price * 100) / 100;
  const decision = decidePosition({
    state: position,
    config,
    session: 'REGULAR',
    quote: { ok: true, quote: { symbol: 'KO', bid: price, ask: price, last: price, ts: NOW - 60_000 } },
    openOrder: null,
    commission,
    today: { ordersToday: 0, notionalTodayCents: 0 },
    now: NOW,
  });
  return applyRisk(
    position,
    decision,
    config,
    c.allowed,
    { averageCost: () => c.averageCost, highestClose: c.highestClose },
    commission,
  );
}

describe('live risk manager invariants', () => {
  it('a stop never sells more than is held: an exit sells exactly the shares held', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const d = run(c);
        if (d.order?.side === 'SELL') expect(d.order.qty).toBeLessThanOrEqual(c.qty);
        if (d.riskExit !== undefined) {
          expect(d.order).toMatchObject({ side: 'SELL', qty: c.qty });
          expect(c.qty).toBeGreaterThan(0);
          expect(d.payload.reasons).toEqual([d.riskExit.reason]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a halted portfolio creates no order at all, not even a stop exit or a rejected one', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const d = run({ ...c, allowed: 'none' });
        expect(d.order).toBeNull();
        expect(d.rejected).toBeNull();
        expect(d.riskExit).toBeUndefined();
        expect(d.payload.action === 'HOLD' || d.payload.action === 'SKIP').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('after the daily loss stop no buy is created (sells and stop exits still are)', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const d = run({ ...c, allowed: 'sells' });
        expect(d.order?.side).not.toBe('BUY');
      }),
      { numRuns: 500 },
    );
  });
});
