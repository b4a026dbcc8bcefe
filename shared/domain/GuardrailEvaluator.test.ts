import { describe, expect, it } from 'vitest';
import { config, DEFAULT_COMMISSION, position } from '../testing/builders';
import type { CommissionSnapshot } from './Commission';
import type { StrategyConfigOverride } from './Config';
import { NO_ACTIVITY, type DailyActivity } from './DailyActivity';
import type { Side } from './DomainEvent';
import { GuardrailEvaluator } from './GuardrailEvaluator';
import { evaluatePosition } from './PositionEvaluator';

function guard(
  p: { qty: number; cash: number; receivable?: number },
  trade: { side: Side; qty: number; price: number },
  override: StrategyConfigOverride = {},
  today: DailyActivity = NO_ACTIVITY,
  commission: CommissionSnapshot = DEFAULT_COMMISSION,
) {
  const cfg = config(override);
  return GuardrailEvaluator.evaluate(
    position({ ...p, anchor: 100 }),
    trade,
    { guardrails: cfg.guardrails, orderPolicy: cfg.orderPolicy, commission },
    today,
  );
}

describe('GuardrailEvaluator.evaluate (SPEC 2.5, 2.10)', () => {
  it.each([
    {
      name: 'buy exactly at the max allocation is blocked',
      p: { qty: 750, cash: 25_000 },
      t: { side: 'BUY', qty: 10, price: 100 },
      outcome: 'HOLD',
      reasons: ['band_blocked_above_max'],
    },
    {
      name: 'sell exactly at the min allocation is blocked',
      p: { qty: 250, cash: 75_000 },
      t: { side: 'SELL', qty: 10, price: 100 },
      outcome: 'HOLD',
      reasons: ['band_blocked_below_min'],
    },
    {
      name: 'sell trimmed by the band to keep the min allocation',
      p: { qty: 300, cash: 70_000 },
      t: { side: 'SELL', qty: 100, price: 100 },
      outcome: 'ORDER',
      qty: 50,
      reasons: ['band_trim', 'qty_rounded'],
    },
    {
      name: 'max trade size trims a large buy',
      p: { qty: 0, cash: 100_000 },
      t: { side: 'BUY', qty: 700, price: 100 },
      override: { guardrails: { maxStockPct: 1 } },
      outcome: 'ORDER',
      qty: 500,
      reasons: ['max_trade_trim'],
    },
    {
      name: 'zero cash: a buy becomes zero_qty after the cash trim',
      p: { qty: 400, cash: 0, receivable: 60_000 },
      t: { side: 'BUY', qty: 10, price: 100 },
      outcome: 'HOLD',
      reasons: ['cash_trim', 'zero_qty'],
    },
    {
      name: 'zero shares: a sell is blocked below the min allocation',
      p: { qty: 0, cash: 10_000 },
      t: { side: 'SELL', qty: 10, price: 100 },
      outcome: 'HOLD',
      reasons: ['band_blocked_below_min'],
    },
    {
      // With minStockPct ≥ 0 the band never allows more than the holding; holdings_trim is the backstop.
      name: 'never sell more than held (band with min 0 caps at the holding)',
      p: { qty: 10, cash: 0 },
      t: { side: 'SELL', qty: 15, price: 100 },
      override: { guardrails: { minStockPct: 0, maxTradePctOfPosition: 1 } },
      outcome: 'ORDER',
      qty: 10,
      reasons: ['band_trim'],
    },
    {
      name: 'max orders per day reached blocks (trims before it are kept)',
      p: { qty: 0, cash: 100_000 },
      t: { side: 'BUY', qty: 700, price: 100 },
      override: { guardrails: { maxStockPct: 1 } },
      today: { ordersToday: 4, notionalTodayCents: 0 },
      outcome: 'HOLD',
      reasons: ['max_trade_trim', 'max_orders_per_day'],
    },
    {
      name: 'max orders per day unset (null) never blocks',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 10, price: 100 },
      override: { guardrails: { maxOrdersPerDay: null } },
      today: { ordersToday: 1000, notionalTodayCents: 0 },
      outcome: 'ORDER',
      qty: 10,
      reasons: [],
    },
    {
      name: 'daily notional trims to what is left',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 30, price: 100 },
      override: { guardrails: { maxDailyNotional: 5_000 } },
      today: { ordersToday: 1, notionalTodayCents: 300_000 },
      outcome: 'ORDER',
      qty: 20,
      reasons: ['daily_notional_trim'],
    },
    {
      name: 'daily notional exhausted gives zero_qty',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 30, price: 100 },
      override: { guardrails: { maxDailyNotional: 5_000 } },
      today: { ordersToday: 1, notionalTodayCents: 500_000 },
      outcome: 'HOLD',
      reasons: ['daily_notional_trim', 'zero_qty'],
    },
    {
      name: 'fractional step keeps 6 decimals',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 12.3456789, price: 100 },
      override: { orderPolicy: { qtyStep: 0 } },
      outcome: 'ORDER',
      qty: 12.345678,
      reasons: ['qty_rounded'],
    },
    {
      name: 'step 0.1 rounds toward zero without float residue',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 12.39, price: 100 },
      override: { orderPolicy: { qtyStep: 0.1 } },
      outcome: 'ORDER',
      qty: 12.3,
      reasons: ['qty_rounded'],
    },
    {
      name: 'lot size rounds to a multiple of the lot',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 37, price: 100 },
      override: { orderPolicy: { lotSize: 10 } },
      outcome: 'ORDER',
      qty: 30,
      reasons: ['qty_rounded'],
    },
    {
      name: 'a lot larger than the quantity gives zero_qty',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 37, price: 100 },
      override: { orderPolicy: { lotSize: 100 } },
      outcome: 'HOLD',
      reasons: ['qty_rounded', 'zero_qty'],
    },
    {
      name: 'below min notional with hold',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 1.5, price: 60 },
      outcome: 'HOLD',
      reasons: ['qty_rounded', 'below_min'],
    },
    {
      name: 'below min notional with reject records a rejected quantity',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 1.5, price: 60 },
      override: { orderPolicy: { actionBelowMin: 'reject' } },
      outcome: 'REJECT',
      qty: 1,
      reasons: ['qty_rounded', 'below_min'],
    },
    {
      name: 'below min notional with clip raises to the smallest grid quantity (2 × 60 ≥ 100)',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 1.5, price: 60 },
      override: { orderPolicy: { actionBelowMin: 'clip' } },
      outcome: 'ORDER',
      qty: 2,
      reasons: ['qty_rounded', 'clip_to_min'],
    },
    {
      name: 'clip that would break the cash cap is blocked',
      p: { qty: 1, cash: 90 },
      t: { side: 'BUY', qty: 1, price: 60 },
      override: {
        orderPolicy: { actionBelowMin: 'clip' },
        guardrails: { maxStockPct: 1, maxTradePctOfPosition: 1 },
      },
      outcome: 'HOLD',
      reasons: ['clip_blocked'],
    },
    {
      name: 'min notional compares the exact x·P: exactly 100 passes',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 4, price: 25 },
      outcome: 'ORDER',
      qty: 4,
      reasons: [],
    },
    {
      name: 'min qty applies with min notional 0',
      p: { qty: 500, cash: 50_000 },
      t: { side: 'BUY', qty: 4, price: 100 },
      override: { orderPolicy: { minQty: 5, minNotional: 0 } },
      outcome: 'HOLD',
      reasons: ['below_min'],
    },
  ] as const)('$name', (row) => {
    const d = guard(
      row.p,
      row.t,
      'override' in row ? row.override : {},
      'today' in row ? row.today : NO_ACTIVITY,
    );
    expect(d.outcome).toBe(row.outcome);
    expect(d.reasons).toEqual(row.reasons);
    if ('qty' in row) expect(d.qty).toBe(row.qty);
  });

  it('uses the minimum commission in the cash cap (no trade leaves cash negative)', () => {
    const withMin: CommissionSnapshot = { rate: 0.0001, minimumCents: 500, scope: 'GLOBAL' };
    // Cash 1 004: 10 × 100 + max(0.10, 5.00) = 1 005 > 1 004, so 9 shares.
    const d = guard(
      { qty: 500, cash: 1_004, receivable: 10_000 },
      { side: 'BUY', qty: 20, price: 100 },
      { guardrails: { maxStockPct: 1 } },
      NO_ACTIVITY,
      withMin,
    );
    expect(d).toMatchObject({ outcome: 'ORDER', qty: 9, reasons: ['cash_trim', 'qty_rounded'] });
  });

  it('a sell whose minimum commission exceeds cash plus proceeds is held', () => {
    const withMin: CommissionSnapshot = { rate: 0, minimumCents: 100_00, scope: 'GLOBAL' };
    const d = guard(
      { qty: 10, cash: 0 },
      { side: 'SELL', qty: 1, price: 50 },
      { guardrails: { minStockPct: 0 }, orderPolicy: { minNotional: 0 } },
      NO_ACTIVITY,
      withMin,
    );
    expect(d).toMatchObject({ outcome: 'HOLD', reasons: ['cash_trim'] });
  });
});

describe('evaluatePosition edge cases (SPEC 2.6, 2.10)', () => {
  const run = (p: Parameters<typeof position>[0], price: number, override: StrategyConfigOverride = {}) =>
    evaluatePosition({
      state: position(p),
      price,
      config: config(override),
      commission: DEFAULT_COMMISSION,
      today: NO_ACTIVITY,
    });

  it('anchor unset: the initial allocation buys to initial_stock_pct, ignoring thresholds', () => {
    const out = run({ qty: 0, cash: 10_000, anchor: null }, 100);
    // V = 10 000 → 50 % in stock = 50 shares; exactly the max trade size (0.5 · V), so no trim.
    expect(out).toMatchObject({ action: 'BUY', qty: 50, isInitialAllocation: true, anchorToSet: null });
    expect(out.reasons).toEqual(['anchor_unset']);
  });

  it('anchor unset with shares above the target sells down to it', () => {
    const out = run({ qty: 80, cash: 2_000, anchor: null }, 100);
    expect(out).toMatchObject({ action: 'SELL', qty: 30 });
  });

  it('anchor unset and already at the target: no trade, the anchor is set to the price', () => {
    const out = run({ qty: 50, cash: 5_000, anchor: null }, 100);
    expect(out).toMatchObject({ action: 'HOLD', anchorToSet: 100, reasons: ['anchor_unset', 'zero_qty'] });
  });

  it('anchor unset and the allocation is below the minimum order: HOLD below_min, anchor still set', () => {
    const out = run({ qty: 50, cash: 5_050, anchor: null }, 100, { orderPolicy: { qtyStep: 0 } });
    expect(out).toMatchObject({ action: 'HOLD', anchorToSet: 100, reasons: ['anchor_unset', 'below_min'] });
  });

  it('V ≤ 0 gives zero_size', () => {
    expect(run({ qty: 0, cash: 0, anchor: 100 }, 90).reasons).toEqual(['zero_size']);
  });

  it('target_allocation sizing that opposes the trigger holds', () => {
    // Price fell (BUY trigger) but the stock is already above the 50 % target.
    const out = run({ qty: 800, cash: 10_000, anchor: 100 }, 90, {
      sizing: { strategy: 'target_allocation' },
      guardrails: { maxStockPct: 1 },
    });
    expect(out).toMatchObject({ action: 'HOLD', reasons: ['sizing_opposes_trigger'] });
  });

  it('target_allocation sizing buys back to the target', () => {
    const out = run({ qty: 400, cash: 60_000, anchor: 100 }, 90, {
      sizing: { strategy: 'target_allocation' },
    });
    // V = 36 000 + 60 000 = 96 000; target stock 48 000 → (48 000 − 36 000)/90 = 133.3 → 133.
    expect(out).toMatchObject({ action: 'BUY', qty: 133 });
  });

  it('reject records the side and quantity, books nothing', () => {
    const out = run({ qty: 500, cash: 50_000, anchor: 100 }, 96.9, {
      sizing: { rebalanceRatio: 0.01 },
      orderPolicy: { actionBelowMin: 'reject', qtyStep: 0 },
    });
    expect(out.action).toBe('HOLD');
    expect(out.rejected?.side).toBe('BUY');
    expect(out.rejected?.qty).toBeGreaterThan(0);
    expect(out.reasons).toContain('below_min');
  });
});

describe('GuardrailEvaluator.validateAfterFill', () => {
  const g = config().guardrails;
  it.each([
    { name: 'inside the band is clean', qty: 500, cash: 50_000, price: 100, expected: [] },
    { name: 'above max is reported', qty: 800, cash: 10_000, price: 100, expected: ['above_max_stock_pct'] },
    { name: 'below min is reported', qty: 100, cash: 90_000, price: 100, expected: ['below_min_stock_pct'] },
    {
      name: 'negative cash is reported',
      qty: 500,
      cash: -1,
      price: 100,
      expected: ['negative_cash', 'above_max_stock_pct'],
    },
    { name: 'exactly on the max edge is clean', qty: 750, cash: 25_000, price: 100, expected: [] },
  ])('$name', ({ qty, cash, price, expected }) => {
    expect(GuardrailEvaluator.validateAfterFill(position({ qty, cash, anchor: price }), price, g)).toEqual(
      expected,
    );
  });
});
