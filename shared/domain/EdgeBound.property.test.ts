import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from '../testing/builders';
import type { CommissionSnapshot } from './Commission';
import type { DailyActivity } from './DailyActivity';
import { GuardrailEvaluator, nearTheEdge, type GuardrailConfigs } from './GuardrailEvaluator';
import { GuardrailTrace } from './GuardrailTrace';
import { cents } from './Money';
import { positionValue } from './OrderSizing';
import type { PositionState } from './Position';
import { PositionEvaluator } from './PositionEvaluator';

/**
 * ADR 0150: the rules' cheap edge test (`t.farFromEdges`, no division) may skip the replay of
 * `nearTheEdge` only where the replay would say no. Quantities are proposed on, next to (a few units in
 * the last place) and away from each cap, so every distance the replay compares comes within its
 * tolerance in some runs; sizing's division-free bound must cover its tolerance × P².
 */
const arbState = fc.record({
  qty: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constant(0)),
  cashCents: fc.integer({ min: 0, max: 200_000_000 }),
  receivableCents: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })),
});
const arbPrice = fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100);
const arbSettings = fc.record({
  minStockPct: fc.integer({ min: 0, max: 50 }).map((x) => x / 100),
  maxStockPct: fc.integer({ min: 50, max: 100 }).map((x) => x / 100),
  maxTradePctOfPosition: fc.integer({ min: 1, max: 100 }).map((x) => x / 100),
  qtyStep: fc.constantFrom(0, 0.01, 1),
  maxDailyNotional: fc.constantFrom(null, 10_000, 250_000),
  notionalTodayCents: fc.integer({ min: 0, max: 10_000_000 }),
});
const arbCommission: fc.Arbitrary<CommissionSnapshot> = fc.record({
  rate: fc.constantFrom(0, 0.0001, 0.001),
  minimumCents: fc.constantFrom(0, 0, 100),
  scope: fc.constant('GLOBAL' as const),
});

/** x moved by `ulps` units in its last place (0: x itself). */
function nudge(x: number, ulps: number): number {
  if (ulps === 0 || !Number.isFinite(x)) return x;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, bits + BigInt(x >= 0 ? ulps : -ulps));
  return view.getFloat64(0);
}

describe('the cheap edge test (ADR 0150)', () => {
  it('skips the edge check only where the check would find no edge', () => {
    fc.assert(
      fc.property(
        arbState,
        arbPrice,
        arbSettings,
        arbCommission,
        fc.constantFrom('BUY' as const, 'SELL' as const),
        fc.constantFrom('band', 'trade', 'funds', 'daily', 'grid', 'any'),
        fc.integer({ min: -3, max: 3 }),
        fc.double({ min: 0.001, max: 50_000, noNaN: true }),
        (s, price, set, commission, side, near, ulps, anyQty) => {
          const state: PositionState = {
            qty: s.qty,
            cashCents: cents(s.cashCents),
            receivableCents: cents(s.receivableCents),
            anchor: price,
          };
          const cfg: GuardrailConfigs = {
            guardrails: config({
              guardrails: {
                minStockPct: set.minStockPct,
                maxStockPct: set.maxStockPct,
                maxTradePctOfPosition: set.maxTradePctOfPosition,
                maxDailyNotional: set.maxDailyNotional,
              },
            }).guardrails,
            orderPolicy: config({ orderPolicy: { qtyStep: set.qtyStep } }).orderPolicy,
            commission,
          };
          const today: DailyActivity = { ordersToday: 0, notionalTodayCents: cents(set.notionalTodayCents) };
          const value = positionValue(state, price);
          // The caps, from a proposal no cap leaves whole.
          const probe = new GuardrailTrace().propose(side, 1e12, price, value);
          GuardrailEvaluator.run(probe, state, cfg, today);
          const caps = {
            band: probe.capBand,
            trade: probe.capTrade,
            funds: probe.capFunds,
            daily: probe.capDaily,
          };
          const base = near === 'any' ? anyQty : near === 'grid' ? Math.round(anyQty) : caps[near];
          const qty = nudge(base, ulps);
          if (!(qty > 0) || !Number.isFinite(qty)) return;
          const t = new GuardrailTrace().propose(side, qty, price, value);
          GuardrailEvaluator.run(t, state, cfg, today);
          if (t.farFromEdges) expect(nearTheEdge(t, state, cfg, today)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("sizing's division-free bound covers its tolerance × P²", () => {
    fc.assert(
      fc.property(
        arbState,
        arbPrice,
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.constantFrom('proportional' as const, 'target_allocation' as const),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        (s, price, anchorRatio, strategy, ratio) => {
          const evaluator = new PositionEvaluator();
          const anchor = Math.round(price * anchorRatio * 100) / 100;
          const cfg = config({ sizing: { strategy, rebalanceRatio: ratio, targetStockPct: 0.5 } });
          evaluator.evaluateValues(
            s.qty,
            s.cashCents,
            s.receivableCents,
            anchor,
            price,
            cfg,
            {
              rate: 0.0001,
              minimumCents: 0,
              scope: 'GLOBAL',
            },
            { ordersToday: 0, notionalTodayCents: cents(0) },
          );
          const t = evaluator['trace'];
          if (t.sizer === null || Number.isNaN(evaluator.rawQty)) return;
          evaluator.writeTolerance(t);
          expect(t.rawToleranceBound).toBeGreaterThanOrEqual(Math.abs(t.rawTolerance) * price * price);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
