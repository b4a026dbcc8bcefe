import type { RiskConfig } from './RiskConfig';

/**
 * The risk manager's rules (SPEC 9), pure: the live loop and the simulation call these same functions
 * with what they know (a quote or a bar's close; equity now, at the previous close and at its peak).
 * Each rule is off while its limit is null. Comparisons are ≤: a price exactly on the stop fires it,
 * as a price exactly on a trigger threshold does (SPEC 2.3).
 */

export type RiskExitReason = 'position_stop' | 'trailing_stop';
/** Why trading stopped: the daily loss stop (buys, this session) or the circuit breaker (all, until resumed). */
export type HaltReason = 'daily_loss_stop' | 'max_drawdown';

/** What one position needs for its stops. */
export interface StopInput {
  /** Shares held; nothing to stop without shares. */
  qty: number;
  /** The price the position is valued at now. */
  price: number;
  /** Average cost per share of the shares held (cost basis / qty), or null when unknown. */
  averageCost: number | null;
  /** Highest close since the position was opened (the current price counts once it closes), or null. */
  highestClose: number | null;
}

export interface StopDecision {
  reason: RiskExitReason;
  /** The price at or below which the stop fires. */
  stopPrice: number;
  /** Sell everything held: a stop never sells more than that. */
  qty: number;
}

/**
 * The position stop (price ≤ average cost × (1 − stop)) is checked first, then the trailing stop
 * (price ≤ highest close × (1 − trail)). Null when neither fires or there is nothing held.
 */
export function checkStops(
  input: StopInput,
  limits: Pick<RiskConfig, 'positionStopPct' | 'trailingStopPct'>,
): StopDecision | null {
  if (!(input.qty > 0)) return null;
  const stop = limits.positionStopPct;
  if (stop !== null && input.averageCost !== null && input.averageCost > 0) {
    const stopPrice = input.averageCost * (1 - stop);
    if (input.price <= stopPrice) return { reason: 'position_stop', stopPrice, qty: input.qty };
  }
  const trail = limits.trailingStopPct;
  if (trail !== null && input.highestClose !== null && input.highestClose > 0) {
    const stopPrice = input.highestClose * (1 - trail);
    if (input.price <= stopPrice) return { reason: 'trailing_stop', stopPrice, qty: input.qty };
  }
  return null;
}

/** The portfolio's equity now and the two references the portfolio rules compare it with. */
export interface PortfolioRiskInput {
  equity: number;
  /** Equity at the previous session's close, or null (no close yet). */
  previousCloseEquity: number | null;
  /** Highest equity at a session close so far (the current equity counts too), or null. */
  peakEquity: number | null;
}

export interface PortfolioRiskDecision {
  /** Daily loss stop: no new buys for the rest of the session. */
  noNewBuys: boolean;
  /** Max-drawdown circuit breaker: the whole portfolio halts until the user resumes it. */
  halt: boolean;
  /** equity / previous close − 1 and equity / peak − 1 (fractions, ≤ 0 when down), null when unknown. */
  dayChange: number | null;
  drawdown: number | null;
}

export function checkPortfolio(
  input: PortfolioRiskInput,
  limits: Pick<RiskConfig, 'dailyLossLimitPct' | 'maxDrawdownPct'>,
): PortfolioRiskDecision {
  const prev = input.previousCloseEquity;
  const peak = input.peakEquity === null ? null : Math.max(input.peakEquity, input.equity);
  const dayChange = prev !== null && prev > 0 ? input.equity / prev - 1 : null;
  const drawdown = peak !== null && peak > 0 ? input.equity / peak - 1 : null;
  const noNewBuys =
    limits.dailyLossLimitPct !== null &&
    prev !== null &&
    prev > 0 &&
    input.equity <= prev * (1 - limits.dailyLossLimitPct);
  const halt =
    limits.maxDrawdownPct !== null &&
    peak !== null &&
    peak > 0 &&
    input.equity <= peak * (1 - limits.maxDrawdownPct);
  return { noNewBuys, halt, dayChange, drawdown };
}

/**
 * How far a figure is from the limit that would fire, as a fraction of the reference: "2.3 % above the
 * daily loss stop" is distance 0.023. Negative when past it; null when the limit is off or unknown.
 */
export function distanceToLimit(change: number | null, limit: number | null): number | null {
  if (change === null || limit === null) return null;
  return change + limit;
}

/**
 * Alerts fire once per crossing (SPEC 9): `past` is whether the figure is past its threshold now,
 * `wasPast` whether it was at the previous check. A crossing into the zone alerts; staying there does
 * not; coming back re-arms it.
 */
export type AlertTransition = 'crossed' | 'cleared' | 'none';

export function alertTransition(wasPast: boolean, past: boolean): AlertTransition {
  if (past && !wasPast) return 'crossed';
  if (!past && wasPast) return 'cleared';
  return 'none';
}
