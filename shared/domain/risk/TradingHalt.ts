import type { EventPayloads } from '../DomainEvent';

/**
 * Whether a portfolio may trade, derived from its own facts (SPEC 9): the log's `TradingHalted` and
 * `TradingResumed` events, oldest first. Nothing else stores it, so a restart or a crash cannot lose
 * or invent a halt (docs/adr/0130).
 * - The circuit breaker (`max_drawdown`, scope all) holds until a `TradingResumed` follows it.
 * - The daily loss stop (`daily_loss_stop`, scope buys) holds for the rest of its session: it lapses
 *   by itself at the next session.
 * A halt fact is a `TradingHalted` event's payload with its time.
 */
export type HaltFact = { kind: 'TradingHalted'; ts: number } & EventPayloads['TradingHalted'];

export interface ResumeFact {
  kind: 'TradingResumed';
  ts: number;
  /** The exchange date of the resume. */
  session: string;
  equityCents: number | null;
}

export type HaltHistoryFact = HaltFact | ResumeFact;

export interface PortfolioHalt {
  /** The circuit breaker's halt in force (no new orders at all), or null. */
  halted: HaltFact | null;
  /** The daily loss stop in force this session (no new buys), or null. */
  buysBlocked: HaltFact | null;
  /** The last resume: the drawdown is measured from it on. */
  lastResume: ResumeFact | null;
}

export function haltStateOf(facts: readonly HaltHistoryFact[], today: string): PortfolioHalt {
  let halted: HaltFact | null = null;
  let buysBlocked: HaltFact | null = null;
  let lastResume: ResumeFact | null = null;
  for (const f of facts) {
    if (f.kind === 'TradingResumed') {
      halted = null;
      lastResume = f;
    } else if (f.reason === 'max_drawdown') halted = f;
    else if (f.session === today) buysBlocked = f;
  }
  return { halted, buysBlocked, lastResume };
}

/** What the tick may do for a portfolio: everything, sells only, or nothing. */
export type TradingAllowed = 'all' | 'sells' | 'none';

export function tradingAllowed(state: PortfolioHalt): TradingAllowed {
  if (state.halted !== null) return 'none';
  return state.buysBlocked !== null ? 'sells' : 'all';
}

/** A portfolio's equity at a session close (SPEC 8 equity history), with its cumulative external flows. */
export interface EquityClose {
  date: string;
  equityCents: number;
  /** Cumulative net deposits (deposits − withdrawals) up to that close. */
  flowsCents: number;
}

export interface EquityReferences {
  /** Equity at the previous session's close, flows since then added back; null without one. */
  previousCloseCents: number | null;
  /** Highest close equity (flows since each close added back) since the last resume, or its equity. */
  peakCents: number | null;
}

/**
 * The two references of SPEC 9's portfolio rules from the equity history, closes before `today` only.
 * Money the investor moved in or out since a close is not a gain or a loss: each close is compared as
 * if that flow had already been there (close equity + flows since). After a resume the peak starts again
 * from the equity at the resume (else the breaker would fire again at once): closes of the resume's
 * session and later count, earlier ones do not.
 */
export function equityReferences(
  closes: readonly EquityClose[],
  today: string,
  flowsNowCents: number,
  lastResume: ResumeFact | null,
): EquityReferences {
  let previous: EquityClose | null = null;
  let peak: number | null = lastResume?.equityCents ?? null;
  for (const c of closes) {
    if (c.date >= today) break;
    previous = c;
    if (lastResume !== null && c.date < lastResume.session) continue;
    const adjusted = c.equityCents + (flowsNowCents - c.flowsCents);
    if (peak === null || adjusted > peak) peak = adjusted;
  }
  return {
    previousCloseCents:
      previous === null ? null : previous.equityCents + (flowsNowCents - previous.flowsCents),
    peakCents: peak,
  };
}
