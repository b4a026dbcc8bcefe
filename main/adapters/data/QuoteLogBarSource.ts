import { DateTime } from 'luxon';
import {
  exchangeDateOf,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  sessionHours,
  US_EQUITY_TIME_ZONE,
} from '../../../shared/domain/calendar';
import type {
  BarInterval,
  BarSeries,
  BarsResult,
  HistoricalBarSource,
} from '../../../shared/ports/HistoricalBars';
import { intervalMs } from '../../../shared/ports/HistoricalBars';
import type { QuoteLogEntry, QuoteLogRepository } from '../../../shared/ports/QuoteLogRepository';
import { checkSymbolRequest } from './symbols';

export interface QuoteLogBarSourceOptions {
  /** Whose quotes: null (default) = the shared log the live loop writes; a tenant id = that tenant's own. */
  scope?: string | null;
  /** Symbols with logged quotes, for `listSymbols` (the quote-log port has no listing); none by default. */
  symbols?: () => readonly string[];
  /**
   * Quotes of the extended sessions make bars too. Off by default: the live loop trades the regular
   * session unless the investor allows extended hours, and a replay should see what it would have.
   */
  includeExtendedHours?: boolean;
}

/**
 * Bars made from the live loop's own quote log (SPEC 7: the provider keeps only weeks of 5-minute bars,
 * so the investor builds their own intraday history and can simulate on it). Each quote's last price
 * falls in the bar of its interval: open = first, high = max, low = min, close = last. Bars are aligned
 * on the regular session's open (09:30 New York, so hourly bars are 09:30–10:30…); a daily bar is one
 * session. The session date is the exchange date of the quote (`exchangeDateOf`). Quotes carry no
 * volume, so volume is NaN (a volume cap cannot be applied). An interval without a quote has no bar.
 */
export class QuoteLogBarSource implements HistoricalBarSource {
  readonly name = 'quote-log';
  private readonly scope: string | null;

  constructor(
    private readonly quotes: Pick<QuoteLogRepository, 'list'>,
    private readonly options: QuoteLogBarSourceOptions = {},
  ) {
    this.scope = options.scope ?? null;
  }

  async listSymbols(): Promise<string[]> {
    return [...(this.options.symbols?.() ?? [])].sort();
  }

  async getBars(
    symbol: string,
    fromDate: string,
    toDate: string,
    interval: BarInterval,
  ): Promise<BarsResult> {
    const request = checkSymbolRequest(symbol, fromDate, toDate);
    if (!request.ok) return request;
    const sym = request.symbol;
    // The calendar (and so every logged quote) lies in its supported years: clamp the range to them.
    const from = fromDate < `${FIRST_SUPPORTED_YEAR}-01-01` ? `${FIRST_SUPPORTED_YEAR}-01-01` : fromDate;
    const to = toDate > `${LAST_SUPPORTED_YEAR}-12-30` ? `${LAST_SUPPORTED_YEAR}-12-30` : toDate;
    const entries =
      from > to ? [] : this.quotes.list(this.scope, sym, exchangeMidnight(from), exchangeMidnight(to, 1));
    const series = aggregate(sym, entries, interval, this.options.includeExtendedHours ?? false);
    if (series === null) {
      return {
        ok: false,
        code: 'NO_DATA',
        message: `the quote log has no ${this.options.includeExtendedHours ? '' : 'regular-session '}quote of ${sym} from ${fromDate} to ${toDate}`,
      };
    }
    return { ok: true, bars: series };
  }
}

/** 00:00 in New York of `date` plus `days`, epoch ms. */
function exchangeMidnight(date: string, days = 0): number {
  return DateTime.fromISO(date, { zone: US_EQUITY_TIME_ZONE }).startOf('day').plus({ days }).toMillis();
}

/** OHLC bars of the quotes' last prices (quotes oldest first); null when no quote makes a bar. */
export function aggregate(
  symbol: string,
  entries: readonly QuoteLogEntry[],
  interval: BarInterval,
  includeExtendedHours: boolean,
): BarSeries | null {
  const ms = intervalMs(interval);
  const time: number[] = [];
  const session: string[] = [];
  const open: number[] = [];
  const high: number[] = [];
  const low: number[] = [];
  const close: number[] = [];
  let current = Number.NaN;
  for (const e of entries) {
    const price = e.last;
    if (price === null || !Number.isFinite(price) || price <= 0 || !Number.isFinite(e.ts)) continue;
    const date = exchangeDateOf(e.ts);
    const hours = sessionHours(date);
    if (hours === null) continue;
    const [start, end] = includeExtendedHours
      ? [hours.extendedOpen, hours.extendedClose]
      : [hours.regularOpen, hours.regularClose];
    if (e.ts < start || e.ts >= end) continue;
    const bucket =
      interval === '1d'
        ? Date.parse(`${date}T00:00:00Z`)
        : hours.regularOpen + Math.floor((e.ts - hours.regularOpen) / ms) * ms;
    const last = time.length - 1;
    if (bucket === current) {
      high[last] = Math.max(high[last] as number, price);
      low[last] = Math.min(low[last] as number, price);
      close[last] = price;
      continue;
    }
    current = bucket;
    time.push(bucket);
    session.push(date);
    open.push(price);
    high.push(price);
    low.push(price);
    close.push(price);
  }
  if (time.length === 0) return null;
  return {
    symbol,
    interval,
    time: Float64Array.from(time),
    session,
    open: Float64Array.from(open),
    high: Float64Array.from(high),
    low: Float64Array.from(low),
    close: Float64Array.from(close),
    volume: new Float64Array(time.length).fill(Number.NaN),
    source: 'quote-log',
  };
}
