import { REASON_TEXT, type ReasonCode } from '../domain/ReasonCode';
import { formatMoney, formatPrice, formatShares } from './Format';

/**
 * A simulation's risk events in words (issue 17, ADR 0155), through the one formatter: the results
 * view, the HTML/PDF/CSV/XLSX reports and the events table say the same sentence (the live log's are
 * RiskEventWords.ts).
 */
export const SIM_RISK_EVENT_TITLES = {
  position_stop: 'Position stop exit',
  trailing_stop: 'Trailing stop exit',
  rejected: 'Rejected by the order validator',
  daily_loss_stop: 'Daily loss stop',
  max_drawdown: 'Max-drawdown circuit breaker',
} as const;

/** What the risk manager or the validator did (a stop's exit, a refused order, a halt of the portfolio). */
export type SimRiskEventKind = keyof typeof SIM_RISK_EVENT_TITLES;

/** The figures of a risk event (shared/simulation/riskEvents.ts SimRiskEvent has these and more). */
export interface SimRiskEventFacts {
  kind: SimRiskEventKind;
  /** Shares sold by a stop or refused. */
  qty: number | null;
  /** Fill price of a stop exit, the decision price of a rejection. */
  price: number | null;
  /** A stop exit's notional, a halt's portfolio equity; cents. */
  amountCents: number | null;
  /** A rejection's validator codes. */
  codes: readonly ReasonCode[];
}

/** A halt of the run: the words of a `TradingHalted` sim event (equity in cents). */
export function simHaltWords(reason: 'daily_loss_stop' | 'max_drawdown', equityCents: number | null): string {
  return reason === 'max_drawdown'
    ? `Trading halted by the max-drawdown circuit breaker at equity ${formatMoney(equityCents)}: no order for the rest of the run`
    : `Daily loss stop at equity ${formatMoney(equityCents)}: no new buys for the rest of the session`;
}

/** What happened, with its figures: "sold 120 shares at $41.20 ($4,944.00); the position is paused". */
export function simRiskEventWords(e: SimRiskEventFacts): string {
  switch (e.kind) {
    case 'position_stop':
    case 'trailing_stop':
      return `${REASON_TEXT[e.kind]}: sold ${formatShares(e.qty)} at ${formatPrice(e.price)} (${formatMoney(e.amountCents)}); the position is paused, its anchor unset`;
    case 'rejected':
      return `${e.codes.map((c) => REASON_TEXT[c]).join('; ')} (${formatShares(e.qty)} at ${formatPrice(e.price)})`;
    case 'daily_loss_stop':
    case 'max_drawdown':
      return simHaltWords(e.kind, e.amountCents);
  }
}
