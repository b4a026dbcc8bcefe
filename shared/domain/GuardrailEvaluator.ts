import type { CommissionSnapshot } from './Commission';
import type { GuardrailConfig, OrderPolicyConfig } from './Config';
import type { DailyActivity } from './DailyActivity';
import type { GuardrailStep, Side } from './DomainEvent';
import { compareProduct, exact } from './ExactDecimal';
import { bookFill } from './FillBooking';
import { GuardrailTrace } from './GuardrailTrace';
import { exactCapOfRules, exactCaps, rulesOneToFiveExactly } from './GuardrailsExactly';
import { EDGE_TOLERANCE, EDGE_TOLERANCE_BOUND, positionValue } from './OrderSizing';
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
 * rejected order's) quantity. The rules run in floats, allocating nothing (this runs for every position
 * on every tick and bar); where a float decision of rules 1–5 came within its error bound of going the
 * other way (a grid point, a cap, zero, the band's edge), they run again on exact quotients (ADR 0070).
 */
function runGuardrails(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
): GuardrailOutcome {
  const reasonMark = t.reasonCount;
  const outcome = runInFloats(t, state, cfg, today);
  if (t.farFromEdges || !nearTheEdge(t, state, cfg, today)) return outcome;
  // Out of the hot path: rare.
  t.rewind(reasonMark, 0);
  if (rulesOneToFiveExactly(t, state, cfg, today) === 'HOLD') return 'HOLD';
  return fundsAndMinimums(t, state, cfg, today);
}

/** The rules in floats, storing the caps of rules 1–4 on `t` for `nearTheEdge`. */
function runInFloats(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
): GuardrailOutcome {
  const side = t.side;
  const price = t.price;
  const { guardrails: g, orderPolicy: policy } = cfg;

  // 1. Allocation band.
  const stock = state.qty * price;
  const value = t.value;
  // The edge check's common case, on the values in hand (ADR 0150): `bound` is at least the tolerance
  // `nearTheEdge` computes × P² (its money part, plus sizing's bound the trace was given), without a
  // division; `far` stays true while every distance that check compares with the tolerance — the band's
  // edge in dollars (× P), each running quantity against its cap and each cap against zero, the last
  // quantity against the grid (in shares, × P²) — is farther than that. Each of its conditions needs
  // one of these within the tolerance (and asks more), so `farFromEdges` means it would say no; a NaN
  // leaves `far` false, and the check runs.
  const p2 = price * price;
  const bound =
    EDGE_TOLERANCE_BOUND *
      (Math.abs(stock) +
        (state.cashCents + state.receivableCents + cfg.commission.minimumCents) * 0.01 +
        (g.maxDailyNotional === null ? 0 : Math.abs(g.maxDailyNotional) + today.notionalTodayCents * 0.01)) *
      price +
    t.rawToleranceBound;
  let far = Math.abs(stock - (side === 'BUY' ? g.maxStockPct : g.minStockPct) * value) * price > bound;
  // Blocked by the band, its edge was the only decision; else the caps below decide.
  t.farFromEdges = far;
  const allocation = value > 0 ? stock / value : 0;
  if (side === 'BUY' && allocation >= g.maxStockPct) return hold(t, 'band_blocked_above_max');
  if (side === 'SELL' && allocation <= g.minStockPct) return hold(t, 'band_blocked_below_min');
  t.farFromEdges = false;
  far = far && t.qty > 0;
  const k = cfg.commission.rate;
  const m = dollarsOf(cfg.commission.minimumCents);
  // After a sell, V shrinks by the commission, which raises the allocation: the band bound is the looser
  // of the rate and minimum formulas (a buy's is the tighter, as its commission lowers V too).
  // A buy's caps by the rate alone when there is no minimum and the budget is ≥ 0 (`buyCap`'s usual
  // case), written out here: the rules' inlining budget does not reach a second call of `buyCap`, and a
  // call V8 does not inline boxes each double passed and returned (a handful of heap numbers per buy).
  const budget = g.maxStockPct * value - stock;
  const band =
    side === 'SELL'
      ? sellBandCap(stock, value, price, g.minStockPct, k, m)
      : m === 0 && budget >= 0
        ? budget / (price * (1 + g.maxStockPct * k))
        : buyCap(budget, price, k, m, g.maxStockPct);
  t.capBand = band;
  far = far && Math.abs(t.qty - band) * p2 > bound && Math.abs(band) * p2 > bound;
  t.trim(band, 'band_trim');
  // 2. Trade size.
  const maxTrade = (g.maxTradePctOfPosition * value) / price;
  t.capTrade = maxTrade;
  far = far && Math.abs(t.qty - maxTrade) * p2 > bound && Math.abs(maxTrade) * p2 > bound;
  t.trim(maxTrade, 'max_trade_trim');
  // 3. Funds and holdings: the receivable counts in V but cannot be spent; no shorting.
  const cash = state.cashCents / 100;
  const funds =
    side === 'SELL'
      ? state.qty
      : m === 0 && cash >= 0
        ? cash / (price * (1 + k))
        : buyCap(cash, price, k, m, 1);
  t.capFunds = funds;
  far = far && Math.abs(t.qty - funds) * p2 > bound && Math.abs(funds) * p2 > bound;
  t.trim(funds, side === 'BUY' ? 'cash_trim' : 'holdings_trim');
  // 4. Daily limits.
  const dailyNotional =
    g.maxDailyNotional === null ? Infinity : (g.maxDailyNotional - today.notionalTodayCents / 100) / price;
  t.capDaily = dailyNotional;
  if (g.maxOrdersPerDay !== null && today.ordersToday >= g.maxOrdersPerDay)
    return hold(t, 'max_orders_per_day');
  far = far && Math.abs(t.qty - dailyNotional) * p2 > bound && Math.abs(dailyNotional) * p2 > bound;
  t.trim(dailyNotional, 'daily_notional_trim');
  if (t.qty <= 0) return hold(t, 'zero_qty');
  const q = t.qty;
  const unit = policy.qtyStep > 0 ? policy.qtyStep : FRACTIONAL_UNIT;
  t.farFromEdges =
    far && Math.abs(unit === 1 ? q - Math.round(q) : q - Math.round(q / unit) * unit) * p2 > bound;

  // 5. Rounding toward zero to the step, then the lot.
  const rounded = roundTowardZero(t.qty, policy.qtyStep, policy.lotSize);
  if (rounded !== t.qty) t.change(rounded, 'qty_rounded');
  // The tail of `fundsAndMinimums`, inline: one call site, so V8 inlines the float estimate here once.
  if (t.qty > 0 && !fundsSuffice(state, side, t.qty, price, cfg.commission)) {
    if (side === 'SELL') return hold(t, 'cash_trim');
    t.qty = stepDownUntilFunded(state, t.qty, price, cfg);
  }
  if (t.qty <= 0) return hold(t, 'zero_qty');
  if (!meetsMinimums(t.qty, price, policy)) return belowMinimum(t, state, cfg, today);
  return 'ORDER';
}

/** The grid of `qty_step` 0: fractional shares kept to 6 decimals. */
const FRACTIONAL_UNIT = 0.000001;

/**
 * The bound of the float error of every quantity rules 1–4 compare, in shares: EDGE_TOLERANCE of the
 * magnitudes (in dollars) the cap formulas combine, over the price, plus sizing's own bound.
 */
/** The proposed quantity's float error bound: 0 when it was given, else what sizing says. */
function rawTolerance(t: GuardrailTrace): number {
  if (t.sizer === null) return 0;
  t.sizer.writeTolerance(t);
  return t.rawTolerance;
}

function edgeTolerance(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
): number {
  const g = cfg.guardrails;
  const money =
    Math.abs(state.qty * t.price) +
    state.cashCents / 100 +
    state.receivableCents / 100 +
    cfg.commission.minimumCents / 100 +
    (g.maxDailyNotional === null ? 0 : Math.abs(g.maxDailyNotional) + today.notionalTodayCents / 100);
  return rawTolerance(t) + (EDGE_TOLERANCE * money) / t.price;
}

/**
 * Could float error have decided any of rules 1–5 (ADR 0070)? Replays the float decisions from the
 * caps the rules stored on `t` and compares each with its error bound (EDGE_TOLERANCE of the magnitudes
 * the formulas combine, in shares, plus sizing's own bound): the band's edge; each trim (the running
 * quantity within the bound of the cap, or a cap within it of zero that trims); the result within it of
 * a grid point. Out of line, objects only: the rules' hot path stays as small as it was, and the rules
 * skip it when their own cheap test found every decision far from its edge (`t.farFromEdges`, ADR 0150).
 * Exported for the test of that cheap test (`EdgeBound.property.test.ts`).
 */
export function nearTheEdge(
  t: GuardrailTrace,
  state: PositionState,
  cfg: GuardrailConfigs,
  today: DailyActivity,
): boolean {
  const g = cfg.guardrails;
  const price = t.price;
  const stock = state.qty * price;
  // The magnitudes the caps combine, in dollars (receivable and minimum commission are usually 0).
  let money =
    Math.abs(stock) + (state.cashCents + state.receivableCents + cfg.commission.minimumCents) * 0.01;
  if (g.maxDailyNotional !== null) money += Math.abs(g.maxDailyNotional) + today.notionalTodayCents * 0.01;
  const tol = rawTolerance(t) + (EDGE_TOLERANCE * money) / price;
  // The band's edge: stock against bound × V.
  const atBand = stock - (t.side === 'BUY' ? g.maxStockPct : g.minStockPct) * t.value;
  if (atBand <= tol * price && atBand >= -tol * price && t.value > 0) return true;
  // Each trim in turn, from the proposed quantity (NaN cap: not reached, the band blocked). Two
  // bit-identical floats are taken as equal (no trim either way): the initial allocation's size and the
  // max-trade cap are the same quotient with the default settings, and quotients that differ exactly but
  // round to one double take settings that differ past their 16th digit (ADR 0070).
  let qty = t.proposedQty;
  // Whether the running quantity is exact as it stands: a proposed number, or the shares held.
  let exactNow = t.sizer === null;
  let cap = t.capBand;
  if (!(cap === cap)) return false;
  let over = qty - cap;
  if (over !== 0 && over >= -tol && (over <= tol || (cap <= tol && cap >= -tol))) return true;
  if (over > 0) {
    qty = cap > 0 ? cap : 0;
    exactNow = cap <= 0;
  }
  cap = t.capTrade;
  over = qty - cap;
  if (qty > 0 && over !== 0 && over >= -tol && (over <= tol || (cap <= tol && cap >= -tol))) return true;
  if (over > 0) {
    qty = cap > 0 ? cap : 0;
    exactNow = cap <= 0;
  }
  cap = t.capFunds;
  over = qty - cap;
  if (qty > 0 && over !== 0 && over >= -tol && (over <= tol || (cap <= tol && cap >= -tol))) return true;
  if (over > 0) {
    qty = cap > 0 ? cap : 0;
    // A sell's cap here is the shares held, exact as they stand.
    exactNow = cap <= 0 || t.side === 'SELL';
  }
  cap = t.capDaily;
  over = qty - cap;
  if (qty > 0 && over !== 0 && over >= -tol && (over <= tol || (cap <= tol && cap >= -tol))) return true;
  if (over > 0) {
    qty = cap > 0 ? cap : 0;
    exactNow = cap <= 0;
  }
  if (!(qty > 0) || exactNow) return false;
  // The rounding: the quantity within the bound of a grid point.
  const step = cfg.orderPolicy.qtyStep;
  const unit = step > 0 ? step : FRACTIONAL_UNIT;
  const offGrid = unit === 1 ? qty - Math.round(qty) : qty - Math.round(qty / unit) * unit;
  return offGrid <= tol && offGrid >= -tol;
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
  const cap = Math.min(t.capBand, t.capTrade, t.capFunds, t.capDaily);
  if (Math.abs(qty - cap) > edgeTolerance(t, state, cfg, today)) return qty <= cap;
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
