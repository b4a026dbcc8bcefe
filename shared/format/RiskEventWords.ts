import type { EventPayloads } from '../domain/DomainEvent';
import { formatMoney, formatPercent, formatPercentSetting, formatPrice, formatShares } from './Format';

/**
 * The risk manager's events in words (SPEC 9), through the one formatter: the event log's summary,
 * the notifications and the Dashboard's halt banner all say the same sentence.
 */

const STOP_NAMES = { position_stop: 'position stop', trailing_stop: 'trailing stop' } as const;
const HALT_NAMES = {
  daily_loss_stop: 'daily loss stop',
  max_drawdown: 'max-drawdown circuit breaker',
} as const;

export function riskExitTitle(p: EventPayloads['RiskExit'], symbol: string | null): string {
  return `Risk exit: ${STOP_NAMES[p.reason]} sold ${formatShares(p.qty)}${symbol ? ` of ${symbol}` : ''}`;
}

/** Why a stop fired: the price, the stop and what the stop is measured from. */
export function riskExitWhy(p: EventPayloads['RiskExit']): string {
  const from = p.reason === 'position_stop' ? 'average cost' : 'highest close';
  return `${formatPrice(p.price)} is at or below the ${STOP_NAMES[p.reason]} ${formatPrice(p.stopPrice)} (${from} ${formatPrice(p.reference)} − ${formatPercentSetting(p.limitPct)})`;
}

export function riskExitWords(p: EventPayloads['RiskExit']): string {
  return `Risk exit (${STOP_NAMES[p.reason]}): selling ${formatShares(p.qty)} at about ${formatPrice(p.price)}; ${riskExitWhy(p)}. The position is paused and its anchor unset when the sale fills.`;
}

export function haltTitle(p: EventPayloads['TradingHalted']): string {
  return p.scope === 'all'
    ? 'Trading halted: max-drawdown circuit breaker'
    : 'No new buys today: daily loss stop';
}

/** The halt's reason with its figures: "equity $9,000.00 is 10.00 % below the peak $10,000.00 (limit 10 %)". */
export function haltWhy(p: EventPayloads['TradingHalted']): string {
  const change = p.referenceCents > 0 ? p.equityCents / p.referenceCents - 1 : null;
  const ref = p.reason === 'max_drawdown' ? 'the peak' : "the previous session's close";
  return `equity ${formatMoney(p.equityCents)} is ${formatPercent(change === null ? null : Math.abs(change))} below ${ref} ${formatMoney(p.referenceCents)} (the ${HALT_NAMES[p.reason]} is ${formatPercentSetting(p.limitPct)})`;
}

export function haltWords(p: EventPayloads['TradingHalted']): string {
  return p.scope === 'all'
    ? `Trading halted by the ${HALT_NAMES[p.reason]}: ${haltWhy(p)}. No new orders until you resume.`
    : `No new buys for the rest of the session (${HALT_NAMES[p.reason]}): ${haltWhy(p)}.`;
}

export function resumeWords(p: EventPayloads['TradingResumed']): string {
  const equity =
    p.equityCents === null ? '' : `; the drawdown is measured again from ${formatMoney(p.equityCents)}`;
  return `Trading resumed by ${p.by} after the ${HALT_NAMES[p.reason]}${p.why ? ` (${p.why})` : ''}${equity}`;
}
