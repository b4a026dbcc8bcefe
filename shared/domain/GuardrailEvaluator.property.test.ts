import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from '../testing/builders';
import type { CommissionSnapshot } from './Commission';
import { applyFill, bookFill } from './FillBooking';
import { GuardrailEvaluator } from './GuardrailEvaluator';
import { cents, ZERO_CENTS } from './Money';
import type { PositionLedger } from './Position';
import { evaluatePosition } from './PositionEvaluator';

const arbState = fc.record({
  qty: fc.oneof(
    fc.integer({ min: 0, max: 20_000 }),
    fc.double({ min: 0, max: 20_000, noNaN: true }).map((q) => Math.round(q * 1e6) / 1e6),
  ),
  cashCents: fc.integer({ min: 0, max: 200_000_000 }),
  receivableCents: fc.integer({ min: 0, max: 5_000_000 }),
});
const arbPrice = fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100);
const arbConfig = fc.record({
  minStockPct: fc.integer({ min: 0, max: 50 }).map((x) => x / 100),
  maxStockPct: fc.integer({ min: 50, max: 100 }).map((x) => x / 100),
  maxTradePctOfPosition: fc.integer({ min: 1, max: 100 }).map((x) => x / 100),
  qtyStep: fc.constantFrom(0, 0.01, 1),
  lotSize: fc.constantFrom(null, 1, 10),
  minNotional: fc.constantFrom(0, 100, 1000),
  actionBelowMin: fc.constantFrom('hold', 'reject', 'clip'),
  maxDailyNotional: fc.constantFrom(null, 10_000, 250_000),
  notionalTodayCents: fc.integer({ min: 0, max: 10_000_000 }),
});
const arbCommission: fc.Arbitrary<CommissionSnapshot> = fc.record({
  rate: fc.constantFrom(0, 0.0001, 0.001, 0.005),
  minimumCents: fc.constantFrom(0, 100, 995),
  scope: fc.constant('GLOBAL' as const),
});

function ledger(
  s: { qty: number; cashCents: number; receivableCents: number },
  anchor: number | null,
): PositionLedger {
  return {
    qty: s.qty,
    cashCents: cents(s.cashCents),
    receivableCents: cents(s.receivableCents),
    anchor,
    status: 'ACTIVE',
    totalCommissionPaidCents: ZERO_CENTS,
    totalDividendsGrossCents: ZERO_CENTS,
    totalDividendsNetCents: ZERO_CENTS,
  };
}

const allocation = (p: PositionLedger, price: number) => {
  const stock = p.qty * price;
  return stock / (stock + (p.cashCents + p.receivableCents) / 100);
};

describe('guardrail invariants (property)', () => {
  it('an allowed trade keeps the band, never overspends cash, never oversells, and only clip enlarges it', () => {
    fc.assert(
      fc.property(
        arbState,
        arbPrice,
        fc.constantFrom('BUY' as const, 'SELL' as const),
        fc.double({ min: 0.000001, max: 50_000, noNaN: true }),
        arbConfig,
        arbCommission,
        (s, price, side, qty, c, commission) => {
          const cfg = config({
            guardrails: {
              minStockPct: c.minStockPct,
              maxStockPct: c.maxStockPct,
              maxTradePctOfPosition: c.maxTradePctOfPosition,
              maxDailyNotional: c.maxDailyNotional,
            },
            orderPolicy: {
              qtyStep: c.qtyStep,
              lotSize: c.lotSize,
              minNotional: c.minNotional,
              actionBelowMin: c.actionBelowMin,
            },
          });
          const before = ledger(s, 100);
          const d = GuardrailEvaluator.evaluate(
            before,
            { side, qty, price },
            { guardrails: cfg.guardrails, orderPolicy: cfg.orderPolicy, commission },
            { ordersToday: 0, notionalTodayCents: c.notionalTodayCents },
          );
          if (d.outcome !== 'ORDER') return;
          expect(d.qty).toBeGreaterThan(0);
          if (!d.reasons.includes('clip_to_min')) expect(d.qty).toBeLessThanOrEqual(qty);
          const after = applyFill(before, side, d.qty, price, bookFill(side, d.qty, price, commission));
          expect(after.cashCents).toBeGreaterThanOrEqual(0);
          expect(after.qty).toBeGreaterThanOrEqual(0);
          if (side === 'SELL') expect(d.qty).toBeLessThanOrEqual(s.qty);
          // Tolerance covers only the cents rounding of the booked amounts.
          const tol = 1e-6;
          if (side === 'BUY')
            expect(allocation(after, price)).toBeLessThanOrEqual(cfg.guardrails.maxStockPct + tol);
          if (side === 'SELL')
            expect(allocation(after, price)).toBeGreaterThanOrEqual(cfg.guardrails.minStockPct - tol);
          expect(d.qty * price).toBeLessThanOrEqual(
            cfg.guardrails.maxTradePctOfPosition *
              (s.qty * price + (s.cashCents + s.receivableCents) / 100) *
              (1 + 1e-9),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('evaluatePosition never produces an order that overdraws cash or oversells, from any state', () => {
    fc.assert(
      fc.property(
        arbState,
        arbPrice,
        fc.option(arbPrice, { nil: null }),
        arbCommission,
        (s, price, anchor, commission) => {
          const before = ledger(s, anchor);
          const out = evaluatePosition({
            state: before,
            price,
            config: config(),
            commission,
            today: { ordersToday: 0, notionalTodayCents: 0 },
          });
          if (out.action === 'HOLD') {
            expect(out.qty).toBe(0);
            if (anchor === null) expect(out.anchorToSet).toBe(price);
            return;
          }
          const side = out.action;
          const after = applyFill(before, side, out.qty, price, bookFill(side, out.qty, price, commission));
          expect(after.cashCents).toBeGreaterThanOrEqual(0);
          expect(after.qty).toBeGreaterThanOrEqual(0);
          expect(after.anchor).toBe(price);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
