import type { DailyBar } from './MarketData';

/** Both dates included, ISO `YYYY-MM-DD` exchange dates. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * The cache of a provider's daily history (SPEC 5 "the provider's history (cached in SQLite)"). Public
 * market data with no owner, so it is not scoped by tenant (docs/adr/0004). `source` names the provider
 * ('yahoo'…): bars of two providers never mix.
 *
 * Bars alone cannot tell a holiday, or a day the provider lacks, from a day never asked for, so the cache
 * also keeps the date ranges it has fetched: a range inside them is answered without the provider.
 */
export interface PriceHistoryRepository {
  /** Cached bars with a date in [fromDate, toDate], ascending; `volume` is NaN where unknown. */
  listBars(symbol: string, source: string, fromDate: string, toDate: string): DailyBar[];
  /** The ranges already fetched: ascending, merged (none overlap or touch). */
  coveredRanges(symbol: string, source: string): DateRange[];
  /**
   * In one transaction: stores `bars` (a cached bar of the same date is replaced) and records `range`
   * as fetched, merged with the ranges it overlaps or touches. Bars outside `range` are a bug.
   */
  saveFetched(
    symbol: string,
    source: string,
    range: DateRange,
    bars: readonly DailyBar[],
    fetchedAt: number,
  ): void;
  /** Symbols with cached bars from `source`, sorted. */
  listSymbols(source: string): string[];
}
