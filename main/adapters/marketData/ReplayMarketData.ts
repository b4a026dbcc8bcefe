import { exchangeDateOf, marketSessionAt, sessionHours } from '../../../shared/domain/calendar';
import type { SessionHours } from '../../../shared/domain/calendar';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '../../../shared/domain/calendar';
import { exact } from '../../../shared/domain/ExactDecimal';
import type { Clock } from '../../../shared/ports/Clock';
import type { BarSeries, BarsResult, HistoricalBarSource } from '../../../shared/ports/HistoricalBars';
import type { HistoricalDividendSource } from '../../../shared/ports/HistoricalDividends';
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
import { intradayLast } from './IntradayPath';
import { quoteEachRecorded } from './quoteEach';

export interface ReplayMarketDataOptions {
  /** Virtual time, usually a {@link ReplayClock}. */
  clock: Clock;
  /**
   * The real daily history to play, e.g. the bundled dataset (`new BundledBarSource(dataDir)`), which
   * reads each symbol's files the first time it is asked for and keeps them.
   */
  history: HistoricalBarSource & HistoricalDividendSource;
  /** Half the bid/ask spread around the last price, in basis points; 5 by default. */
  halfSpreadBps?: number;
}

const WHOLE_RANGE = [`${FIRST_SUPPORTED_YEAR}-01-01`, `${LAST_SUPPORTED_YEAR}-12-31`] as const;

/**
 * The offline demo's provider (SPEC 7, ADR 0022): real daily history played on a virtual clock.
 * - During the regular session of a day, `last` follows the synthetic path of {@link intradayLast} through
 *   that day's real open, low/high and close; bid and ask are `last` ∓ the half-spread.
 * - Before the open the quote is the previous close; after the close, the close; on a weekend or holiday,
 *   the last session's close. Such a quote is stamped with the close it comes from, so it ages as a real
 *   provider's would.
 * - Dividends come from the dataset (pay date unknown: null). Splits: none, because the dataset's prices
 *   and dividends are already split-adjusted; applying a split on top would count it twice.
 * - Daily bars stop at the last session that has closed by the virtual now, so the demo cannot show the future.
 */
export class ReplayMarketData implements MarketDataPort {
  readonly name = 'replay';
  private readonly clock: Clock;
  private readonly history: HistoricalBarSource & HistoricalDividendSource;
  private readonly halfSpreadBps: number;
  private readonly series = new Map<string, BarSeries>();
  private readonly recorder: HealthRecorder;

  constructor(options: ReplayMarketDataOptions) {
    this.clock = options.clock;
    this.history = options.history;
    this.halfSpreadBps = options.halfSpreadBps ?? 5;
    if (!(this.halfSpreadBps >= 0) || !Number.isFinite(this.halfSpreadBps)) {
      throw new RangeError(`half-spread ${this.halfSpreadBps} bps must be a non-negative number`);
    }
    this.recorder = new HealthRecorder(this.name, this.clock);
  }

  async getQuotes(
    symbols: readonly string[],
    opts: QuoteRequestOptions,
  ): Promise<ReadonlyMap<string, QuoteResult>> {
    return quoteEachRecorded(symbols, opts.timeoutMs, (symbol) => this.quoteOne(symbol), this.recorder);
  }

  private async quoteOne(symbol: string): Promise<QuoteResult> {
    const loaded = await this.load(symbol);
    if (!loaded.ok) return { ok: false, kind: loaded.kind, error: loaded.message };
    const bars = loaded.series;
    const now = this.clock.now();
    const today = exchangeDateOf(now);
    const i = lastIndexAtOrBefore(bars.session, today);
    const hours = sessionHours(today);
    let priced: { last: number; ts: number } | null;
    if (i < 0) priced = null;
    else if (bars.session[i] !== today || hours === null) priced = closeOf(bars, i);
    else if (now < hours.regularOpen) priced = i > 0 ? closeOf(bars, i - 1) : null;
    else if (now >= hours.regularClose) priced = closeOf(bars, i);
    else priced = { last: intradayLast(barAt(bars, i), hours.regularOpen, hours.regularClose, now), ts: now };
    if (priced === null) {
      return {
        ok: false,
        kind: 'not_found',
        error: `no ${symbol} price before ${new Date(now).toISOString()}`,
      };
    }
    const half = exact(priced.last).times(this.halfSpreadBps).div(10_000);
    return {
      ok: true,
      quote: {
        symbol,
        bid: exact(priced.last).minus(half).toNumber(),
        ask: exact(priced.last).plus(half).toNumber(),
        last: priced.last,
        ts: priced.ts,
      },
      marketState: marketStateAt(now, hours),
    };
  }

  async getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendInfo[]> {
    const answer = await this.history.getDividends(symbol, fromDate, toDate);
    if (!answer.ok)
      throw new MarketDataError(
        answer.code === 'UNKNOWN_SYMBOL' ? 'not_found' : 'provider_error',
        answer.message,
      );
    return answer.dividends.map((d) => ({
      symbol,
      exDate: d.exDate,
      payDate: d.payDate,
      amountPerShare: d.amount,
      currency: 'USD',
      withholdingTaxPct: d.withholdingPct,
      source: this.history.name,
    }));
  }

  async getSplits(symbol: string): Promise<SplitInfo[]> {
    const loaded = await this.load(symbol);
    if (!loaded.ok) throw new MarketDataError(loaded.kind, loaded.message);
    return [];
  }

  async getDailyBars(symbol: string, fromDate: string, toDate: string): Promise<DailyBar[]> {
    const loaded = await this.load(symbol);
    if (!loaded.ok) throw new MarketDataError(loaded.kind, loaded.message);
    const bars = loaded.series;
    const now = this.clock.now();
    const out: DailyBar[] = [];
    for (let i = 0; i < bars.session.length; i++) {
      const date = bars.session[i] as string;
      if (date < fromDate) continue;
      if (date > toDate || closeOf(bars, i).ts > now) break;
      const { open, high, low, close } = barAt(bars, i);
      out.push({ date, open, high, low, close, volume: bars.volume[i] as number });
    }
    return out;
  }

  health(): ProviderHealth {
    return this.recorder.snapshot();
  }

  private async load(
    symbol: string,
  ): Promise<
    { ok: true; series: BarSeries } | { ok: false; kind: 'not_found' | 'provider_error'; message: string }
  > {
    const cached = this.series.get(symbol);
    if (cached !== undefined) return { ok: true, series: cached };
    const answer: BarsResult = await this.history.getBars(symbol, WHOLE_RANGE[0], WHOLE_RANGE[1], '1d');
    if (!answer.ok) {
      const missing = answer.code === 'UNKNOWN_SYMBOL' || answer.code === 'NO_DATA';
      return { ok: false, kind: missing ? 'not_found' : 'provider_error', message: answer.message };
    }
    this.series.set(symbol, answer.bars);
    return { ok: true, series: answer.bars };
  }
}

function barAt(bars: BarSeries, i: number): { open: number; high: number; low: number; close: number } {
  return {
    open: bars.open[i] as number,
    high: bars.high[i] as number,
    low: bars.low[i] as number,
    close: bars.close[i] as number,
  };
}

/** A session's close, stamped with the instant the session ended. */
function closeOf(bars: BarSeries, i: number): { last: number; ts: number } {
  const date = bars.session[i] as string;
  const hours = sessionHours(date);
  if (hours === null) throw new Error(`${bars.symbol} has a bar on ${date}, which is not a trading day`);
  return { last: bars.close[i] as number, ts: hours.regularClose };
}

/** Index of the last session on or before `date`; -1 when every session is later. */
function lastIndexAtOrBefore(sessions: readonly string[], date: string): number {
  let lo = 0;
  let hi = sessions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sessions[mid] as string) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Yahoo's labels, so the demo's status line reads like the live one. */
function marketStateAt(now: number, hours: SessionHours | null): string {
  switch (marketSessionAt(now)) {
    case 'REGULAR':
      return 'REGULAR';
    case 'EXTENDED':
      return hours !== null && now < hours.regularOpen ? 'PRE' : 'POST';
    case 'CLOSED':
      return 'CLOSED';
  }
}
