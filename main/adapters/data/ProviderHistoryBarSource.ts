import {
  exchangeDateOf,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  nextTradingDay,
  sessionHours,
} from '../../../shared/domain/calendar';
import type { Clock } from '../../../shared/ports/Clock';
import type {
  BarInterval,
  BarSeries,
  BarsFailureCode,
  BarsResult,
  HistoricalBarSource,
} from '../../../shared/ports/HistoricalBars';
import type { DividendsResult, HistoricalDividendSource } from '../../../shared/ports/HistoricalDividends';
import type { DailyBar, MarketDataPort } from '../../../shared/ports/MarketData';
import { MarketDataError } from '../../../shared/ports/MarketData';
import type { DateRange, PriceHistoryRepository } from '../../../shared/ports/PriceHistoryRepository';
import { checkSymbolRequest } from './symbols';

const DAY_MS = 86_400_000;
/** A session's daily bar is taken as final this long after the close (providers settle it shortly after). */
const SETTLE_AFTER_CLOSE_MS = 60 * 60_000;

/**
 * The market-data provider's daily history (SPEC 5), cached in SQLite: a range asked before is read
 * from the cache; only the dates never fetched are asked of the provider, each missing stretch in one
 * call. Only settled sessions are fetched or cached (a session's bar is final an hour after its close),
 * so today's moving bar never freezes in the cache.
 *
 * When the provider fails, the answer is the cached part if it is one unbroken stretch of the range
 * (its series' `source` says so), otherwise a clear failure; never bars with a hole where the provider
 * failed. Dividends are passed through from the provider, uncached.
 */
export class ProviderHistoryBarSource implements HistoricalBarSource, HistoricalDividendSource {
  readonly name: string;
  private readonly provider: string;
  /** One refresh at a time per symbol: a second request waits and then finds the range cached. */
  private readonly refreshing = new Map<string, Promise<unknown>>();

  constructor(
    private readonly marketData: Pick<MarketDataPort, 'name' | 'getDailyBars' | 'getDividends'>,
    private readonly cache: PriceHistoryRepository,
    private readonly clock: Clock,
  ) {
    this.provider = marketData.name;
    this.name = `provider:${marketData.name}`;
  }

  async listSymbols(): Promise<string[]> {
    return this.cache.listSymbols(this.provider);
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
    if (interval !== '1d') {
      return {
        ok: false,
        code: 'UNSUPPORTED_INTERVAL',
        message: `the provider's history is cached as daily bars only, not ${interval}`,
      };
    }
    const settled = lastSettledDate(this.clock.now());
    const to = toDate < settled ? toDate : settled;
    if (fromDate > to) {
      return {
        ok: false,
        code: 'NO_DATA',
        message: `no session of ${sym} from ${fromDate} to ${toDate} has finished yet (the last settled day is ${settled})`,
      };
    }
    const failures = await this.serialized(sym, () => this.refresh(sym, fromDate, to));
    return failures.length === 0
      ? this.fromCache(sym, fromDate, to)
      : this.cachedPart(sym, fromDate, to, failures);
  }

  async getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendsResult> {
    const request = checkSymbolRequest(symbol, fromDate, toDate);
    if (!request.ok) return request;
    const sym = request.symbol;
    try {
      const infos = await this.marketData.getDividends(sym, fromDate, toDate);
      return {
        ok: true,
        dividends: infos
          .filter((d) => d.exDate >= fromDate && d.exDate <= toDate)
          .map((d) => ({
            symbol: sym,
            exDate: d.exDate,
            payDate: d.payDate,
            amount: d.amountPerShare,
            withholdingPct: d.withholdingTaxPct,
          }))
          .sort((a, b) => (a.exDate < b.exDate ? -1 : a.exDate > b.exDate ? 1 : 0)),
      };
    } catch (err) {
      const kind = err instanceof MarketDataError ? err.kind : 'provider_error';
      return {
        ok: false,
        code: kind === 'not_found' ? 'UNKNOWN_SYMBOL' : 'SOURCE_ERROR',
        message: `${this.provider} could not give the dividends of ${sym}: ${messageOf(err)}`,
      };
    }
  }

  /** Fetches every uncovered stretch of [from, to]; returns the stretches that failed. */
  private async refresh(symbol: string, from: string, to: string): Promise<Failure[]> {
    const failures: Failure[] = [];
    for (const gap of missingRanges(this.cache.coveredRanges(symbol, this.provider), from, to)) {
      if (!hasTradingDay(gap)) {
        // Weekends and holidays only: nothing to ask for, but remember that it is covered.
        this.cache.saveFetched(symbol, this.provider, gap, [], this.clock.now());
        continue;
      }
      try {
        const fetched = await this.marketData.getDailyBars(symbol, gap.from, gap.to);
        this.cache.saveFetched(symbol, this.provider, gap, cleanBars(fetched, gap), this.clock.now());
      } catch (err) {
        failures.push({ gap, notFound: err instanceof MarketDataError && err.kind === 'not_found', err });
      }
    }
    return failures;
  }

  private fromCache(symbol: string, from: string, to: string, note = ''): BarsResult {
    const cached = this.cache.listBars(symbol, this.provider, from, to);
    if (cached.length === 0) {
      return {
        ok: false,
        code: 'NO_DATA',
        message: `${this.provider} has no daily bars of ${symbol} from ${from} to ${to}`,
      };
    }
    return { ok: true, bars: toSeries(symbol, cached, `${this.name}${note}`) };
  }

  private cachedPart(symbol: string, from: string, to: string, failures: Failure[]): BarsResult {
    const pieces = intersect(this.cache.coveredRanges(symbol, this.provider), from, to);
    const first = failures[0] as Failure;
    const what = `${this.provider} failed for ${symbol} ${first.gap.from}..${first.gap.to} (${messageOf(first.err)})`;
    if (pieces.length === 1) {
      const piece = pieces[0] as DateRange;
      const part = this.fromCache(symbol, piece.from, piece.to, ' (cached part; refresh failed)');
      if (part.ok) return part;
    }
    const code: BarsFailureCode =
      pieces.length === 0 && failures.every((f) => f.notFound) ? 'UNKNOWN_SYMBOL' : 'SOURCE_ERROR';
    const cached =
      pieces.length > 1
        ? `the cache holds only ${pieces.map((p) => `${p.from}..${p.to}`).join(', ')}, not one unbroken stretch`
        : 'no bar of that range is cached';
    return { ok: false, code, message: `${what}; ${cached}` };
  }

  private async serialized<T>(symbol: string, work: () => Promise<T>): Promise<T> {
    const before = this.refreshing.get(symbol) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.catch(() => undefined);
    this.refreshing.set(symbol, tail);
    try {
      return await mine;
    } finally {
      if (this.refreshing.get(symbol) === tail) this.refreshing.delete(symbol);
    }
  }
}

interface Failure {
  gap: DateRange;
  notFound: boolean;
  err: unknown;
}

/** The stretches of [from, to] that no covered range contains, ascending (ranges as `coveredRanges` gives them). */
export function missingRanges(covered: readonly DateRange[], from: string, to: string): DateRange[] {
  const gaps: DateRange[] = [];
  let cursor = from;
  for (const r of covered) {
    if (r.to < cursor) continue;
    if (r.from > to) break;
    if (r.from > cursor) gaps.push({ from: cursor, to: dayBefore(r.from) });
    cursor = dayAfter(r.to);
    if (cursor > to) return gaps;
  }
  if (cursor <= to) gaps.push({ from: cursor, to });
  return gaps;
}

/** The covered ranges clipped to [from, to]. */
function intersect(covered: readonly DateRange[], from: string, to: string): DateRange[] {
  return covered
    .filter((r) => r.to >= from && r.from <= to)
    .map((r) => ({ from: r.from < from ? from : r.from, to: r.to > to ? to : r.to }));
}

/** The last exchange date whose daily bar is final at `now`. */
export function lastSettledDate(now: number): string {
  const today = exchangeDateOf(now);
  const hours = sessionHours(today);
  if (hours !== null && now >= hours.regularClose + SETTLE_AFTER_CLOSE_MS) return today;
  return dayBefore(today);
}

function hasTradingDay(range: DateRange): boolean {
  const year = (date: string): number => Number(date.slice(0, 4));
  // The calendar covers 1990–2100; outside it, ask the provider.
  if (year(range.from) <= FIRST_SUPPORTED_YEAR || year(range.to) >= LAST_SUPPORTED_YEAR) return true;
  return nextTradingDay(dayBefore(range.from)) <= range.to;
}

/**
 * The provider's bars reduced to what a series may hold: dates inside the range asked for, prices
 * finite and positive, one bar per date (the last given), ascending. A bar the provider could not give
 * completely is left out rather than patched.
 */
function cleanBars(bars: readonly DailyBar[], range: DateRange): DailyBar[] {
  const byDate = new Map<string, DailyBar>();
  for (const b of bars) {
    const prices = [b.open, b.high, b.low, b.close];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(b.date) || b.date < range.from || b.date > range.to) continue;
    if (!prices.every((p) => Number.isFinite(p) && p > 0)) continue;
    byDate.set(b.date, {
      date: b.date,
      open: b.open,
      high: b.high,
      low: b.low,
      close: b.close,
      volume: Number.isFinite(b.volume) && b.volume >= 0 ? b.volume : Number.NaN,
    });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function toSeries(symbol: string, bars: readonly DailyBar[], source: string): BarSeries {
  const column = (f: (b: DailyBar) => number): Float64Array => Float64Array.from(bars, f);
  return {
    symbol,
    interval: '1d',
    time: column((b) => Date.parse(`${b.date}T00:00:00Z`)),
    session: bars.map((b) => b.date),
    open: column((b) => b.open),
    high: column((b) => b.high),
    low: column((b) => b.low),
    close: column((b) => b.close),
    volume: column((b) => b.volume),
    source,
  };
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
