import { describe, expect, it } from 'vitest';
import { config, DEFAULT_COMMISSION, position } from '../testing/builders';
import type { CommissionSnapshot } from './Commission';
import type { StrategyConfigOverride } from './Config';
import { NO_ACTIVITY, type DailyActivity } from './DailyActivity';
import { GuardrailEvaluator } from './GuardrailEvaluator';
import { evaluatePosition } from './PositionEvaluator';

/**
 * SPEC 2.3–2.10 at the edges (issue 15, ADR 0070): quantities that lie exactly on a grid point, a cap or
 * zero, where the float formulas land a hair to one side. Each case is worked by hand below; the float
 * result it would otherwise give is noted beside it.
 */
function evaluate(
  p: { qty: number; cash: number; receivable?: number; anchor: number | null },
  price: number,
  override: StrategyConfigOverride = {},
  commission: CommissionSnapshot = DEFAULT_COMMISSION,
  today: DailyActivity = NO_ACTIVITY,
) {
  return evaluatePosition({ state: position(p), price, config: config(override), commission, today });
}

const WIDE_TRADE = { guardrails: { maxTradePctOfPosition: 1 } };

describe('exact at every edge (SPEC 2.4, 2.5, 2.10)', () => {
  it('buys the whole band cap when it is exactly 120 shares (issue 15: the floats gave 119)', () => {
    // V = 300·100 + 26,001.20 = 56,001.20; band cap = (0.75·V − 30,000) / (100·(1 + 0.75·0.0001))
    // = 12,000.90 / 100.0075 = 120 exactly. Sizing asks (140/100 − 1)·1.6667·560.012 = 373.35.
    const out = evaluate({ qty: 300, cash: 26_001.2, anchor: 140 }, 100, WIDE_TRADE);
    expect(out.action).toBe('BUY');
    expect(out.qty).toBe(120);
    expect(out.reasons).toEqual(['band_trim']);
    expect(out.steps).toEqual([{ reason: 'band_trim', before: out.rawQty, after: 120 }]);
  });

  it('reports no cash_trim when the cash cap equals the band cap exactly', () => {
    // Band max 1: the band cap (1·V − 0) / (3·1.0001) and the cash cap 300.03 / (3·1.0001) are both
    // exactly 100 (floats: 99.99999999999999, which rounded to 99 with qty_rounded). Sizing asks
    // (10/3 − 1)·1.6667·100.01 = 388.9.
    const out = evaluate({ qty: 0, cash: 300.03, anchor: 10 }, 3, {
      guardrails: { maxStockPct: 1, maxTradePctOfPosition: 1 },
    });
    expect(out.action).toBe('BUY');
    expect(out.qty).toBe(100);
    expect(out.reasons).toEqual(['band_trim']);
  });

  it('reports no qty_rounded when the trimmed quantity is already whole', () => {
    // q 0, C 44.80, P 0.64: the max-trade cap 0.1·44.80 / 0.64 is exactly 7 (floats: 6.999999999999999).
    const out = evaluate({ qty: 0, cash: 44.8, anchor: 1 }, 0.64, {
      guardrails: { maxTradePctOfPosition: 0.1, maxStockPct: 1 },
      orderPolicy: { minNotional: 0 },
    });
    expect(out.action).toBe('BUY');
    expect(out.qty).toBe(7);
    expect(out.reasons).toEqual(['max_trade_trim']);
  });

  it('sizes an initial allocation that lands exactly on a whole share without rounding it away', () => {
    // SET_ANCHOR sizes (0.3·V − 0) / P with V = 1 and P = 0.1: exactly 3 shares (floats: 2.9999999999999996).
    const out = evaluate(
      { qty: 0, cash: 1, anchor: null },
      0.1,
      { execution: { initialStockPct: 0.3 }, orderPolicy: { minNotional: 0 } },
      { rate: 0, minimumCents: 0, scope: 'GLOBAL' },
    );
    expect(out.action).toBe('BUY');
    expect(out.qty).toBe(3);
    expect(out.reasons).toEqual(['anchor_unset']);
  });

  it('does not trim a quantity already trimmed to 0 a second time', () => {
    // C $5, m $10: the band cap (0.75·5 − 0.75·10) / 100 < 0 trims the buy to 0; the cash cap
    // (5 − 10) / 100 < 0 would trim it again.
    const cfg = config();
    const d = GuardrailEvaluator.evaluate(
      position({ qty: 0, cash: 5, anchor: 100 }),
      { side: 'BUY', qty: 10, price: 100 },
      {
        guardrails: cfg.guardrails,
        orderPolicy: cfg.orderPolicy,
        commission: { rate: 0.0001, minimumCents: 1_000, scope: 'GLOBAL' },
      },
      NO_ACTIVITY,
    );
    expect(d.outcome).toBe('HOLD');
    expect(d.reasons).toEqual(['band_trim', 'zero_qty']);
    expect(d.steps).toHaveLength(1);
  });

  it('holds zero_qty, not sizing_opposes_trigger, when target sizing is exactly zero', () => {
    // 7 shares at 0.05 = $0.35 of stock and $0.35 of cash: exactly at the 0.5 target (the floats give
    // −1.1e-15 shares, a sell against the BUY trigger).
    const out = evaluate({ qty: 7, cash: 0.35, anchor: 1 }, 0.05, {
      sizing: { strategy: 'target_allocation', targetStockPct: 0.5 },
    });
    expect(out.action).toBe('HOLD');
    expect(out.reasons).toEqual(['zero_qty']);
  });

  it('a daily notional cap equal to the order is no trim', () => {
    // $100.30 a day, $100 booked today, price 0.01: exactly 30 shares left (floats: 29.999999999999716).
    const cfg = config({
      guardrails: { maxStockPct: 1, maxTradePctOfPosition: 1, maxDailyNotional: 100.3 },
      orderPolicy: { minNotional: 0 },
    });
    const d = GuardrailEvaluator.evaluate(
      position({ qty: 0, cash: 1_000, anchor: 1 }),
      { side: 'BUY', qty: 30, price: 0.01 },
      { guardrails: cfg.guardrails, orderPolicy: cfg.orderPolicy, commission: DEFAULT_COMMISSION },
      { ordersToday: 1, notionalTodayCents: 10_000 },
    );
    expect(d.outcome).toBe('ORDER');
    expect(d.qty).toBe(30);
    expect(d.reasons).toEqual([]);
  });
});
