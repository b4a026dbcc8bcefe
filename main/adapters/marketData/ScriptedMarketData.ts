import type { Quote } from '../../../shared/domain/Quote';
import type { Clock } from '../../../shared/ports/Clock';
import { MarketDataError } from '../../../shared/ports/MarketData';
import type {
  DailyBar,
  DividendInfo,
  MarketDataPort,
  ProviderHealth,
  QuoteRequestOptions,
  QuoteResult,
  SplitInfo,
} from '../../../shared/ports/MarketData';
import { HealthRecorder } from './HealthRecorder';
import { quoteEachRecorded } from './quoteEach';

/** A scripted quote, in force from `at` (epoch ms on the clock) until the symbol's next one. */
export interface ScriptedQuote {
  at: number;
  bid?: number | null;
  ask?: number | null;
  last?: number | null;
  marketState?: string;
}

/**
 * How a symbol misbehaves:
 * - `throw`: the provider fails for it (quotes: `provider_error`; history: rejects as `provider_error`);
 * - `timeout`: its quote never comes (the call's timeout turns it into `timeout`); history rejects as `timeout`;
 * - `nan` / `zero`: its quote has NaN or 0 for bid, ask and last;
 * - `stale`: its quote is stamped `staleAgeMs` before now.
 */
export type ScriptedFailure = 'throw' | 'timeout' | 'nan' | 'zero' | 'stale';

export interface ScriptedMarketDataOptions {
  clock: Clock;
  /** Quotes per symbol, in any order. */
  script: Readonly<Record<string, readonly ScriptedQuote[]>>;
  failures?: Readonly<Record<string, ScriptedFailure>>;
  /** Age of a `stale` quote; an hour by default, far past the live loop's 15-minute limit. */
  staleAgeMs?: number;
  dividends?: readonly DividendInfo[];
  splits?: readonly SplitInfo[];
  bars?: Readonly<Record<string, readonly DailyBar[]>>;
  /** The provider name it reports; 'scripted' by default. */
  name?: string;
}

/**
 * A deterministic provider for tests and local development: each symbol's quote is the latest scripted
 * one at `clock.now()`, and any symbol can be made to fail in each of the ways a real provider does.
 */
export class ScriptedMarketData implements MarketDataPort {
  readonly name: string;
  private readonly clock: Clock;
  private readonly script: ReadonlyMap<string, readonly ScriptedQuote[]>;
  private readonly failures: Map<string, ScriptedFailure>;
  private readonly staleAgeMs: number;
  private readonly dividends: readonly DividendInfo[];
  private readonly splits: readonly SplitInfo[];
  private readonly bars: Readonly<Record<string, readonly DailyBar[]>>;
  private readonly recorder: HealthRecorder;

  constructor(options: ScriptedMarketDataOptions) {
    this.name = options.name ?? 'scripted';
    this.clock = options.clock;
    this.script = new Map(
      Object.entries(options.script).map(([symbol, quotes]) => [
        symbol,
        [...quotes].sort((a, b) => a.at - b.at),
      ]),
    );
    this.failures = new Map(Object.entries(options.failures ?? {}));
    this.staleAgeMs = options.staleAgeMs ?? 3_600_000;
    this.dividends = options.dividends ?? [];
    this.splits = options.splits ?? [];
    this.bars = options.bars ?? {};
    this.recorder = new HealthRecorder(this.name, this.clock);
  }

  /** Makes a symbol misbehave from now on, or behave again with null. */
  setFailure(symbol: string, failure: ScriptedFailure | null): void {
    if (failure === null) this.failures.delete(symbol);
    else this.failures.set(symbol, failure);
  }

  async getQuotes(
    symbols: readonly string[],
    opts: QuoteRequestOptions,
  ): Promise<ReadonlyMap<string, QuoteResult>> {
    return quoteEachRecorded(symbols, opts.timeoutMs, (symbol) => this.quoteOne(symbol), this.recorder);
  }

  private quoteOne(symbol: string): Promise<QuoteResult> {
    const failure = this.failures.get(symbol);
    if (failure === 'timeout') return new Promise<never>(() => undefined);
    if (failure === 'throw') return Promise.reject(new Error(`scripted failure for ${symbol}`));
    const now = this.clock.now();
    const current = latestAt(this.script.get(symbol), now);
    if (current === null) {
      return Promise.resolve({
        ok: false,
        kind: 'not_found',
        error: `no scripted quote for ${symbol} at or before ${new Date(now).toISOString()}`,
      });
    }
    const price = (scripted: number | null | undefined): number | null =>
      failure === 'nan' ? NaN : failure === 'zero' ? 0 : (scripted ?? null);
    const quote: Quote = {
      symbol,
      bid: price(current.bid),
      ask: price(current.ask),
      last: price(current.last),
      ts: failure === 'stale' ? now - this.staleAgeMs : current.at,
    };
    return Promise.resolve(
      current.marketState === undefined
        ? { ok: true, quote }
        : { ok: true, quote, marketState: current.marketState },
    );
  }

  async getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendInfo[]> {
    this.checkHistory(symbol);
    return this.dividends
      .filter((d) => d.symbol === symbol && d.exDate >= fromDate && d.exDate <= toDate)
      .sort((a, b) => a.exDate.localeCompare(b.exDate));
  }

  async getSplits(symbol: string, fromDate: string, toDate: string): Promise<SplitInfo[]> {
    this.checkHistory(symbol);
    return this.splits
      .filter((s) => s.symbol === symbol && s.effectiveDate >= fromDate && s.effectiveDate <= toDate)
      .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  }

  async getDailyBars(symbol: string, fromDate: string, toDate: string): Promise<DailyBar[]> {
    this.checkHistory(symbol);
    return (this.bars[symbol] ?? [])
      .filter((b) => b.date >= fromDate && b.date <= toDate)
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  health(): ProviderHealth {
    return this.recorder.snapshot();
  }

  /** History calls have no caller-set time limit, so a scripted hang rejects at once as a timeout would. */
  private checkHistory(symbol: string): void {
    const failure = this.failures.get(symbol);
    if (failure === 'throw') throw new MarketDataError('provider_error', `scripted failure for ${symbol}`);
    if (failure === 'timeout') throw new MarketDataError('timeout', `scripted timeout for ${symbol}`);
  }
}

function latestAt(quotes: readonly ScriptedQuote[] | undefined, now: number): ScriptedQuote | null {
  let latest: ScriptedQuote | null = null;
  for (const q of quotes ?? []) {
    if (q.at > now) break;
    latest = q;
  }
  return latest;
}
