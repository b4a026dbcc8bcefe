import { describe, expect, it } from 'vitest';
import type { CommissionSnapshot } from '../../domain/Commission';
import type { RoundTrip } from '../../domain/accounting/RoundTrips';
import { roundTripStats } from '../../domain/accounting/RoundTrips';
import type { SizingContext } from './Sizers';
import { kellyFraction, rawQty, reduceToCash, sizerChoice, sizerProblem } from './Sizers';

/** SPEC 10's sizers, hand-worked. */
const ctx = (over: Partial<SizingContext> = {}): SizingContext => ({
  equityCents: 10_000_00,
  cashCents: 10_000_00,
  price: 50,
  atr: 2,
  stopPrice: null,
  roundTrips: [],
  ...over,
});
const trip = (pnlCents: number): RoundTrip => ({
  positionId: 'X',
  symbol: 'X',
  lotId: 'l',
  saleId: 's',
  entryDate: '2024-01-02',
  exitDate: '2024-01-03',
  entryPrice: 10,
  exitPrice: 10 + pnlCents / 100,
  qty: 1,
  costCents: 1000,
  pnlCents,
  return: pnlCents / 1000,
  holdingDays: 1,
  longTerm: false,
});
const free: CommissionSnapshot = { rate: 0, minimumCents: 0, scope: 'GLOBAL' };
const onePercentMin5: CommissionSnapshot = { rate: 0.01, minimumCents: 500, scope: 'GLOBAL' };

describe('sizers', () => {
  it('fixed: the quantity asked', () => {
    expect(rawQty(sizerChoice('fixed', [30]), ctx())).toBe(30);
  });
  it('percent of equity: equity·pct / price', () => {
    // 10 000 · 0.95 / 50 = 190
    expect(rawQty(sizerChoice('percent', [0.95]), ctx())).toBeCloseTo(190, 12);
  });
  it('risk-based: equity·risk / stop distance (the signal stop, else price·stopPct)', () => {
    // 10 000 · 0.01 / (50 − 48) = 50
    expect(rawQty(sizerChoice('risk', [0.01, 0.05]), ctx({ stopPrice: 48 }))).toBeCloseTo(50, 12);
    // distance 50 · 0.05 = 2.5 → 40
    expect(rawQty(sizerChoice('risk', [0.01, 0.05]), ctx())).toBeCloseTo(40, 12);
  });
  it('volatility: equity·risk / (ATR·multiplier); nothing before ATR exists', () => {
    // 10 000 · 0.01 / (2 · 2) = 25
    expect(rawQty(sizerChoice('volatility', [0.01, 2]), ctx())).toBeCloseTo(25, 12);
    expect(rawQty(sizerChoice('volatility', [0.01, 2]), ctx({ atr: NaN }))).toBe(0);
  });
  it('Kelly: the fallback percent before 10 round trips, then f*·fraction clamped to [0, 1]', () => {
    const nine = Array.from({ length: 9 }, () => trip(100));
    // fallback 0.5: 10 000 · 0.5 / 50 = 100
    expect(rawQty(sizerChoice('kelly', [0.5, 0.5]), ctx({ roundTrips: nine }))).toBeCloseTo(100, 12);
    // 6 wins of +200, 4 losses of −100: p 0.6, b 2 → f* = (1.2 − 0.4)/2 = 0.4; × 0.5 = 0.2 → 10 000·0.2/50 = 40
    const ten = [
      ...Array.from({ length: 6 }, () => trip(200)),
      ...Array.from({ length: 4 }, () => trip(-100)),
    ];
    expect(kellyFraction(ten)).toBeCloseTo(0.4, 12);
    expect(rawQty(sizerChoice('kelly', [0.5, 0.5]), ctx({ roundTrips: ten }))).toBeCloseTo(40, 12);
    // losing record: f* < 0 → 0
    const losing = [
      ...Array.from({ length: 2 }, () => trip(100)),
      ...Array.from({ length: 8 }, () => trip(-100)),
    ];
    expect(rawQty(sizerChoice('kelly', [0.5, 0.5]), ctx({ roundTrips: losing }))).toBe(0);
  });
  it('whole shares rounded down, then one step less while the booked cost exceeds the cash', () => {
    expect(reduceToCash(190.9, 50, 10_000_00, free, 1, null)).toBe(190);
    // 200 shares at 50 = 10 000 + 1 % = 10 100 > cash; 198 → 9 900 + 99 = 9 999 ≤ 10 000
    expect(reduceToCash(200, 50, 10_000_00, onePercentMin5, 1, null)).toBe(198);
    // lots of 100: 198 → 100
    expect(reduceToCash(200, 50, 10_000_00, onePercentMin5, 1, 100)).toBe(100);
    // the minimum commission alone exceeds the cash
    expect(reduceToCash(1, 1, 400, onePercentMin5, 1, null)).toBe(0);
  });
  it('refuses a percent above 1 and a negative quantity', () => {
    expect(sizerProblem(sizerChoice('percent', [95]))).toMatch(/fraction/);
    expect(sizerProblem(sizerChoice('fixed', [-1]))).toMatch(/positive/);
    expect(sizerProblem(sizerChoice('kelly'))).toBeNull();
  });
  it('round-trip statistics', () => {
    const s = roundTripStats([trip(200), trip(-100), trip(100)]);
    expect(s).toMatchObject({
      count: 3,
      wins: 2,
      losses: 1,
      winRate: 2 / 3,
      averageWinCents: 150,
      averageLossCents: -100,
    });
    expect(s.profitFactor).toBe(3);
    expect(s.expectancyCents).toBeCloseTo(200 / 3, 12);
    expect(roundTripStats([]).winRate).toBeNull();
  });
});
