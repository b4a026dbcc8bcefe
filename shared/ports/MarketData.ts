import type { Quote } from '../domain/Quote';

/**
 * Market data behind one port (SPEC 4.1, 4.3, 7): live quotes for the 5-minute tick, and history
 * (daily bars, dividends, splits) for the dividend jobs and charts. The live loop, the offline demo and
 * the tests differ only in the adapter they are given (Yahoo, replay of the bundled dataset, a script).
 * Dates are exchange dates, ISO `YYYY-MM-DD`; instants are epoch milliseconds.
 */

/** Why a symbol got no quote: the orchestrator holds it with reason `provider_error` in every case. */
export type QuoteFailureKind = 'timeout' | 'provider_error' | 'not_found' | 'circuit_open';

/**
 * One symbol's answer. A quote is passed on as the provider gave it: a missing, zero or NaN price is
 * null here and the domain's price policy turns it into `invalid_quote`; an old one, `stale_quote`.
 * `marketState` is the provider's own session label (Yahoo: REGULAR, PRE, POST, CLOSED…), for display;
 * the orchestrator decides the session from the calendar.
 */
export type QuoteResult =
  { ok: true; quote: Quote; marketState?: string } | { ok: false; error: string; kind: QuoteFailureKind };

export interface QuoteRequestOptions {
  /** Upper bound on the whole call; symbols still unanswered then come back as `timeout`. */
  timeoutMs: number;
}

export interface DividendInfo {
  symbol: string;
  exDate: string;
  /** Null when the provider does not say; the ex-date is used then (SPEC 4.3). */
  payDate: string | null;
  amountPerShare: number;
  /** ISO 4217, e.g. 'USD'. */
  currency: string;
  /** Withholding fraction the announcement states; null = the position's or tenant's default. */
  withholdingTaxPct: number | null;
  /** Where the record came from, e.g. 'yahoo', 'bundled', 'scripted'. */
  source: string;
}

export interface SplitInfo {
  symbol: string;
  effectiveDate: string;
  /** New shares per old share: 4 for a 4:1 split, 0.125 for a 1:8 reverse split (as `applySplit` takes it). */
  ratio: number;
  source: string;
}

export interface DailyBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Shares traded; NaN when the provider does not say. */
  volume: number;
}

export type CircuitState = 'closed' | 'open' | 'half_open';

/** What the UI shows about a provider (SPEC 7). Times are epoch ms on the adapter's clock. */
export interface ProviderHealth {
  provider: string;
  /** `open`: calls fail fast as `circuit_open` until nextRetryAt; `half_open`: one trial call is under way. */
  circuit: CircuitState;
  lastSuccessAt: number | null;
  lastError: { at: number; message: string } | null;
  /** When an open circuit lets the next trial call through; null unless open. */
  nextRetryAt: number | null;
  consecutiveFailures: number;
}

/**
 * How `getDividends`, `getSplits` and `getDailyBars` fail: they reject with this error, whose kind says
 * whether trying again later can help (`not_found` will not).
 */
export class MarketDataError extends Error {
  override readonly name = 'MarketDataError';
  constructor(
    readonly kind: QuoteFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface MarketDataPort {
  /** Provider name for logs, events and the health panel, e.g. 'yahoo', 'replay', 'scripted'. */
  readonly name: string;
  /**
   * Quotes for every requested symbol in one batched call that returns within `timeoutMs`. It never
   * rejects: each distinct requested symbol gets an entry, keyed as requested, and a failure or hang
   * for one symbol never delays the others beyond the timeout.
   */
  getQuotes(symbols: readonly string[], opts: QuoteRequestOptions): Promise<ReadonlyMap<string, QuoteResult>>;
  /** Cash dividends with an ex-date in [fromDate, toDate], ascending. Rejects with {@link MarketDataError}. */
  getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendInfo[]>;
  /** Splits effective in [fromDate, toDate], ascending. Rejects with {@link MarketDataError}. */
  getSplits(symbol: string, fromDate: string, toDate: string): Promise<SplitInfo[]>;
  /** Daily bars of the sessions in [fromDate, toDate], ascending. Rejects with {@link MarketDataError}. */
  getDailyBars(symbol: string, fromDate: string, toDate: string): Promise<DailyBar[]>;
  health(): ProviderHealth;
}
