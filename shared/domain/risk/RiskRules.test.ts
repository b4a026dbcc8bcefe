import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeConfig, DEFAULT_STRATEGY_CONFIG, StrategyConfigSchema } from '../Config';
import type { RiskConfig } from './RiskConfig';
import { RISK_OFF, riskOf } from './RiskConfig';
import type { ValidationContext } from './OrderValidator';
import { validateOrder } from './OrderValidator';
import { alertTransition, checkPortfolio, checkStops, distanceToLimit } from './RiskRules';

const limits = (set: Partial<RiskConfig>): RiskConfig => ({ ...RISK_OFF, ...set });

describe('stops (SPEC 9)', () => {
  it.each([
    // name, price, avg cost, highest, stop, trail, expected
    ['off: nothing fires', 50, 100, 200, null, null, null],
    ['position stop exactly on the price fires', 90, 100, null, 0.1, null, 'position_stop'],
    ['position stop a cent above does not', 90.01, 100, null, 0.1, null, null],
    ['trailing stop from the highest close', 120, 100, 150, null, 0.2, 'trailing_stop'],
    ['trailing stop not reached', 121, 100, 150, null, 0.2, null],
    ['position stop wins when both fire', 80, 100, 150, 0.1, 0.2, 'position_stop'],
    ['no average cost: the position stop cannot fire', 10, null, null, 0.1, null, null],
  ] as const)('%s', (_name, price, averageCost, highestClose, stop, trail, expected) => {
    const d = checkStops(
      { qty: 10, price, averageCost, highestClose },
      { positionStopPct: stop, trailingStopPct: trail },
    );
    expect(d?.reason ?? null).toBe(expected);
  });

  it('nothing held: no stop', () => {
    expect(
      checkStops({ qty: 0, price: 1, averageCost: 100, highestClose: 100 }, limits({ positionStopPct: 0.1 })),
    ).toBeNull();
  });

  it('a stop never sells more than is held', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (qty, price, cost, high, pct) => {
          const d = checkStops(
            { qty, price, averageCost: cost, highestClose: high },
            { positionStopPct: pct, trailingStopPct: pct },
          );
          if (d !== null) expect(d.qty).toBeLessThanOrEqual(qty);
        },
      ),
    );
  });
});

describe('portfolio rules', () => {
  it('daily loss stop: equity ≤ previous close × (1 − limit) stops new buys', () => {
    const l = limits({ dailyLossLimitPct: 0.02 });
    expect(
      checkPortfolio({ equity: 98_000, previousCloseEquity: 100_000, peakEquity: null }, l).noNewBuys,
    ).toBe(true);
    expect(
      checkPortfolio({ equity: 98_001, previousCloseEquity: 100_000, peakEquity: null }, l).noNewBuys,
    ).toBe(false);
  });

  it('circuit breaker: equity ≤ peak × (1 − limit) halts', () => {
    const l = limits({ maxDrawdownPct: 0.1 });
    const d = checkPortfolio({ equity: 90_000, previousCloseEquity: 95_000, peakEquity: 100_000 }, l);
    expect(d.halt).toBe(true);
    expect(d.drawdown).toBeCloseTo(-0.1, 12);
    expect(checkPortfolio({ equity: 90_001, previousCloseEquity: null, peakEquity: 100_000 }, l).halt).toBe(
      false,
    );
    // Off: never halts.
    expect(checkPortfolio({ equity: 1, previousCloseEquity: 100, peakEquity: 100 }, RISK_OFF)).toMatchObject({
      halt: false,
      noNewBuys: false,
    });
  });

  it('distance to a limit: "2.3 % above the daily loss stop"', () => {
    // Down 2.7 % today with a 5 % daily loss stop: 2.3 % of the previous close left.
    expect(distanceToLimit(-0.027, 0.05)).toBeCloseTo(0.023, 12);
    expect(distanceToLimit(-0.06, 0.05)).toBeCloseTo(-0.01, 12);
    expect(distanceToLimit(null, 0.05)).toBeNull();
  });

  it('alerts once per crossing', () => {
    const seen = [false, true, true, false, true].map((past, i, all) =>
      alertTransition(i === 0 ? false : (all[i - 1] as boolean), past),
    );
    expect(seen).toEqual(['none', 'crossed', 'none', 'cleared', 'crossed']);
  });
});

describe('order validator (SPEC 9)', () => {
  const ctx: ValidationContext = {
    ordersLastMinute: 2,
    ordersLastMinuteSymbol: 1,
    positionQty: 100,
    positionCashCents: 1_000_000,
    portfolioStockValueCents: 5_000_000,
    portfolioEquityCents: 10_000_000,
  };
  const buy = { side: 'BUY' as const, qty: 10, price: 100, commissionCents: 10 };

  it('explains a rejection with its figure and limit', () => {
    expect(validateOrder(buy, ctx, limits({ maxPositionQty: 109 }))).toEqual({
      code: 'POSITION_SIZE_LIMIT',
      value: 110,
      limit: 109,
    });
    expect(validateOrder({ ...buy, qty: 100 }, ctx, RISK_OFF)).toEqual({
      code: 'INSUFFICIENT_CAPITAL',
      value: 10_000.1,
      limit: 10_000,
    });
  });

  it.each([
    ['every limit off: passes', RISK_OFF, buy, null],
    ['global rate: 3rd order with a limit of 2', limits({ maxOrdersPerMinute: 2 }), buy, 'RATE_LIMIT_GLOBAL'],
    ['global rate: 3rd order with a limit of 3 passes', limits({ maxOrdersPerMinute: 3 }), buy, null],
    ['symbol rate', limits({ maxOrdersPerMinutePerSymbol: 1 }), buy, 'RATE_LIMIT_SYMBOL'],
    [
      'a risk exit is never rate-limited',
      limits({ maxOrdersPerMinute: 1 }),
      { ...buy, side: 'SELL' as const, riskExit: true },
      null,
    ],
    ['capital: cost above cash', RISK_OFF, { ...buy, qty: 100 }, 'INSUFFICIENT_CAPITAL'],
    [
      'capital: cost exactly the cash passes',
      RISK_OFF,
      { ...buy, qty: 99.999, price: 100, commissionCents: 10 },
      null,
    ],
    [
      'capital: selling more than held',
      RISK_OFF,
      { ...buy, side: 'SELL' as const, qty: 101 },
      'INSUFFICIENT_CAPITAL',
    ],
    ['size after the fill', limits({ maxPositionQty: 109 }), buy, 'POSITION_SIZE_LIMIT'],
    ['size exactly at the limit passes', limits({ maxPositionQty: 110 }), buy, null],
    ['value after the fill', limits({ maxPositionValue: 10_999 }), buy, 'POSITION_VALUE_LIMIT'],
    ['exposure after the fill', limits({ maxTotalExposurePct: 0.5 }), buy, 'TOTAL_EXPOSURE_LIMIT'],
    [
      'exposure limits never stop a sale',
      limits({ maxTotalExposurePct: 0.1, maxPositionQty: 1 }),
      { ...buy, side: 'SELL' as const },
      null,
    ],
  ] as const)('%s', (_name, l, order, expected) => {
    const r = validateOrder(order, ctx, l);
    expect(r?.code ?? null).toBe(expected);
  });
});

describe('risk settings in the config store', () => {
  it('a config without a risk section is all off, and stays without one after a merge', () => {
    expect(riskOf(DEFAULT_STRATEGY_CONFIG)).toEqual(RISK_OFF);
    expect('risk' in mergeConfig(DEFAULT_STRATEGY_CONFIG, { trigger: { upThreshold: 0.05 } })).toBe(false);
  });

  it('a per-position override replaces only its fields', () => {
    const portfolio = mergeConfig(DEFAULT_STRATEGY_CONFIG, {
      risk: { maxDrawdownPct: 0.2, positionStopPct: 0.1 },
    });
    const position = mergeConfig(portfolio, { risk: { positionStopPct: 0.05 } });
    expect(riskOf(position)).toMatchObject({
      maxDrawdownPct: 0.2,
      positionStopPct: 0.05,
      trailingStopPct: null,
    });
    expect(StrategyConfigSchema.safeParse(position).success).toBe(true);
  });

  it('refuses a stop of 0 or above 100 % with a message in words', () => {
    const bad = mergeConfig(DEFAULT_STRATEGY_CONFIG, { risk: { trailingStopPct: 1.5 } });
    const r = StrategyConfigSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^Trailing stop must be/);
  });
});
