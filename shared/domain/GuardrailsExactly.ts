import type { CommissionSnapshot } from './Commission';
import type { GuardrailConfig, OrderPolicyConfig } from './Config';
import type { DailyActivity } from './DailyActivity';
import type { Side } from './DomainEvent';
import { ExactRatio } from './ExactRatio';
import type { GuardrailTrace } from './GuardrailTrace';
import { exactPositionValue } from './OrderSizing';
import { floorExactlyToGrid } from './QuantityRounding';
import type { PositionState } from './Position';
import type { ReasonCode } from './ReasonCode';

/** The guardrails' caps of rules 1–4 as exact quotients (SPEC 2.5, 2.10), or the band's block. */
export interface ExactCaps {
  blocked: ReasonCode | null;
  band: ExactRatio;
  maxTrade: ExactRatio;
  funds: ExactRatio;
  /** Null: no daily notional limit. */
  daily: ExactRatio | null;
}

export interface ExactCapInputs {
  guardrails: GuardrailConfig;
  commission: CommissionSnapshot;
}

/**
 * The caps of rules 1–4 on the decimal texts of the inputs, with the formulas the float rules use
 * (GuardrailEvaluator): the band cap of a buy the lower of the rate and minimum-commission bounds, a
 * sell's the looser; the funds cap of a buy the same pair on the cash. ADR 0070.
 */
export function exactCaps(
  state: PositionState,
  side: Side,
  price: number,
  cfg: ExactCapInputs,
  today: DailyActivity,
): ExactCaps {
  const g = cfg.guardrails;
  const p = ExactRatio.of(price);
  const stock = ExactRatio.of(state.qty).times(p);
  const value = exactPositionValue(state, price);
  const k = ExactRatio.of(cfg.commission.rate);
  const m = ExactRatio.cents(cfg.commission.minimumCents);
  const hi = ExactRatio.of(g.maxStockPct);
  const lo = ExactRatio.of(g.minStockPct);
  const one = ExactRatio.of(1);
  // The float rules read the allocation as 0 when V ≤ 0.
  const positive = value.sign() > 0;
  let blocked: ReasonCode | null = null;
  if (side === 'BUY' && (positive ? stock.cmp(hi.times(value)) >= 0 : hi.sign() <= 0))
    blocked = 'band_blocked_above_max';
  if (side === 'SELL' && (positive ? stock.cmp(lo.times(value)) <= 0 : lo.sign() >= 0))
    blocked = 'band_blocked_below_min';
  let band: ExactRatio;
  if (side === 'BUY') {
    const budget = hi.times(value).minus(stock);
    band = budget.div(p.times(one.plus(hi.times(k)))).min(budget.minus(hi.times(m)).div(p));
  } else {
    const byMinimum = stock.minus(lo.times(value.minus(m))).div(p);
    const rateDen = one.minus(lo.times(k));
    band = rateDen.sign() > 0 ? stock.minus(lo.times(value)).div(p.times(rateDen)).max(byMinimum) : byMinimum;
  }
  const maxTrade = ExactRatio.of(g.maxTradePctOfPosition).times(value).div(p);
  const cash = ExactRatio.cents(state.cashCents);
  const funds =
    side === 'BUY' ? cash.div(p.times(one.plus(k))).min(cash.minus(m).div(p)) : ExactRatio.of(state.qty);
  const daily =
    g.maxDailyNotional === null
      ? null
      : ExactRatio.of(g.maxDailyNotional).minus(ExactRatio.cents(today.notionalTodayCents)).div(p);
  return { blocked, band, maxTrade, funds, daily };
}

/** The tightest of the caps of rules 1–4. */
export function exactCapOfRules(caps: ExactCaps): ExactRatio {
  const m = caps.band.min(caps.maxTrade).min(caps.funds);
  return caps.daily === null ? m : m.min(caps.daily);
}

/**
 * SPEC 2.5 rules 1–5 on exact quotients, into the trace, for an evaluation whose float quantities came
 * within rounding distance of a grid point, a cap, zero or the band's edge (ADR 0070). The same rules in
 * the same order as the float path; a trim is recorded only when the exact quantity is above the cap,
 * and `qty_rounded` only when the exact quantity is off the grid. 'NEXT': the order goes on to the
 * funds check and the minimums with `t.qty` on the grid.
 */
export function rulesOneToFiveExactly(
  t: GuardrailTrace,
  state: PositionState,
  cfg: ExactCapInputs & { orderPolicy: OrderPolicyConfig },
  today: DailyActivity,
): 'HOLD' | 'NEXT' {
  const caps = exactCaps(state, t.side, t.price, cfg, today);
  t.capOfRules = exactCapOfRules(caps).toNumber();
  if (caps.blocked !== null) return hold(t, caps.blocked);
  const raw = t.exactRaw === null ? ExactRatio.of(t.proposedQty) : t.exactRaw();
  // Sizing's quotient is signed; the side carries the sign.
  let x = raw.sign() < 0 ? raw.negated() : raw;
  const trim = (cap: ExactRatio, reason: ReasonCode): void => {
    if (x.sign() > 0 && x.cmp(cap) > 0) {
      x = cap.sign() > 0 ? cap : ExactRatio.of(0);
      t.change(x.toNumber(), reason);
    }
  };
  trim(caps.band, 'band_trim');
  trim(caps.maxTrade, 'max_trade_trim');
  trim(caps.funds, t.side === 'BUY' ? 'cash_trim' : 'holdings_trim');
  const g = cfg.guardrails;
  if (g.maxOrdersPerDay !== null && today.ordersToday >= g.maxOrdersPerDay)
    return hold(t, 'max_orders_per_day');
  if (caps.daily !== null) trim(caps.daily, 'daily_notional_trim');
  if (x.sign() <= 0) return hold(t, 'zero_qty');

  const grid = floorExactlyToGrid(x, cfg.orderPolicy.qtyStep, cfg.orderPolicy.lotSize);
  const rounded = grid.toNumber();
  if (grid.cmp(x) !== 0) t.change(rounded, 'qty_rounded');
  else t.qty = rounded;
  return 'NEXT';
}

function hold(t: GuardrailTrace, reason: ReasonCode): 'HOLD' {
  t.addReason(reason);
  t.qty = 0;
  return 'HOLD';
}
