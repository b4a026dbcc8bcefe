import { growthIndex, timeWeightedReturns } from '../accounting/Returns';
import { alertTransition, type AlertTransition } from './RiskRules';

/**
 * Risk alerts (SPEC 9): the drawdown of the portfolio or of a position past a threshold, the VaR past a
 * limit — once per crossing. Each figure is compared with its threshold at each check; a check that
 * finds it past while the previous one did not is a crossing (alert), one that finds it back inside
 * re-arms the alert. The previous state is the last `RiskAlert` of that figure in the event log, so a
 * restart or a replay neither repeats nor loses an alert (docs/adr/0135).
 *
 * Figures are positive fractions: a drawdown of 0.12 is 12 % below the peak; the VaR is the 1-day
 * historical VaR at 99 % as a share of equity. A figure is past its threshold when it is at or beyond
 * it (≥), as a price exactly on a stop fires it.
 */

export const RISK_ALERT_KINDS = ['portfolio_drawdown', 'position_drawdown', 'var'] as const;
export type RiskAlertKind = (typeof RISK_ALERT_KINDS)[number];

/** One figure to compare with its threshold. */
export interface AlertCheck {
  kind: RiskAlertKind;
  /** The position of a position drawdown; null for the portfolio's figures. */
  positionId: string | null;
  symbol: string | null;
  /** The figure now (a positive fraction), or null when it cannot be measured (no history yet). */
  value: number | null;
  /** The threshold (a positive fraction), or null when the alert is off. */
  threshold: number | null;
  /** The session (close) the figure is of. */
  asOf: string;
}

/** Whether a figure is past its threshold; an unmeasurable figure or an alert that is off is not. */
export function isPast(check: Pick<AlertCheck, 'value' | 'threshold'>): boolean {
  return check.threshold !== null && check.value !== null && check.value >= check.threshold;
}

/**
 * What a check means given the previous state: 'crossed' (alert), 'cleared' (re-armed: back inside,
 * or the alert turned off while it was past), 'none'. An unmeasurable figure keeps the previous state.
 */
export function alertStep(check: AlertCheck, wasPast: boolean): AlertTransition {
  if (check.value === null && check.threshold !== null) return 'none';
  return alertTransition(wasPast, isPast(check));
}

/** The key a figure's state is kept under: one per kind and position of a portfolio. */
export function alertKey(portfolioId: string | null, kind: RiskAlertKind, positionId: string | null): string {
  return `${portfolioId ?? ''}|${kind}|${positionId ?? ''}`;
}

/**
 * The drawdown at the last session close, as a positive fraction: how far the time-weighted growth
 * index (SPEC 8: deposits and withdrawals are not gains or losses) is below its running peak. Null
 * with fewer than one session. `equityCents` and `dayFlowCents` one per session, oldest first.
 */
export function drawdownNow(equityCents: readonly number[], dayFlowCents: readonly number[]): number | null {
  if (equityCents.length === 0) return null;
  const index = growthIndex(timeWeightedReturns(equityCents, dayFlowCents));
  let peak = -Infinity;
  for (const g of index) if (g > peak) peak = g;
  const last = index[index.length - 1] as number;
  return peak > 0 ? Math.max(0, 1 - last / peak) : null;
}
