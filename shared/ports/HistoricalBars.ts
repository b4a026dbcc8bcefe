/**
 * History of prices, behind one port (SPEC 5 "Input"): the bundled dataset, a CSV the user imported,
 * the provider's history cached in SQLite, and the live loop's own quote log all answer the same call,
 * `getBars(symbol, fromDate, toDate, interval)`. The simulation reads through this port only.
 */

/** Bar lengths the app knows; '1d' is one exchange session. */
export const BAR_INTERVALS = ['1d', '1h', '30m', '15m', '5m', '1m'] as const;
export type BarInterval = (typeof BAR_INTERVALS)[number];

const INTERVAL_MS: Record<BarInterval, number> = {
  '1d': 86_400_000,
  '1h': 3_600_000,
  '30m': 1_800_000,
  '15m': 900_000,
  '5m': 300_000,
  '1m': 60_000,
};

export function intervalMs(interval: BarInterval): number {
  return INTERVAL_MS[interval];
}

export function isIntraday(interval: BarInterval): boolean {
  return interval !== '1d';
}

/**
 * One symbol's bars, oldest first, as columns (one typed array per field) so a replay of decades of
 * bars reads contiguous numbers and allocates nothing per bar. A price's exact value is the shortest
 * text of its number, which equals the source's decimal text (SPEC 2.10 "Exact values").
 */
export interface BarSeries {
  readonly symbol: string;
  readonly interval: BarInterval;
  /**
   * Bar start, epoch ms. For daily bars this is 00:00 UTC of the session date: a label that sorts and
   * aligns sessions, not the instant trading started.
   */
  readonly time: Float64Array;
  /** The exchange session date of each bar (`YYYY-MM-DD`, New York); several intraday bars share one. */
  readonly session: readonly string[];
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  /** Shares traded; NaN where the source has no volume (a volume cap then cannot be applied). */
  readonly volume: Float64Array;
  /** Where the bars came from, for reports: 'bundled', 'csv:<file>', 'provider:yahoo', 'quote-log'. */
  readonly source: string;
}

export type BarsFailureCode =
  'UNKNOWN_SYMBOL' | 'NO_DATA' | 'UNSUPPORTED_INTERVAL' | 'INVALID_RANGE' | 'SOURCE_ERROR';

export type BarsResult =
  { ok: true; bars: BarSeries } | { ok: false; code: BarsFailureCode; message: string };

export interface HistoricalBarSource {
  /** For reports and error messages. */
  readonly name: string;
  /** Symbols this source can answer for (without loading their bars). */
  listSymbols(): Promise<string[]>;
  /**
   * Bars whose session date lies in [fromDate, toDate] (ISO dates, both included). An empty answer is
   * `NO_DATA`, never an empty series, so every caller gets at least one bar or a clear failure.
   */
  getBars(symbol: string, fromDate: string, toDate: string, interval: BarInterval): Promise<BarsResult>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the request's own arguments; sources call it first so every source words these errors alike. */
export function checkBarRequest(
  symbol: string,
  fromDate: string,
  toDate: string,
): { ok: true } | { ok: false; code: 'INVALID_RANGE'; message: string } {
  if (symbol.trim() === '') return { ok: false, code: 'INVALID_RANGE', message: 'symbol is empty' };
  for (const [name, value] of [
    ['from', fromDate],
    ['to', toDate],
  ] as const) {
    if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      return {
        ok: false,
        code: 'INVALID_RANGE',
        message: `${name} date "${value}" is not an ISO date (YYYY-MM-DD)`,
      };
    }
  }
  if (fromDate > toDate) {
    return { ok: false, code: 'INVALID_RANGE', message: `from date ${fromDate} is after to date ${toDate}` };
  }
  return { ok: true };
}

/** The bars of `series` whose session lies in [fromDate, toDate]; views share the series' memory. */
export function sliceBarsBySession(series: BarSeries, fromDate: string, toDate: string): BarSeries | null {
  const start = lowerBound(series.session, fromDate);
  const end = lowerBound(series.session, toDate + '\uffff');
  if (end <= start) return null;
  return {
    symbol: series.symbol,
    interval: series.interval,
    time: series.time.subarray(start, end),
    session: series.session.slice(start, end),
    open: series.open.subarray(start, end),
    high: series.high.subarray(start, end),
    low: series.low.subarray(start, end),
    close: series.close.subarray(start, end),
    volume: series.volume.subarray(start, end),
    source: series.source,
  };
}

/** First index whose entry is ≥ `key` in an ascending array (its length when none is). */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
