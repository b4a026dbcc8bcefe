import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarketDataError } from '../../../shared/ports/MarketData';
import type { YahooClient } from './yahooClient';
import { YahooMarketData } from './YahooMarketData';
import type { YahooMarketDataOptions } from './YahooMarketData';

/**
 * The adapter's own logic, offline: Yahoo is a fake client. Timeouts, backoff and the breaker run on real
 * timers with durations of tens of milliseconds, because bottleneck and cockatiel both schedule with them.
 */

const T0_S = Date.UTC(2024, 4, 1, 15, 0) / 1000;
const row = (symbol: string, last: number) => ({
  symbol,
  bid: last - 0.01,
  ask: last + 0.01,
  regularMarketPrice: last,
  regularMarketTime: T0_S,
  marketState: 'REGULAR',
});
const PRICES: Record<string, number> = { AAPL: 170, KO: 60, MSFT: 400, PG: 160 };

/** Yahoo answers rows for the symbols it knows; `behave` may throw or hang first. */
function fakeClient(
  behave: (symbols: readonly string[], attempt: number) => void | Promise<void> = () => {},
) {
  const calls: string[][] = [];
  const client: YahooClient = {
    async quote(symbols) {
      calls.push([...symbols]);
      await behave(symbols, calls.length);
      return symbols
        .filter((s) => s.toUpperCase() in PRICES)
        .map((s) => row(s.toUpperCase(), PRICES[s.toUpperCase()] as number));
    },
    chart: () => Promise.reject(new Error('chart not scripted')),
  };
  return { client, calls };
}

const hang = (): Promise<never> => new Promise<never>(() => undefined);
const networkError = (): TypeError => new TypeError('fetch failed');
const badRequest = (): Error =>
  Object.assign(new Error('Bad Request: invalid symbol'), { name: 'BadRequestError' });

const fixedClock = { now: () => 1_000_000 };
const FAST = { retries: 0, minTimeMs: 0, maxConcurrent: 10, initialBackoffMs: 1 };

function adapter(client: YahooClient, options: Omit<YahooMarketDataOptions, 'client'> = {}) {
  return new YahooMarketData({ client, clock: fixedClock, ...options, guard: { ...FAST, ...options.guard } });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('YahooMarketData.getQuotes — mapping', () => {
  it('answers every requested symbol once, keyed as requested, in one batched request', async () => {
    const { client, calls } = fakeClient();
    const quotes = await adapter(client).getQuotes(['AAPL', 'ko', 'AAPL', 'NOPE'], { timeoutMs: 1_000 });
    expect(calls).toEqual([['AAPL', 'ko', 'NOPE']]);
    expect([...quotes.keys()]).toEqual(['AAPL', 'ko', 'NOPE']);
    expect(quotes.get('AAPL')).toEqual({
      ok: true,
      quote: { symbol: 'AAPL', bid: 169.99, ask: 170.01, last: 170, ts: T0_S * 1000 },
      marketState: 'REGULAR',
    });
    expect(quotes.get('ko')).toMatchObject({ ok: true, quote: { symbol: 'ko', last: 60 } });
    expect(quotes.get('NOPE')).toMatchObject({ ok: false, kind: 'not_found' });
  });

  it('splits a large request into batches of maxSymbolsPerRequest', async () => {
    const { client, calls } = fakeClient();
    await adapter(client, { maxSymbolsPerRequest: 2 }).getQuotes(['AAPL', 'KO', 'MSFT'], {
      timeoutMs: 1_000,
    });
    expect(calls).toEqual([['AAPL', 'KO'], ['MSFT']]);
  });

  it('an empty request makes no call', async () => {
    const { client, calls } = fakeClient();
    expect((await adapter(client).getQuotes([], { timeoutMs: 1_000 })).size).toBe(0);
    expect(calls).toEqual([]);
  });
});

describe('YahooMarketData.getQuotes — one bad symbol', () => {
  it('a symbol that makes Yahoo fail costs only itself: the batch is split until it is alone', async () => {
    const { client, calls } = fakeClient((symbols) => {
      if (symbols.includes('BAD')) throw badRequest();
    });
    const quotes = await adapter(client).getQuotes(['AAPL', 'KO', 'BAD', 'MSFT', 'PG'], { timeoutMs: 1_000 });
    expect(quotes.get('BAD')).toEqual({
      ok: false,
      kind: 'provider_error',
      error: 'Bad Request: invalid symbol',
    });
    for (const s of ['AAPL', 'KO', 'MSFT', 'PG'])
      expect(quotes.get(s)).toMatchObject({ ok: true, quote: { symbol: s } });
    expect(calls.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(5)));
  });

  it('a transient failure of the whole batch is not split (that would only hammer the provider)', async () => {
    const { client, calls } = fakeClient(() => {
      throw networkError();
    });
    const quotes = await adapter(client).getQuotes(['AAPL', 'KO'], { timeoutMs: 1_000 });
    expect(calls).toHaveLength(1);
    expect([...quotes.values()]).toEqual([
      { ok: false, kind: 'provider_error', error: 'fetch failed' },
      { ok: false, kind: 'provider_error', error: 'fetch failed' },
    ]);
  });

  it('a hanging request comes back as timeout within timeoutMs, and the other batches are not held up', async () => {
    const { client } = fakeClient((symbols) => (symbols.includes('HANG') ? hang() : undefined));
    const started = performance.now();
    const quotes = await adapter(client, { maxSymbolsPerRequest: 1 }).getQuotes(['AAPL', 'HANG', 'KO'], {
      timeoutMs: 100,
    });
    const elapsed = performance.now() - started;
    expect(quotes.get('HANG')).toMatchObject({ ok: false, kind: 'timeout' });
    expect(quotes.get('AAPL')).toMatchObject({ ok: true });
    expect(quotes.get('KO')).toMatchObject({ ok: true });
    expect(elapsed).toBeGreaterThanOrEqual(95);
    // Generous for a loaded CI machine; a missing deadline would hang until the test's own timeout.
    expect(elapsed).toBeLessThan(100 + 400);
  });

  it('the request is handed an AbortSignal that fires at the deadline', async () => {
    let signal: AbortSignal | undefined;
    const client: YahooClient = {
      quote: (_symbols, s) => {
        signal = s;
        return new Promise((_, reject) => s.addEventListener('abort', () => reject(s.reason)));
      },
      chart: hang,
    };
    const quotes = await adapter(client).getQuotes(['AAPL'], { timeoutMs: 30 });
    expect(quotes.get('AAPL')).toMatchObject({ kind: 'timeout' });
    expect(signal?.aborted).toBe(true);
  });
});

describe('YahooMarketData — retries with exponential backoff and jitter', () => {
  it('retries transient failures and succeeds on the third attempt', async () => {
    const { client, calls } = fakeClient((_s, attempt) => {
      if (attempt < 3) throw networkError();
    });
    const yahoo = adapter(client, { guard: { retries: 2 } });
    const quotes = await yahoo.getQuotes(['AAPL'], { timeoutMs: 1_000 });
    expect(calls).toHaveLength(3);
    expect(quotes.get('AAPL')).toMatchObject({ ok: true });
    expect(yahoo.health()).toMatchObject({
      consecutiveFailures: 0,
      lastSuccessAt: 1_000_000,
      lastError: { message: 'fetch failed' },
    });
  });

  it('waits longer before each retry (jitter pinned by fixing Math.random)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const times: number[] = [];
    const { client } = fakeClient(() => {
      times.push(performance.now());
      if (times.length < 4) throw networkError();
    });
    await adapter(client, { guard: { retries: 3, initialBackoffMs: 20 } }).getQuotes(['AAPL'], {
      timeoutMs: 2_000,
    });
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    // cockatiel's decorrelated jitter with random = 0.5 and a 20 ms base: about 18, 22 and 41 ms.
    expect(gaps[0]).toBeGreaterThanOrEqual(16);
    expect(gaps[1]).toBeGreaterThanOrEqual(20);
    expect(gaps[2]).toBeGreaterThanOrEqual(39);
    expect(gaps[2] as number).toBeGreaterThan(gaps[0] as number);
  });

  it('gives up after the configured retries', async () => {
    const { client, calls } = fakeClient(() => {
      throw networkError();
    });
    const quotes = await adapter(client, { guard: { retries: 2 } }).getQuotes(['AAPL'], { timeoutMs: 1_000 });
    expect(calls).toHaveLength(3);
    expect(quotes.get('AAPL')).toMatchObject({ ok: false, kind: 'provider_error' });
  });

  it('does not retry an answer that retrying cannot change', async () => {
    const { client, calls } = fakeClient(() => {
      throw badRequest();
    });
    await adapter(client, { guard: { retries: 2 } }).getQuotes(['BAD'], { timeoutMs: 1_000 });
    expect(calls).toHaveLength(1);
  });

  it('stops retrying at the deadline: a backoff that runs past it ends the call', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { client, calls } = fakeClient(() => {
      throw networkError();
    });
    const yahoo = adapter(client, { guard: { retries: 5, initialBackoffMs: 200 } });
    const quotes = await yahoo.getQuotes(['AAPL'], { timeoutMs: 60 });
    expect(quotes.get('AAPL')).toMatchObject({ ok: false, kind: 'timeout' });
    // The first backoff (about 180 ms) ends after the deadline: no second request is sent.
    await new Promise((r) => setTimeout(r, 250));
    expect(calls).toHaveLength(1);
    expect(yahoo.health().consecutiveFailures).toBe(1);
  });
});

describe('YahooMarketData — circuit breaker and health()', () => {
  it('opens after N consecutive failures, fails fast, half-opens for one trial call and closes on success', async () => {
    let failing = true;
    let release: (() => void) | null = null;
    const { client, calls } = fakeClient(async () => {
      if (failing) throw networkError();
      await new Promise<void>((r) => (release = r));
    });
    const yahoo = adapter(client, { guard: { breakAfterFailures: 3, halfOpenAfterMs: 50 } });
    expect(yahoo.health()).toEqual({
      provider: 'yahoo',
      circuit: 'closed',
      lastSuccessAt: null,
      lastError: null,
      nextRetryAt: null,
      consecutiveFailures: 0,
    });

    for (let i = 0; i < 3; i++) await yahoo.getQuotes(['AAPL'], { timeoutMs: 500 });
    expect(yahoo.health()).toEqual({
      provider: 'yahoo',
      circuit: 'open',
      lastSuccessAt: null,
      lastError: { at: 1_000_000, message: 'fetch failed' },
      nextRetryAt: 1_000_000 + 50,
      consecutiveFailures: 3,
    });

    const whileOpen = await yahoo.getQuotes(['AAPL', 'KO'], { timeoutMs: 500 });
    expect(calls).toHaveLength(3);
    expect(whileOpen.get('AAPL')).toMatchObject({ ok: false, kind: 'circuit_open' });
    expect(whileOpen.get('KO')).toMatchObject({ ok: false, kind: 'circuit_open' });

    await new Promise((r) => setTimeout(r, 60));
    failing = false;
    const trial = yahoo.getQuotes(['AAPL'], { timeoutMs: 500 });
    await vi.waitFor(() => expect(release).not.toBeNull());
    expect(yahoo.health()).toMatchObject({ circuit: 'half_open', nextRetryAt: null });
    (release as unknown as () => void)();
    expect((await trial).get('AAPL')).toMatchObject({ ok: true });
    expect(yahoo.health()).toMatchObject({
      circuit: 'closed',
      consecutiveFailures: 0,
      lastSuccessAt: 1_000_000,
      nextRetryAt: null,
    });
  });

  it('a failed trial call opens the circuit again', async () => {
    const { client } = fakeClient(() => {
      throw networkError();
    });
    const yahoo = adapter(client, { guard: { breakAfterFailures: 1, halfOpenAfterMs: 30 } });
    await yahoo.getQuotes(['AAPL'], { timeoutMs: 500 });
    await new Promise((r) => setTimeout(r, 40));
    await yahoo.getQuotes(['AAPL'], { timeoutMs: 500 });
    expect(yahoo.health()).toMatchObject({ circuit: 'open', consecutiveFailures: 2 });
  });

  it('symbols Yahoo does not know do not count against it', async () => {
    const { client } = fakeClient(() => {
      throw badRequest();
    });
    const yahoo = adapter(client, { guard: { breakAfterFailures: 2 } });
    for (let i = 0; i < 3; i++) await yahoo.getQuotes(['BAD'], { timeoutMs: 500 });
    expect(yahoo.health()).toMatchObject({ circuit: 'closed', consecutiveFailures: 0 });
  });

  it('requests that hang until the deadline count as failures', async () => {
    const { client } = fakeClient(hang);
    const yahoo = adapter(client, { guard: { breakAfterFailures: 2 } });
    for (let i = 0; i < 2; i++) await yahoo.getQuotes(['AAPL'], { timeoutMs: 20 });
    await vi.waitFor(() => expect(yahoo.health()).toMatchObject({ circuit: 'open', consecutiveFailures: 2 }));
  });
});

describe('YahooMarketData — history through chart()', () => {
  const chartAnswer = {
    meta: { currency: 'USD' },
    quotes: [
      { date: new Date('2019-03-14T13:30:00Z'), open: 47, high: 47.5, low: 46.8, close: 47.2, volume: 1000 },
    ],
    events: {
      dividends: [{ amount: 0.4, date: new Date('2019-03-14T13:30:00Z') }],
      splits: [{ date: new Date('2019-03-14T13:30:00Z'), numerator: 2, denominator: 1, splitRatio: '2:1' }],
    },
  };

  it('asks chart() for the range with an exclusive end the day after toDate, and maps the answer', async () => {
    const chart = vi.fn((_symbol: string, _p1: string, _p2: string, _signal: AbortSignal) =>
      Promise.resolve<unknown>(chartAnswer),
    );
    const yahoo = adapter({ quote: hang, chart });
    expect(await yahoo.getDividends('KO', '2019-01-01', '2019-12-31')).toEqual([
      {
        symbol: 'KO',
        exDate: '2019-03-14',
        payDate: null,
        amountPerShare: 0.4,
        currency: 'USD',
        withholdingTaxPct: null,
        source: 'yahoo',
      },
    ]);
    expect(chart.mock.calls[0]?.slice(0, 3)).toEqual(['KO', '2019-01-01', '2020-01-01']);
    expect(await yahoo.getSplits('KO', '2019-01-01', '2019-12-31')).toEqual([
      { symbol: 'KO', effectiveDate: '2019-03-14', ratio: 2, source: 'yahoo' },
    ]);
    expect(await yahoo.getDailyBars('KO', '2019-03-14', '2019-03-14')).toEqual([
      { date: '2019-03-14', open: 47, high: 47.5, low: 46.8, close: 47.2, volume: 1000 },
    ]);
  });

  it('an unknown symbol rejects as not_found, without retries', async () => {
    const chart = vi.fn(() => Promise.reject(new Error('No data found, symbol may be delisted')));
    const yahoo = adapter({ quote: hang, chart }, { guard: { retries: 3 } });
    const failure = await yahoo.getDividends('NOPE', '2019-01-01', '2019-12-31').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MarketDataError);
    expect(failure).toMatchObject({ kind: 'not_found' });
    expect(chart).toHaveBeenCalledTimes(1);
  });

  it('a provider that hangs rejects as timeout after historyTimeoutMs', async () => {
    const yahoo = adapter({ quote: hang, chart: hang }, { historyTimeoutMs: 30 });
    await expect(yahoo.getDailyBars('KO', '2019-01-01', '2019-12-31')).rejects.toMatchObject({
      kind: 'timeout',
    });
  });
});
