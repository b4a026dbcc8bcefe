import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from '../testing/builders';
import type { CommissionSnapshot } from './Commission';
import type { StrategyConfig, StrategyConfigOverride } from './Config';
import type { DailyActivity } from './DailyActivity';
import { cents } from './Money';
import { evaluatePosition } from './PositionEvaluator';
import type { ReasonCode } from './ReasonCode';

/**
 * SPEC 2.3–2.10 against an exact-decimal oracle (issue 15, ADR 0070): the oracle below is the SPEC's rules
 * written straight in decimal.js at 300 digits, independent of the implementation's float filters and
 * exact quotients. Each quantity is formed with one division, last: two such quotients are equal, or a
 * quotient is on a grid point, exactly when their 300-digit roundings are (distinct ones differ by more
 * than 10^-100), so 300 digits decide like exact rationals. The inputs are built so that a quantity sizing or a
 * cap gives lands exactly on a grid point: the band cap, the cash cap, the max-trade cap, the daily cap, or
 * sizing itself, solved for the position's cash or receivable (whole cents by construction).
 */
const D = Decimal.clone({ precision: 300, rounding: Decimal.ROUND_HALF_EVEN });
type D = InstanceType<typeof D>;
const d = (x: number | string): D => new D(typeof x === 'number' ? String(x) : x);

interface Case {
  qty: number;
  cashCents: number;
  receivableCents: number;
  anchor: number | null;
  price: number;
  config: StrategyConfig;
  commission: CommissionSnapshot;
  today: DailyActivity;
}

interface Verdict {
  action: 'HOLD' | 'BUY' | 'SELL' | 'REJECT';
  qty: number;
  reasons: ReasonCode[];
}

const round2 = (x: D): D => x.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);

/** SPEC 2.3–2.10 in decimals, as written. */
function oracle(c: Case): Verdict {
  const cfg = c.config;
  const P = d(c.price);
  const q = d(c.qty);
  const C = d(c.cashCents).div(100);
  const R = d(c.receivableCents).div(100);
  const k = d(c.commission.rate);
  const m = d(c.commission.minimumCents).div(100);
  const reasons: ReasonCode[] = [];
  const hold = (reason: ReasonCode): Verdict => ({ action: 'HOLD', qty: 0, reasons: [...reasons, reason] });
  // 2.3 trigger.
  let kind: 'SET_ANCHOR' | 'BUY' | 'SELL';
  if (c.anchor === null) {
    kind = 'SET_ANCHOR';
    reasons.push('anchor_unset');
  } else {
    const A = d(c.anchor);
    if (P.lte(A.times(d(1).minus(d(cfg.trigger.downThreshold))))) kind = 'BUY';
    else if (P.gte(A.times(d(1).plus(d(cfg.trigger.upThreshold))))) kind = 'SELL';
    else return { action: 'HOLD', qty: 0, reasons: ['no_trigger'] };
  }
  // 2.4 sizing.
  const stock = q.times(P);
  const V = stock.plus(C).plus(R);
  if (V.lte(0)) return hold('zero_size');
  let raw: D;
  if (kind === 'SET_ANCHOR') raw = d(cfg.execution.initialStockPct).times(V).minus(stock).div(P);
  // (anchor / P − 1)·r·V / P, with its one division last (see the note on precision above).
  else if (cfg.sizing.strategy === 'proportional')
    raw = d(c.anchor as number)
      .minus(P)
      .times(d(cfg.sizing.rebalanceRatio))
      .times(V)
      .div(P.times(P));
  else raw = d(cfg.sizing.targetStockPct).times(V).minus(stock).div(P);
  if (raw.isZero()) return hold('zero_qty');
  if ((kind === 'BUY' && raw.isNeg()) || (kind === 'SELL' && raw.isPos()))
    return hold('sizing_opposes_trigger');
  const side = raw.isPos() ? 'BUY' : 'SELL';
  let x = raw.abs();
  // 2.5 guardrails.
  const g = cfg.guardrails;
  const M = d(g.maxStockPct);
  const L = d(g.minStockPct);
  // Allocation stock / V against the band, compared as stock against band · V.
  if (side === 'BUY' && stock.gte(M.times(V))) return hold('band_blocked_above_max');
  if (side === 'SELL' && stock.lte(L.times(V))) return hold('band_blocked_below_min');
  const trim = (cap: D, reason: ReasonCode): void => {
    if (x.gt(0) && x.gt(cap)) {
      x = D.max(cap, 0);
      reasons.push(reason);
    }
  };
  const band =
    side === 'BUY'
      ? D.min(
          M.times(V)
            .minus(stock)
            .div(P.times(M.times(k).plus(1))),
          M.times(V).minus(stock).minus(M.times(m)).div(P),
        )
      : D.max(
          stock.minus(L.times(V)).div(P.times(d(1).minus(L.times(k)))),
          stock.minus(L.times(V.minus(m))).div(P),
        );
  trim(band, 'band_trim');
  const maxTrade = d(g.maxTradePctOfPosition).times(V).div(P);
  trim(maxTrade, 'max_trade_trim');
  const funds = side === 'BUY' ? D.min(C.div(P.times(k.plus(1))), C.minus(m).div(P)) : q;
  trim(funds, side === 'BUY' ? 'cash_trim' : 'holdings_trim');
  if (g.maxOrdersPerDay !== null && c.today.ordersToday >= g.maxOrdersPerDay)
    return hold('max_orders_per_day');
  const daily =
    g.maxDailyNotional === null
      ? null
      : d(g.maxDailyNotional).minus(d(c.today.notionalTodayCents).div(100)).div(P);
  if (daily !== null) trim(daily, 'daily_notional_trim');
  if (x.lte(0)) return hold('zero_qty');
  const policy = cfg.orderPolicy;
  const step = d(policy.qtyStep > 0 ? policy.qtyStep : 0.000001);
  let rounded = x.div(step).floor().times(step);
  if (policy.lotSize !== null) rounded = rounded.div(d(policy.lotSize)).floor().times(d(policy.lotSize));
  if (!rounded.eq(x)) reasons.push('qty_rounded');
  x = rounded;
  // 2.8 booking decides funds.
  const cashAfter = (n: D): D => {
    const notional = n.times(P);
    const commission = round2(D.max(notional.times(k), m));
    return side === 'BUY'
      ? C.minus(round2(notional)).minus(commission)
      : C.plus(round2(notional)).minus(commission);
  };
  if (x.gt(0) && cashAfter(x).isNeg()) {
    if (side === 'SELL') return hold('cash_trim');
    const unit = d(policy.lotSize ?? (policy.qtyStep > 0 ? policy.qtyStep : 0.000001));
    let y = x;
    let found = d(0);
    for (let i = 0; i < 4; i++) {
      y = y.minus(unit);
      if (y.lte(0)) break;
      if (!cashAfter(y).isNeg()) {
        found = y;
        break;
      }
    }
    x = found;
  }
  if (x.lte(0)) return hold('zero_qty');
  // 2.5 rule 6, 2.10 minimums.
  const meets = (n: D): boolean => n.gte(d(policy.minQty)) && n.times(P).gte(d(policy.minNotional));
  if (meets(x)) return { action: side, qty: x.toNumber(), reasons };
  switch (policy.actionBelowMin) {
    case 'hold':
      return hold('below_min');
    case 'reject':
      return { action: 'REJECT', qty: x.toNumber(), reasons: [...reasons, 'below_min'] };
    case 'clip': {
      const unit = d(policy.lotSize ?? (policy.qtyStep > 0 ? policy.qtyStep : 0.000001));
      let y = D.max(d(policy.minQty), d(policy.minNotional).div(P)).div(unit).ceil().times(unit);
      if (!meets(y)) y = y.plus(unit);
      let cap = D.min(band, maxTrade, funds);
      if (daily !== null) cap = D.min(cap, daily);
      if (y.gt(cap) || cashAfter(y).isNeg()) return hold('clip_blocked');
      return { action: side, qty: y.toNumber(), reasons: [...reasons, 'clip_to_min'] };
    }
  }
}

function implementation(c: Case): Verdict {
  const out = evaluatePosition({
    state: {
      qty: c.qty,
      cashCents: cents(c.cashCents),
      receivableCents: cents(c.receivableCents),
      anchor: c.anchor,
    },
    price: c.price,
    config: c.config,
    commission: c.commission,
    today: c.today,
  });
  if (out.rejected !== null) return { action: 'REJECT', qty: out.rejected.qty, reasons: [...out.reasons] };
  return { action: out.action, qty: out.qty, reasons: [...out.reasons] };
}

/** The smallest positive integer f with f · x a whole number (x a terminating decimal). */
function wholeMultiplier(x: D): number {
  const places = x.decimalPlaces();
  const scaled = BigInt(x.times(d(10).pow(places)).toFixed(0));
  const pow = 10n ** BigInt(places);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  return Number(pow / gcd(scaled, pow));
}

/** n · f · unit, with f making `perUnitCents` × it whole cents: a target on the grid whose cents are whole. */
function gridTarget(n: number, unit: number, perShareDollars: D): D {
  const f = wholeMultiplier(perShareDollars.times(d(unit)).times(100));
  return d(n * f).times(d(unit));
}

// Settings whose reciprocals are terminating decimals, so the solved cents are whole.
const FRACTIONS = [0.25, 0.5, 0.8, 1] as const;
const GRID = fc.constantFrom(
  { qtyStep: 1, lotSize: null },
  { qtyStep: 1, lotSize: 5 },
  { qtyStep: 0, lotSize: null },
  { qtyStep: 0.5, lotSize: null },
  { qtyStep: 0.01, lotSize: null },
);
const arbPrice = fc.integer({ min: 1, max: 50_000 }).map((c) => c / 100);
const arbRate = fc.constantFrom(0, 0.0001, 0.001, 0.0025);
const arbMinimum = fc.constantFrom(0, 0, 100, 995);
const arbAction = fc.constantFrom('hold' as const, 'reject' as const, 'clip' as const);
const arbMinNotional = fc.constantFrom(0, 1, 100);

function build(
  override: StrategyConfigOverride,
  s: Omit<Case, 'config' | 'today' | 'commission'> & { rate: number; minimumCents: number },
  today: DailyActivity = { ordersToday: 0, notionalTodayCents: 0 },
): Case {
  return {
    qty: s.qty,
    cashCents: s.cashCents,
    receivableCents: s.receivableCents,
    anchor: s.anchor,
    price: s.price,
    config: config(override),
    commission: { rate: s.rate, minimumCents: s.minimumCents, scope: 'GLOBAL' },
    today,
  };
}

/** Cents of a decimal amount of dollars that is whole cents by construction (else the case is skipped). */
function wholeCents(dollars: D): number | null {
  const c = dollars.times(100);
  return c.isInteger() && c.gte(0) && c.lte(1e13) ? c.toNumber() : null;
}

/** A buy whose band cap (rate formula) is exactly on the grid: solved for the receivable. */
const bandBuyCase = fc
  .record({
    price: arbPrice,
    rate: arbRate,
    max: fc.constantFrom(...FRACTIONS),
    grid: GRID,
    n: fc.integer({ min: 1, max: 40 }),
    q: fc.integer({ min: 0, max: 2_000 }),
    cashShare: fc.double({ min: 0.7, max: 1, noNaN: true }),
    action: arbAction,
    minNotional: arbMinNotional,
  })
  .map((r) => {
    const P = d(r.price);
    const M = d(r.max);
    const k = d(r.rate);
    const unitCost = P.times(M.times(k).plus(1)).div(M); // V per share of cap
    const target = gridTarget(r.n, r.grid.lotSize ?? (r.grid.qtyStep || 0.000001), unitCost);
    // M·V − qP = target·P·(1 + M·k)  →  V = (target·P·(1 + M·k) + qP) / M.
    const q = d(r.q).times(wholeMultiplier(P.div(M).minus(P).times(100)));
    const V = target.times(P).times(M.times(k).plus(1)).plus(q.times(P)).div(M);
    const rest = V.minus(q.times(P));
    const cash = wholeCents(rest.times(d(r.cashShare)).toDecimalPlaces(2, Decimal.ROUND_DOWN));
    const all = wholeCents(rest);
    if (cash === null || all === null || all === 0) return null;
    return build(
      {
        guardrails: { maxStockPct: r.max, minStockPct: 0, maxTradePctOfPosition: 1 },
        orderPolicy: { ...r.grid, minNotional: r.minNotional, actionBelowMin: r.action },
        // Sizing asks for far more than the cap: the anchor is far above the price.
        trigger: { downThreshold: 0.01, upThreshold: 0.01 },
        sizing: { rebalanceRatio: 50 },
      },
      {
        qty: q.toNumber(),
        cashCents: cash,
        receivableCents: all - cash,
        anchor: r.price * 3,
        price: r.price,
        rate: r.rate,
        minimumCents: 0,
      },
    );
  });

/** A buy whose cash cap is exactly on the grid (band and trade wide open): solved for the cash. */
const cashCase = fc
  .record({
    price: arbPrice,
    rate: arbRate,
    minimumCents: arbMinimum,
    grid: GRID,
    n: fc.integer({ min: 1, max: 40 }),
    q: fc.integer({ min: 0, max: 50 }),
    receivableCents: fc.integer({ min: 0, max: 100_000 }),
    action: arbAction,
    minNotional: arbMinNotional,
  })
  .map((r) => {
    const P = d(r.price);
    const perShare = P.times(d(r.rate).plus(1));
    const target = gridTarget(r.n, r.grid.lotSize ?? (r.grid.qtyStep || 0.000001), perShare);
    const cash = wholeCents(target.times(perShare));
    if (cash === null) return null;
    return build(
      {
        guardrails: { maxStockPct: 1, minStockPct: 0, maxTradePctOfPosition: 1 },
        orderPolicy: { ...r.grid, minNotional: r.minNotional, actionBelowMin: r.action },
        trigger: { downThreshold: 0.01, upThreshold: 0.01 },
        sizing: { rebalanceRatio: 50 },
      },
      {
        qty: r.q,
        cashCents: cash,
        receivableCents: r.receivableCents,
        anchor: r.price * 3,
        price: r.price,
        rate: r.rate,
        minimumCents: r.minimumCents,
      },
    );
  });

/** Sizing itself (target allocation, initial allocation, proportional) exactly on the grid or at zero. */
const sizingCase = fc
  .record({
    price: arbPrice,
    rate: arbRate,
    grid: GRID,
    n: fc.integer({ min: -3, max: 40 }),
    q: fc.integer({ min: 0, max: 500 }),
    t: fc.constantFrom(...FRACTIONS),
    how: fc.constantFrom('target' as const, 'initial' as const, 'proportional' as const),
    delta: fc.constantFrom(1, 2, 4, 5, 8, 10),
    ratio: fc.constantFrom(0.5, 1, 1.25, 2, 2.5),
    sell: fc.boolean(),
    action: arbAction,
    minNotional: arbMinNotional,
  })
  .map((r) => {
    const P = d(r.price);
    const unit = r.grid.lotSize ?? (r.grid.qtyStep || 0.000001);
    let V: D;
    let anchor: number | null;
    const common = {
      guardrails: { maxStockPct: 1, minStockPct: 0, maxTradePctOfPosition: 1 },
      orderPolicy: { ...r.grid, minNotional: r.minNotional, actionBelowMin: r.action },
      trigger: { downThreshold: 0.001, upThreshold: 0.001 },
    };
    let override: StrategyConfigOverride;
    if (r.how === 'proportional') {
      // (A − P)·r·V / P² = target  →  V = target·P² / ((A − P)·r), A = P ± δ.
      const delta = r.sell ? -Math.min(r.delta, r.price / 2) : r.delta;
      const A = P.plus(d(delta));
      if (A.lte(0) || !Number.isFinite(A.toNumber()) || String(A.toNumber()) !== A.toString()) return null;
      const perShare = P.times(P)
        .div(d(delta).times(d(r.ratio)))
        .abs();
      if (perShare.decimalPlaces() > 12) return null;
      const target = gridTarget(Math.abs(r.n), unit, perShare);
      V = target.times(perShare);
      anchor = A.toNumber();
      override = { ...common, sizing: { strategy: 'proportional', rebalanceRatio: r.ratio } };
    } else {
      // (t·V − qP) / P = target  →  V = (target + q)·P / t (a negative target sells).
      const target = gridTarget(r.n, unit, P.div(d(r.t)));
      V = target.plus(d(r.q)).times(P).div(d(r.t));
      anchor = r.how === 'initial' ? null : r.n >= 0 ? r.price * 2 : r.price / 2;
      override =
        r.how === 'initial'
          ? { ...common, execution: { initialStockPct: r.t } }
          : { ...common, sizing: { strategy: 'target_allocation', targetStockPct: r.t } };
    }
    const q = r.how === 'proportional' ? d(0) : d(r.q);
    const cash = wholeCents(V.minus(q.times(P)));
    if (cash === null || cash === 0) return null;
    return build(override, {
      qty: q.toNumber(),
      cashCents: cash,
      receivableCents: 0,
      anchor,
      price: r.price,
      rate: r.rate,
      minimumCents: 0,
    });
  });

/** A buy exactly at its max-trade cap or its daily cap. */
const tradeOrDailyCase = fc
  .record({
    price: arbPrice,
    rate: arbRate,
    grid: GRID,
    n: fc.integer({ min: 1, max: 40 }),
    g: fc.constantFrom(0.1, 0.2, 0.25, 0.5, 0.8),
    daily: fc.boolean(),
    todayCents: fc.integer({ min: 0, max: 1_000_000 }),
    action: arbAction,
    minNotional: arbMinNotional,
  })
  .map((r) => {
    const P = d(r.price);
    const unit = r.grid.lotSize ?? (r.grid.qtyStep || 0.000001);
    const target = gridTarget(r.n, unit, P.div(d(r.g)));
    // g·V / P = target → V = target·P / g; or the day's limit is target·P above what is booked today.
    const V = r.daily ? target.times(P).times(10) : target.times(P).div(d(r.g));
    const cash = wholeCents(V);
    if (cash === null) return null;
    const limit = target.times(P).plus(d(r.todayCents).div(100)).toNumber();
    return build(
      {
        guardrails: {
          maxStockPct: 1,
          minStockPct: 0,
          maxTradePctOfPosition: r.daily ? 1 : r.g,
          maxDailyNotional: r.daily ? limit : null,
        },
        orderPolicy: { ...r.grid, minNotional: r.minNotional, actionBelowMin: r.action },
        trigger: { downThreshold: 0.01, upThreshold: 0.01 },
        sizing: { rebalanceRatio: 50 },
      },
      {
        qty: 0,
        cashCents: cash,
        receivableCents: 0,
        anchor: r.price * 3,
        price: r.price,
        rate: r.rate,
        minimumCents: 0,
      },
      { ordersToday: 0, notionalTodayCents: r.daily ? r.todayCents : 0 },
    );
  });

/** Anything: random positions, prices and settings (no construction), for agreement everywhere else. */
const anyCase = fc
  .record({
    qty: fc.oneof(
      fc.integer({ min: 0, max: 5_000 }),
      fc.integer({ min: 0, max: 5_000_000 }).map((x) => x / 1000),
    ),
    cashCents: fc.integer({ min: 0, max: 50_000_000 }),
    receivableCents: fc.integer({ min: 0, max: 100_000 }),
    anchor: fc.option(arbPrice, { nil: null }),
    price: arbPrice,
    rate: arbRate,
    minimumCents: arbMinimum,
    grid: GRID,
    band: fc.constantFrom([0.25, 0.75], [0, 1], [0.4, 0.6]),
    maxTrade: fc.constantFrom(0.1, 0.5, 1),
    strategy: fc.constantFrom('proportional' as const, 'target_allocation' as const),
    action: arbAction,
    minNotional: arbMinNotional,
  })
  .map((r) =>
    build(
      {
        guardrails: {
          minStockPct: r.band[0] as number,
          maxStockPct: r.band[1] as number,
          maxTradePctOfPosition: r.maxTrade,
        },
        sizing: { strategy: r.strategy },
        orderPolicy: { ...r.grid, minNotional: r.minNotional, actionBelowMin: r.action },
      },
      { ...r },
    ),
  );

function agree(c: Case | null): void {
  if (c === null) return;
  expect(implementation(c), JSON.stringify(c)).toEqual(oracle(c));
}

describe('sizing and guardrails against an exact-decimal oracle (property, ADR 0070)', () => {
  it('a buy whose band cap lies exactly on the grid', () => {
    fc.assert(fc.property(bandBuyCase, agree), { numRuns: 1000 });
  });
  it('a buy whose cash cap lies exactly on the grid', () => {
    fc.assert(fc.property(cashCase, agree), { numRuns: 1000 });
  });
  it('sizing exactly on the grid or at zero (target, initial, proportional; buys and sells)', () => {
    fc.assert(fc.property(sizingCase, agree), { numRuns: 1000 });
  });
  it('a buy exactly at its max-trade or daily cap', () => {
    fc.assert(fc.property(tradeOrDailyCase, agree), { numRuns: 1000 });
  });
  it('any position, price and settings', () => {
    fc.assert(fc.property(anyCase, agree), { numRuns: 2000 });
  });
});
