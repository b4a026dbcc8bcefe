import { describe, expect, it } from 'vitest';
import { effectivePrice } from '../../../shared/domain/PricePolicy';
import { ScriptedMarketData } from './ScriptedMarketData';
import type { ScriptedMarketDataOptions } from './ScriptedMarketData';

const T0 = Date.UTC(2024, 4, 1, 14, 0);
const MIN = 60_000;

function scripted(overrides: Partial<ScriptedMarketDataOptions> = {}) {
  let now = T0;
  const clock = { now: () => now };
  const provider = new ScriptedMarketData({
    clock,
    script: {
      // Out of order on purpose: the script is sorted by time.
      AAPL: [
        { at: T0 + 10 * MIN, bid: 171, ask: 171.1, last: 171.05 },
        { at: T0, bid: 170, ask: 170.1, last: 170.05, marketState: 'REGULAR' },
      ],
      KO: [{ at: T0, bid: 60, ask: 60.02, last: 60.01 }],
    },
    ...overrides,
  });
  return { provider, setNow: (t: number) => (now = t) };
}

describe('ScriptedMarketData — the script', () => {
  it('gives the latest scripted quote at the clock, stamped with its scripted time', async () => {
    const { provider, setNow } = scripted();
    expect((await provider.getQuotes(['AAPL'], { timeoutMs: 100 })).get('AAPL')).toEqual({
      ok: true,
      quote: { symbol: 'AAPL', bid: 170, ask: 170.1, last: 170.05, ts: T0 },
      marketState: 'REGULAR',
    });
    setNow(T0 + 10 * MIN - 1);
    expect((await provider.getQuotes(['AAPL'], { timeoutMs: 100 })).get('AAPL')).toMatchObject({
      quote: { last: 170.05 },
    });
    setNow(T0 + 30 * MIN);
    expect((await provider.getQuotes(['AAPL'], { timeoutMs: 100 })).get('AAPL')).toEqual({
      ok: true,
      quote: { symbol: 'AAPL', bid: 171, ask: 171.1, last: 171.05, ts: T0 + 10 * MIN },
    });
  });

  it('has nothing before the first scripted quote, or for an unscripted symbol', async () => {
    const { provider, setNow } = scripted();
    setNow(T0 - 1);
    const quotes = await provider.getQuotes(['AAPL', 'ZZZ'], { timeoutMs: 100 });
    expect(quotes.get('AAPL')).toMatchObject({ ok: false, kind: 'not_found' });
    expect(quotes.get('ZZZ')).toMatchObject({ ok: false, kind: 'not_found' });
  });

  it('missing sides of a scripted quote are null', async () => {
    const { provider } = scripted({ script: { KO: [{ at: T0, last: 60 }] } });
    expect((await provider.getQuotes(['KO'], { timeoutMs: 100 })).get('KO')).toMatchObject({
      quote: { bid: null, ask: null, last: 60 },
    });
  });
});

describe('ScriptedMarketData — failure modes', () => {
  it('nan and zero quotes reach the domain, which refuses them as invalid_quote', async () => {
    const { provider } = scripted({ failures: { AAPL: 'nan', KO: 'zero' } });
    const quotes = await provider.getQuotes(['AAPL', 'KO'], { timeoutMs: 100 });
    const aapl = quotes.get('AAPL');
    const ko = quotes.get('KO');
    expect(aapl).toMatchObject({ ok: true, quote: { bid: NaN, ask: NaN, last: NaN } });
    expect(ko).toMatchObject({ ok: true, quote: { bid: 0, ask: 0, last: 0 } });
    for (const result of [aapl, ko]) {
      if (!result?.ok) throw new Error('expected a quote');
      expect(effectivePrice(result.quote, 'MID', T0, 15 * MIN)).toMatchObject({
        ok: false,
        reason: 'invalid_quote',
      });
    }
  });

  it('a stale quote is stamped staleAgeMs before now, which the domain refuses as stale_quote', async () => {
    const { provider, setNow } = scripted({ failures: { KO: 'stale' }, staleAgeMs: 20 * MIN });
    setNow(T0 + 5 * MIN);
    const ko = (await provider.getQuotes(['KO'], { timeoutMs: 100 })).get('KO');
    expect(ko).toMatchObject({ ok: true, quote: { last: 60.01, ts: T0 + 5 * MIN - 20 * MIN } });
    if (!ko?.ok) throw new Error('expected a quote');
    expect(effectivePrice(ko.quote, 'MID', T0 + 5 * MIN, 15 * MIN)).toMatchObject({
      ok: false,
      reason: 'stale_quote',
    });
  });

  it('throw gives provider_error for that symbol only', async () => {
    const { provider } = scripted({ failures: { AAPL: 'throw' } });
    const quotes = await provider.getQuotes(['AAPL', 'KO'], { timeoutMs: 100 });
    expect(quotes.get('AAPL')).toEqual({
      ok: false,
      kind: 'provider_error',
      error: 'scripted failure for AAPL',
    });
    expect(quotes.get('KO')).toMatchObject({ ok: true });
    expect(provider.health()).toMatchObject({
      circuit: 'closed',
      lastError: { at: T0, message: 'scripted failure for AAPL' },
    });
  });

  it('timeout hangs that symbol until the call times out; the others answer', async () => {
    const { provider } = scripted({ failures: { AAPL: 'timeout' } });
    const started = performance.now();
    const quotes = await provider.getQuotes(['AAPL', 'KO'], { timeoutMs: 50 });
    const elapsed = performance.now() - started;
    expect(quotes.get('AAPL')).toMatchObject({ ok: false, kind: 'timeout' });
    expect(quotes.get('KO')).toMatchObject({ ok: true });
    expect(elapsed).toBeGreaterThanOrEqual(45);
    // Generous for a loaded CI machine; a missing deadline would hang until the test's own timeout.
    expect(elapsed).toBeLessThan(50 + 400);
  });

  it('a failure can be set and cleared while running', async () => {
    const { provider } = scripted();
    provider.setFailure('KO', 'throw');
    expect((await provider.getQuotes(['KO'], { timeoutMs: 100 })).get('KO')).toMatchObject({ ok: false });
    provider.setFailure('KO', null);
    expect((await provider.getQuotes(['KO'], { timeoutMs: 100 })).get('KO')).toMatchObject({ ok: true });
    expect(provider.health()).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: T0 });
  });
});

describe('ScriptedMarketData — history', () => {
  const dividend = (exDate: string) => ({
    symbol: 'KO',
    exDate,
    payDate: null,
    amountPerShare: 0.4,
    currency: 'USD',
    withholdingTaxPct: null,
    source: 'scripted',
  });
  const history = {
    dividends: [dividend('2019-06-13'), dividend('2019-03-14'), { ...dividend('2019-03-14'), symbol: 'PG' }],
    splits: [{ symbol: 'AAPL', effectiveDate: '2020-08-31', ratio: 4, source: 'scripted' }],
    bars: { KO: [{ date: '2019-03-14', open: 47, high: 47.5, low: 46.8, close: 47.2, volume: 1000 }] },
  };

  it('serves dividends, splits and bars from the script, by symbol and date range, ascending', async () => {
    const { provider } = scripted(history);
    expect((await provider.getDividends('KO', '2019-01-01', '2019-12-31')).map((d) => d.exDate)).toEqual([
      '2019-03-14',
      '2019-06-13',
    ]);
    expect(await provider.getDividends('KO', '2019-04-01', '2019-05-31')).toEqual([]);
    expect(await provider.getSplits('AAPL', '2020-01-01', '2020-12-31')).toEqual(history.splits);
    expect(await provider.getDailyBars('KO', '2019-03-14', '2019-03-14')).toEqual(history.bars.KO);
  });

  it('throw and timeout make history calls reject with that kind', async () => {
    const { provider } = scripted({ ...history, failures: { KO: 'throw', AAPL: 'timeout' } });
    await expect(provider.getDividends('KO', '2019-01-01', '2019-12-31')).rejects.toMatchObject({
      kind: 'provider_error',
    });
    await expect(provider.getSplits('AAPL', '2020-01-01', '2020-12-31')).rejects.toMatchObject({
      kind: 'timeout',
    });
  });
});
