import type { Violation } from '../domain/risk/OrderValidator';
import { formatCount, formatDollars, formatPercent, formatShares } from './Format';

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
