import type { Clock } from '../../../shared/ports/Clock';
import { MarketDataError } from '../../../shared/ports/MarketData';
import type {
  DailyBar,
  DividendInfo,
  MarketDataPort,
  ProviderHealth,
  QuoteFailureKind,
  QuoteRequestOptions,
  QuoteResult,
  SplitInfo,
} from '../../../shared/ports/MarketData';
import { errorMessage } from './HealthRecorder';
import { guardFailureKind, ProviderGuard } from './ProviderGuard';
import type { ProviderGuardOptions } from './ProviderGuard';
import { distinctSymbols } from './quoteEach';
import { createYahooClient, isYahooNotFound, isYahooProviderFailure } from './yahooClient';
import type { YahooClient } from './yahooClient';
import type { ChartHistory } from './yahooMapping';
import { indexQuoteRows, mapChart, mapQuoteRow } from './yahooMapping';

export interface YahooMarketDataOptions {
  /** Stamps the times `health()` reports; the system clock by default. */
  clock?: Clock;
  /** The yahoo-finance2 client; the real one by default, a fake in tests. */
  client?: YahooClient;
  /** Rate limit, retries, breaker; see {@link ProviderGuardOptions} for the defaults. */
  guard?: ProviderGuardOptions;
  /** Symbols per quote request; a larger batch is split into several requests that run side by side. */
  maxSymbolsPerRequest?: number;
  /** Time limit of one history call (dividends, splits, bars), which the port's callers do not set. */
  historyTimeoutMs?: number;
}

const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/**
 * Live market data from Yahoo Finance (SPEC 7) through yahoo-finance2. Every request goes through one
 * {@link ProviderGuard}, so quotes and history share the rate limit and the circuit breaker.
 *
 * Quotes are fetched in batches (one HTTP request per batch). When a batch fails in a way retrying does
 * not cure, and it holds more than one symbol, it is split in halves and each half asked again within
 * the same deadline: a symbol that makes Yahoo fail costs only itself. A batch that hangs or keeps
 * failing transiently is not split: splitting would only send more requests to a provider in trouble.
 */
export class YahooMarketData implements MarketDataPort {
  readonly name = 'yahoo';
  private readonly client: YahooClient;
  private readonly guard: ProviderGuard;
  private readonly maxSymbolsPerRequest: number;
  private readonly historyTimeoutMs: number;

  constructor(options: YahooMarketDataOptions = {}) {
    this.client = options.client ?? createYahooClient();
    this.guard = new ProviderGuard(
      this.name,
      options.clock ?? SYSTEM_CLOCK,
      isYahooProviderFailure,
      options.guard,
    );
    this.maxSymbolsPerRequest = options.maxSymbolsPerRequest ?? 50;
    this.historyTimeoutMs = options.historyTimeoutMs ?? 20_000;
  }

  async getQuotes(
    symbols: readonly string[],
    opts: QuoteRequestOptions,
  ): Promise<ReadonlyMap<string, QuoteResult>> {
    const requested = distinctSymbols(symbols);
    const deadline = Date.now() + opts.timeoutMs;
    const results = new Map<string, QuoteResult>();
    const batches: string[][] = [];
    for (let i = 0; i < requested.length; i += this.maxSymbolsPerRequest) {
      batches.push(requested.slice(i, i + this.maxSymbolsPerRequest));
    }
    await Promise.all(batches.map((batch) => this.quoteBatch(batch, deadline, results)));
    return new Map(requested.map((s) => [s, results.get(s) as QuoteResult]));
  }

  private async quoteBatch(
    batch: string[],
    deadline: number,
    results: Map<string, QuoteResult>,
  ): Promise<void> {
    try {
      const rows = indexQuoteRows(
        await this.guard.run((signal) => this.client.quote(batch, signal), deadline),
      );
      for (const symbol of batch) {
        const row = rows.get(symbol.toUpperCase());
        results.set(
          symbol,
          row === undefined
            ? { ok: false, kind: 'not_found', error: `Yahoo has no quote for ${symbol}` }
            : { ok: true, ...mapQuoteRow(symbol, row) },
        );
      }
    } catch (error) {
      const kind = failureKind(error);
      if (kind === 'provider_error' && !isYahooProviderFailure(error) && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await Promise.all([
          this.quoteBatch(batch.slice(0, half), deadline, results),
          this.quoteBatch(batch.slice(half), deadline, results),
        ]);
        return;
      }
      const message = describe(kind, error);
      for (const symbol of batch) results.set(symbol, { ok: false, kind, error: message });
    }
  }

  async getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendInfo[]> {
    return (await this.history(symbol, fromDate, toDate)).dividends;
  }

  async getSplits(symbol: string, fromDate: string, toDate: string): Promise<SplitInfo[]> {
    return (await this.history(symbol, fromDate, toDate)).splits;
  }

  async getDailyBars(symbol: string, fromDate: string, toDate: string): Promise<DailyBar[]> {
    return (await this.history(symbol, fromDate, toDate)).bars;
  }

  health(): ProviderHealth {
    return this.guard.health();
  }

  private async history(symbol: string, fromDate: string, toDate: string): Promise<ChartHistory> {
    try {
      // chart() treats period2 as exclusive, so the day after toDate brings toDate's session in.
      const raw = await this.guard.run(
        (signal) => this.client.chart(symbol, fromDate, nextIsoDate(toDate), signal),
        Date.now() + this.historyTimeoutMs,
      );
      return mapChart(symbol, raw, fromDate, toDate);
    } catch (error) {
      const kind = failureKind(error);
      throw new MarketDataError(kind, `${symbol}: ${describe(kind, error)}`);
    }
  }
}

function nextIsoDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function failureKind(error: unknown): QuoteFailureKind {
  return guardFailureKind(error) ?? (isYahooNotFound(error) ? 'not_found' : 'provider_error');
}

function describe(kind: QuoteFailureKind, error: unknown): string {
  switch (kind) {
    case 'timeout':
      return 'Yahoo did not answer in time';
    case 'circuit_open':
      return 'Yahoo is paused after repeated failures (circuit open)';
    default:
      return errorMessage(error);
  }
}
