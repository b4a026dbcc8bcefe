import type { CommissionSnapshot } from './Commission';
import type { GuardrailConfig, OrderPolicyConfig } from './Config';
import type { DailyActivity } from './DailyActivity';
import type { GuardrailStep, Side } from './DomainEvent';
import { compareProduct, exact } from './ExactDecimal';
import { bookFill } from './FillBooking';
import { GuardrailTrace } from './GuardrailTrace';
import { exactCapOfRules, exactCaps, rulesOneToFiveExactly } from './GuardrailsExactly';
import { EDGE_TOLERANCE, positionValue } from './OrderSizing';
import type { PositionState } from './Position';
import { roundTowardZero, roundUpToGrid } from './QuantityRounding';
import type { ReasonCode } from './ReasonCode';

export interface GuardrailConfigs {
  guardrails: GuardrailConfig;
  orderPolicy: OrderPolicyConfig;
  commission: CommissionSnapshot;
}

/** The trade the trigger and sizing ask for: a side and an unsigned quantity. */
export interface ProposedTrade {
  side: Side;
  qty: number;
  price: number;
}

export type GuardrailDecision =
  | { outcome: 'ORDER'; side: Side; qty: number; reasons: ReasonCode[]; steps: GuardrailStep[] }
  | { outcome: 'HOLD'; side: Side; qty: 0; reasons: ReasonCode[]; steps: GuardrailStep[] }
  /** action_below_min = reject: the order is recorded as REJECTED with this quantity; nothing is booked. */
  | { outcome: 'REJECT'; side: Side; qty: number; reasons: ReasonCode[]; steps: GuardrailStep[] };

export type AfterFillViolation =
  'above_max_stock_pct' | 'below_min_stock_pct' | 'negative_cash' | 'negative_qty';

/**
 * Largest quantity x whose cost x·P + max(k·x·P, m) (buy) fits `budget`, and the same for a band limit:
 * with a minimum commission the bound is the lower of the rate formula and the minimum formula (SPEC 2.10).
 */
function buyCap(budget: number, price: number, k: number, minCommission: number, weight: number): number {
  const byRate = budget / (price * (1 + weight * k));
  // With no minimum and a budget ≥ 0 the minimum formula (budget / price) is never the lower one.
  if (minCommission === 0 && budget >= 0) return byRate;
  return Math.min(byRate, (budget - weight * minCommission) / price);
}

/** Largest sell that keeps the allocation ≥ the minimum: the looser of the rate and minimum formulas. */
function sellBandCap(stock: number, value: number, price: number, lo: number, k: number, m: number): number {
  const excess = stock - lo * value;
  const byRate = excess / (price * (1 - lo * k));
  // With no minimum and an excess ≥ 0 the minimum formula (excess / price) is never the larger one.
  if (m === 0 && excess >= 0 && lo * k < 1) return byRate;
  return Math.max(byRate, (stock - lo * (value - m)) / price);
}

/** Cents as dollars; no division for the usual zero (a division's latency counts on this path). */
function dollarsOf(cents: number): number {
  return cents === 0 ? 0 : cents / 100;
}

/** Exact x·P ≥ minimum, as SPEC 2.10 asks (no float error at the edge). */
function meetsMinimums(qty: number, price: number, policy: OrderPolicyConfig): boolean {
  if (qty < policy.minQty) return false;
  return compareProduct(qty, price, policy.minNotional) >= 0;
}

/**
 * Is cash after booking the trade ≥ 0? Exact (booked cents), but the float estimate answers when it is
 * more than two cents clear of zero, so decimals run only at the edge.
 */
function fundsSuffice(
  state: PositionState,
  side: Side,
  qty: number,
  price: number,
  commission: CommissionSnapshot,
): boolean {
  const notional = qty * price;
  const fee = Math.max(notional * commission.rate, dollarsOf(commission.minimumCents));
  const estimate = state.cashCents / 100 + (side === 'BUY' ? -notional - fee : notional - fee);
  const margin = 0.02 + 1e-9 * notional;
  if (estimate > margin) return true;
  if (estimate < -margin) return false;
  return fundsSufficeExactly(state, side, qty, price, commission);
}

// Out of line, so the float estimate above stays small enough to inline into the rules.
function fundsSufficeExactly(
  state: PositionState,
  side: Side,
  qty: number,
  price: number,
  commission: CommissionSnapshot,
): boolean {
  return state.cashCents + bookFill(side, qty, price, commission).cashDeltaCents >= 0;
}

export type GuardrailOutcome = GuardrailDecision['outcome'];

/**
 * SPEC 2.5, in its order, on `t` (given the proposed side, quantity and price): each trim or block adds its
 * reason; the first block ends the evaluation. Returns the outcome; `t.qty` is the order's (or the
 * rejected order's) quantity. Allocates nothing on the float path: this runs for every position on every
 * tick and bar. Rules 1–5 run in floats; where a float quantity came within its error bound of a grid
 * point, a cap, zero or the band's edge, they run again on exact quotients (ADR 0070).
 */
function runGuardrails(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
): GuardrailOutcome {
  const reasonMark = t.reasonCount;
  const stepMark = t.stepCount;
  let rules = rulesOneToFive(t, state, cfg, today);
  if (rules === 'EDGE') {
    t.rewind(reasonMark, stepMark);
    rules = rulesOneToFiveExactly(t, state, cfg, today);
  }
  if (rules === 'HOLD') return 'HOLD';
  return fundsAndMinimums(t, state, cfg, today);
}

/**
 * Rules 1–5 in floats. 'EDGE' when a decision was within float error (`t.tolerance`, in shares) of
 * going the other way: the band's edge, a cap (which trim, and whether a trim at all), zero, or a grid
 * point (the rounding); the caller then runs them exactly.
 */
function rulesOneToFive(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
): 'HOLD' | 'NEXT' | 'EDGE' {
  const side = t.side;
  const price = t.price;
  const { guardrails: g, orderPolicy: policy } = cfg;

  const stock = state.qty * price;
  const value = t.value;
  const k = cfg.commission.rate;
  const m = dollarsOf(cfg.commission.minimumCents);
  const cash = dollarsOf(state.cashCents);
  const notionalToday = dollarsOf(today.notionalTodayCents);
  // The magnitudes every cap combines, in dollars: the float error of each is a few units of 2^-53 of it.
  const money =
    Math.abs(stock) +
    cash +
    dollarsOf(state.receivableCents) +
    m +
    (g.maxDailyNotional === null ? 0 : Math.abs(g.maxDailyNotional) + notionalToday);
  const tol = t.rawTolerance + (EDGE_TOLERANCE * money) / price;
  t.tolerance = tol;

  // 1. Allocation band.
  const allocation = value > 0 ? stock / value : 0;
  const bound = side === 'BUY' ? g.maxStockPct : g.minStockPct;
  if (value > 0 && Math.abs(stock - bound * value) <= EDGE_TOLERANCE * money) return 'EDGE';
  if (side === 'BUY' && allocation >= g.maxStockPct) return hold(t, 'band_blocked_above_max');
  if (side === 'SELL' && allocation <= g.minStockPct) return hold(t, 'band_blocked_below_min');
  // After a sell, V shrinks by the commission, which raises the allocation: the band bound is the looser
  // of the rate and minimum formulas (a buy's is the tighter, as its commission lowers V too).
  const band =
    side === 'BUY'
      ? buyCap(g.maxStockPct * value - stock, price, k, m, g.maxStockPct)
      : sellBandCap(stock, value, price, g.minStockPct, k, m);
  let edge = nearCap(t.qty, band, tol);
  t.trim(band, 'band_trim');
  // 2. Trade size.
  const maxTrade = (g.maxTradePctOfPosition * value) / price;
  edge = edge || nearCap(t.qty, maxTrade, tol);
  t.trim(maxTrade, 'max_trade_trim');
  // 3. Funds and holdings: the receivable counts in V but cannot be spent; no shorting.
  const funds = side === 'BUY' ? buyCap(cash, price, k, m, 1) : state.qty;
  edge = edge || nearCap(t.qty, funds, tol);
  t.trim(funds, side === 'BUY' ? 'cash_trim' : 'holdings_trim');
  // 4. Daily limits.
  const dailyNotional = g.maxDailyNotional === null ? Infinity : (g.maxDailyNotional - notionalToday) / price;
  t.capOfRules = Math.min(band, maxTrade, funds, dailyNotional);
  if (edge) return 'EDGE';
  if (g.maxOrdersPerDay !== null && today.ordersToday >= g.maxOrdersPerDay)
    return hold(t, 'max_orders_per_day');
  if (nearCap(t.qty, dailyNotional, tol)) return 'EDGE';
  t.trim(dailyNotional, 'daily_notional_trim');
  if (t.qty <= 0) return hold(t, 'zero_qty');

  // 5. Rounding toward zero to the step, then the lot (a lot is a multiple of the step).
  const unit = policy.qtyStep > 0 ? policy.qtyStep : FRACTIONAL_UNIT;
  if (Math.abs(t.qty - Math.round(t.qty / unit) * unit) <= tol) return 'EDGE';
  const rounded = roundTowardZero(t.qty, policy.qtyStep, policy.lotSize);
  if (rounded !== t.qty) t.change(rounded, 'qty_rounded');
  return 'NEXT';
}

/** The grid of `qty_step` 0: fractional shares kept to 6 decimals. */
const FRACTIONAL_UNIT = 0.000001;

/**
 * Could float error decide whether (and to what) `qty` is trimmed by `cap`? When they are within `tol`
 * of each other, or the cap is within `tol` of zero and would trim (a cap a hair above zero leaves a
 * quantity that rounds to 0; one a hair below trims to 0 at once).
 */
function nearCap(qty: number, cap: number, tol: number): boolean {
  if (!(qty > 0)) return false;
  return Math.abs(qty - cap) <= tol || (cap < qty && Math.abs(cap) <= tol);
}

/** After the rounding: the booked cash is the exact judge of funds, then the minimums (SPEC 2.5, 2.10). */
function fundsAndMinimums(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
): GuardrailOutcome {
  const side = t.side;
  const price = t.price;
  // One call site, so V8 inlines the float estimate here once.
  if (t.qty > 0 && !fundsSuffice(state, side, t.qty, price, cfg.commission)) {
    // A sell whose minimum commission exceeds cash plus proceeds would leave cash negative.
    if (side === 'SELL') return hold(t, 'cash_trim');
    // The cap formula can admit a quantity whose booked cents (each rounded) come a cent over the
    // cash: the buy steps down to what the cash covers.
    t.qty = stepDownUntilFunded(state, t.qty, price, cfg);
  }
  if (t.qty <= 0) return hold(t, 'zero_qty');

  // 6. Minimums.
  // `clip` may raise the quantity only up to the tightest of the caps of rules 1–4.
  if (!meetsMinimums(t.qty, price, cfg.orderPolicy)) return belowMinimum(t, state, cfg, today);
  return 'ORDER';
}

/** SPEC 2.10 action_below_min, out of line (rare): hold, reject, or clip up to the minimum if it fits. */
function belowMinimum(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
): GuardrailOutcome {
  const policy = cfg.orderPolicy;
  const price = t.price;
  switch (policy.actionBelowMin) {
    case 'hold':
      return hold(t, 'below_min');
    case 'reject':
      t.addReason('below_min');
      return 'REJECT';
    case 'clip': {
      const clipped = clipToMinimum(price, policy);
      const fits =
        withinCapsOfRules(t, state, cfg, today, clipped) &&
        fundsSuffice(state, t.side, clipped, price, cfg.commission);
      if (!fits) return hold(t, 'clip_blocked');
      t.change(clipped, 'clip_to_min');
      return 'ORDER';
    }
  }
}

/** `qty` ≤ the tightest cap of rules 1–4, exactly when the float cap is within its error bound of it. */
function withinCapsOfRules(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
  qty: number,
): boolean {
  const cap = t.capOfRules;
  if (Math.abs(qty - cap) > t.tolerance) return qty <= cap;
  return exactCapOfRules(exactCaps(state, t.side, t.price, cfg, today)).cmpNumber(qty) >= 0;
}

function hold(t: GuardrailTrace, reason: ReasonCode): 'HOLD' {
  t.addReason(reason);
  t.qty = 0;
  return 'HOLD';
}

/** SPEC 2.5, in its order; each trim or block adds its reason; the first block ends the evaluation. */
export const GuardrailEvaluator = {
  /** The rules on a reusable trace (cleared by the caller and given the proposed trade). */
  run: runGuardrails,

  /** The rules on a fresh trace, as a decision the caller owns. */
  evaluate(
    state: PositionState,
    trade: ProposedTrade,
    cfg: GuardrailConfigs,
    today: DailyActivity,
  ): GuardrailDecision {
    const t = new GuardrailTrace().propose(
      trade.side,
      trade.qty,
      trade.price,
      positionValue(state, trade.price),
    );
    const outcome = runGuardrails(t, state, cfg, today);
    const base = { side: trade.side, reasons: t.reasonsCopy(), steps: t.stepsCopy() };
    return outcome === 'HOLD' ? { ...base, outcome, qty: 0 } : { ...base, outcome, qty: t.qty };
  },

  /** Post-fill check of band and funds (SPEC 2.5); a violation is reported and logged, never undone. */
  validateAfterFill(state: PositionState, price: number, g: GuardrailConfig): AfterFillViolation[] {
    const violations: AfterFillViolation[] = [];
    if (state.cashCents < 0) violations.push('negative_cash');
    if (state.qty < 0) violations.push('negative_qty');
    const stock = state.qty * price;
    const value = stock + (state.cashCents + state.receivableCents) / 100;
    if (value > 0) {
      const allocation = stock / value;
      // A relative tolerance of 1e-9 keeps float noise in this derived ratio from reporting a violation.
      if (allocation > g.maxStockPct + 1e-9) violations.push('above_max_stock_pct');
      if (allocation < g.minStockPct - 1e-9) violations.push('below_min_stock_pct');
    }
    return violations;
  },
};

/**
 * `qty` is not funded (the caller checked): steps down one grid unit at a time until the booked cash
 * covers it; at most a few steps, as the float cap is off by rounding error only. 0 when none fits.
 */
function stepDownUntilFunded(
  state: PositionState,
  qty: number,
  price: number,
  cfg: GuardrailConfigs,
): number {
  const { qtyStep, lotSize } = cfg.orderPolicy;
  const unit = lotSize ?? (qtyStep > 0 ? qtyStep : 0.000001);
  let q = qty;
  for (let i = 0; i < 4 && q > 0; i++) {
    q = roundTowardZero(exact(q).minus(exact(unit)).toNumber(), qtyStep, lotSize);
    if (q > 0 && fundsSuffice(state, 'BUY', q, price, cfg.commission)) return q;
  }
  return 0;
}

/** The smallest grid quantity meeting both minimums (SPEC 2.10 `clip`). */
function clipToMinimum(price: number, policy: OrderPolicyConfig): number {
  const byNotional = exact(policy.minNotional).div(exact(price)).toNumber();
  let q = roundUpToGrid(Math.max(policy.minQty, byNotional), policy.qtyStep, policy.lotSize);
  const unit = policy.lotSize ?? (policy.qtyStep > 0 ? policy.qtyStep : 0.000001);
  // The division above is rounded to 64 digits; one more unit settles an exact-edge shortfall.
  if (!meetsMinimums(q, price, policy)) q = exact(q).plus(exact(unit)).toNumber();
  return q;
}
