import type { Violation } from '../domain/risk/OrderValidator';
import type { RiskAlertKind } from '../domain/risk/RiskAlerts';
import { formatCount, formatDollars, formatPercent, formatPercentSetting, formatShares } from './Format';

/** An order validator's rejection in words (SPEC 9), for the order's detail, notifications and reports. */
export function violationWords(v: Violation): string {
  switch (v.code) {
    case 'RATE_LIMIT_GLOBAL':
      return `this would be order ${formatCount(v.value)} in the last minute; the limit is ${formatCount(v.limit)} a minute`;
    case 'RATE_LIMIT_SYMBOL':
      return `this would be order ${formatCount(v.value)} of the symbol in the last minute; the limit is ${formatCount(v.limit)} a minute`;
    case 'INSUFFICIENT_CAPITAL':
      return v.shares === true
        ? `selling ${formatShares(v.value)} with ${formatShares(v.limit)} held`
        : `the order costs ${formatDollars(v.value)} and the position has ${formatDollars(v.limit)} of cash`;
    case 'POSITION_SIZE_LIMIT':
      return `the position would hold ${formatShares(v.value)}; the limit is ${formatShares(v.limit)}`;
    case 'POSITION_VALUE_LIMIT':
      return `the position would be worth ${formatDollars(v.value)}; the limit is ${formatDollars(v.limit)}`;
    case 'TOTAL_EXPOSURE_LIMIT':
      return `stock would be ${formatPercent(v.value)} of equity; the limit is ${formatPercent(v.limit)}`;
  }
}

/**
 * How far a figure is from the limit that fires, as the Risk page says it: "2.3 % above the daily loss
 * stop", or "0.4 % past the max-drawdown circuit breaker"; "off" when the limit is not set.
 */
export function distanceWords(distance: number | null, limitName: string): string {
  if (distance === null) return `${limitName}: off`;
  if (distance > 0) return `${formatPercent(distance, { digits: 1 })} above the ${limitName}`;
  return `${formatPercent(-distance, { digits: 1 })} past the ${limitName}`;
}

/** Why a stress window has no result, in words (the Risk page, `vb stress`). */
export function stressNoDataWords(why: 'after_as_of' | 'no_history', asOf: string): string {
  return why === 'after_as_of'
    ? `no data for this window: it ends after ${asOf}, the date the holdings are valued at`
    : 'no data for this window: neither the holdings nor the benchmark have closes in it';
}

/** What a risk alert is about: "Portfolio drawdown", "KO drawdown", "VaR (99 %, 1 day)". */
export function alertSubjectWords(kind: RiskAlertKind, symbol: string | null): string {
  switch (kind) {
    case 'portfolio_drawdown':
      return 'Portfolio drawdown';
    case 'position_drawdown':
      return `${symbol ?? 'Position'} drawdown`;
    case 'var':
      return 'VaR (99 %, 1 day)';
  }
}

/**
 * A risk alert in one line: "Portfolio drawdown 12.4 % reached the alert at 10 % (close of 2024-06-03)",
 * "KO drawdown back to 3.1 %, inside the alert at 10 %: the alert is armed again".
 */
export function riskAlertWords(
  p: {
    kind: RiskAlertKind;
    transition: 'crossed' | 'cleared';
    value: number | null;
    threshold: number | null;
    asOf: string;
  },
  symbol: string | null,
): string {
  const what = alertSubjectWords(p.kind, symbol);
  const value = formatPercent(p.value, { digits: 1 });
  const threshold = p.threshold === null ? null : formatPercentSetting(p.threshold);
  const of = p.kind === 'var' ? ' of equity' : '';
  if (p.transition === 'crossed')
    return `${what} ${value}${of} reached the alert at ${threshold ?? 'off'} (close of ${p.asOf})`;
  if (threshold === null) return `${what} alert turned off: armed again when it is set`;
  return `${what} back to ${value}${of}, inside the alert at ${threshold}: the alert is armed again`;
}
