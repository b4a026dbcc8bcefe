import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact } from '../../../shared/domain/ExactDecimal';
import { BundledBarSource, resolveBundledDataDir } from '../data/BundledBarSource';
import { intradayLast } from './IntradayPath';
import { ReplayClock } from './ReplayClock';
import { ReplayMarketData } from './ReplayMarketData';

/** The bundled dataset (resources/data, or $VB_DATA_DIR): real AAPL and KO history. */
const history = new BundledBarSource(resolveBundledDataDir());

// AAPL on Monday 2020-03-16, a big down day (New York on EDT: 09:30 = 13:30Z, 16:00 = 20:00Z).
const AAPL_2020_03_13_CLOSE = 69.49250030517578;
const AAPL_2020_03_16 = {
  open: 60.48749923706055,
  high: 64.7699966430664,
  low: 60.0,
  close: 60.5525016784668,
};
const AAPL_2020_04_09_CLOSE = 66.99749755859375;

function replayAt(iso: string, halfSpreadBps = 5) {
  let now = Date.parse(iso);
  const provider = new ReplayMarketData({ clock: { now: () => now }, history, halfSpreadBps });
  return { provider, setNow: (at: string) => (now = Date.parse(at)) };
}

async function quoteOf(provider: ReplayMarketData, symbol = 'AAPL') {
  const result = (await provider.getQuotes([symbol], { timeoutMs: 5_000 })).get(symbol);
  if (!result?.ok) throw new Error(`expected a quote, got ${JSON.stringify(result)}`);
  return result;
}

describe('ReplayMarketData — quotes from real daily bars (AAPL, 2020-03-16)', () => {
  const rows = [
    {
      name: 'at the open, 09:30 ET: the open',
      at: '2020-03-16T13:30:00Z',
      last: AAPL_2020_03_16.open,
      ts: '2020-03-16T13:30:00Z',
      state: 'REGULAR',
    },
    {
      name: 'one third into the session (11:40 ET), up day: the low first',
      at: '2020-03-16T15:40:00Z',
      last: AAPL_2020_03_16.low,
      ts: '2020-03-16T15:40:00Z',
      state: 'REGULAR',
    },
    {
      name: 'two thirds in (13:50 ET): the high',
      at: '2020-03-16T17:50:00Z',
      last: AAPL_2020_03_16.high,
      ts: '2020-03-16T17:50:00Z',
      state: 'REGULAR',
    },
    {
      name: 'halfway from the open to the low, rounded to the cent',
      at: '2020-03-16T14:35:00Z',
      last: 60.24,
      ts: '2020-03-16T14:35:00Z',
      state: 'REGULAR',
    },
    {
      name: 'at the close, 16:00 ET: the close',
      at: '2020-03-16T20:00:00Z',
      last: AAPL_2020_03_16.close,
      ts: '2020-03-16T20:00:00Z',
      state: 'POST',
    },
    {
      name: 'late evening: still the close',
      at: '2020-03-17T01:00:00Z',
      last: AAPL_2020_03_16.close,
      ts: '2020-03-16T20:00:00Z',
      state: 'CLOSED',
    },
    {
      name: 'a second before the open: the previous close',
      at: '2020-03-16T13:29:59Z',
      last: AAPL_2020_03_13_CLOSE,
      ts: '2020-03-13T20:00:00Z',
      state: 'PRE',
    },
    {
      name: 'on the weekend: the previous close',
      at: '2020-03-14T16:00:00Z',
      last: AAPL_2020_03_13_CLOSE,
      ts: '2020-03-13T20:00:00Z',
      state: 'CLOSED',
    },
    {
      name: 'on a holiday (Good Friday 2020-04-10): the previous close',
      at: '2020-04-10T15:00:00Z',
      last: AAPL_2020_04_09_CLOSE,
      ts: '2020-04-09T20:00:00Z',
      state: 'CLOSED',
    },
    {
      name: 'on an early-close day (2019-11-29) the close comes at 13:00 ET',
      at: '2019-11-29T18:00:00Z',
      last: 66.8125,
      ts: '2019-11-29T18:00:00Z',
      state: 'POST',
    },
    {
      name: 'after the dataset ends: its last close',
      at: '2026-06-02T15:00:00Z',
      last: 312.05999755859375,
      ts: '2026-05-29T20:00:00Z',
      state: 'REGULAR',
    },
  ];
  it.each(rows)('$name', async ({ at, last, ts, state }) => {
    const quote = await quoteOf(replayAt(at).provider);
    expect(quote.quote.last).toBe(last);
    expect(quote.quote.ts).toBe(Date.parse(ts));
    expect(quote.marketState).toBe(state);
  });

  it('bid and ask are last ∓ the half-spread, in exact decimals', async () => {
    const { quote } = await quoteOf(replayAt('2020-03-16T13:30:00Z', 10).provider);
    const half = exact(AAPL_2020_03_16.open).times(10).div(10_000);
    expect(quote.bid).toBe(exact(AAPL_2020_03_16.open).minus(half).toNumber());
    expect(quote.ask).toBe(exact(AAPL_2020_03_16.open).plus(half).toNumber());
    expect(
      exact(quote.bid as number)
        .plus(exact(quote.ask as number))
        .div(2)
        .toNumber(),
    ).toBe(AAPL_2020_03_16.open);
  });

  it('with no spread, bid = ask = last', async () => {
    const { quote } = await quoteOf(replayAt('2020-03-16T15:00:00Z', 0).provider);
    expect([quote.bid, quote.ask]).toEqual([quote.last, quote.last]);
  });

  it('is deterministic: the same instant gives the same quote, in any provider', async () => {
    const a = await quoteOf(replayAt('2020-03-16T16:07:13Z').provider);
    const b = await quoteOf(replayAt('2020-03-16T16:07:13Z').provider);
    expect(a).toEqual(b);
  });

  it('moves as the virtual clock moves', async () => {
    const { provider, setNow } = replayAt('2020-03-16T13:30:00Z');
    const seen: number[] = [];
    for (const at of [
      '2020-03-16T13:30:00Z',
      '2020-03-16T15:40:00Z',
      '2020-03-16T17:50:00Z',
      '2020-03-16T20:00:00Z',
    ]) {
      setNow(at);
      seen.push((await quoteOf(provider)).quote.last as number);
    }
    expect(seen).toEqual([
      AAPL_2020_03_16.open,
      AAPL_2020_03_16.low,
      AAPL_2020_03_16.high,
      AAPL_2020_03_16.close,
    ]);
  });

  it('answers every symbol: unknown ones and dates before the history as not_found', async () => {
    const quotes = await replayAt('1999-12-30T15:00:00Z').provider.getQuotes(['AAPL', 'NOPE', '../x'], {
      timeoutMs: 5_000,
    });
    expect([...quotes.values()].map((q) => (q.ok ? 'ok' : q.kind))).toEqual([
      'not_found',
      'not_found',
      'not_found',
    ]);
  });

  it('reports a healthy provider', async () => {
    const { provider } = replayAt('2020-03-16T15:00:00Z');
    await quoteOf(provider);
    expect(provider.health()).toEqual({
      provider: 'replay',
      circuit: 'closed',
      lastSuccessAt: Date.parse('2020-03-16T15:00:00Z'),
      lastError: null,
      nextRetryAt: null,
      consecutiveFailures: 0,
    });
  });
});

describe('ReplayMarketData — history', () => {
  it('gives KO’s 2019 dividends with their real ex-dates and amounts, pay date unknown', async () => {
    const dividends = await replayAt('2020-01-02T15:00:00Z').provider.getDividends(
      'KO',
      '2019-01-01',
      '2019-12-31',
    );
    expect(dividends).toEqual(
      ['2019-03-14', '2019-06-13', '2019-09-13', '2019-11-29'].map((exDate) => ({
        symbol: 'KO',
        exDate,
        payDate: null,
        amountPerShare: 0.4,
        currency: 'USD',
        withholdingTaxPct: null,
        source: 'bundled',
      })),
    );
  });

  it('has no splits: the dataset is split-adjusted already', async () => {
    expect(await replayAt('2020-09-01T15:00:00Z').provider.getSplits('AAPL')).toEqual([]);
  });

  it('rejects history for an unknown symbol as not_found', async () => {
    const { provider } = replayAt('2020-03-16T15:00:00Z');
    await expect(provider.getDailyBars('NOPE', '2020-01-01', '2020-12-31')).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(provider.getDividends('NOPE', '2020-01-01', '2020-12-31')).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(provider.getSplits('NOPE')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('gives daily bars only for sessions that have closed by the virtual now', async () => {
    const { provider, setNow } = replayAt('2020-03-16T15:00:00Z');
    const during = await provider.getDailyBars('AAPL', '2020-03-12', '2020-03-20');
    expect(during.map((b) => b.date)).toEqual(['2020-03-12', '2020-03-13']);
    setNow('2020-03-16T20:00:00Z');
    const after = await provider.getDailyBars('AAPL', '2020-03-12', '2020-03-20');
    expect(after.map((b) => b.date)).toEqual(['2020-03-12', '2020-03-13', '2020-03-16']);
    expect(after[2]).toEqual({ date: '2020-03-16', ...AAPL_2020_03_16, volume: 322423600 });
  });
});

describe('intradayLast — the synthetic path', () => {
  const START = 0;
  const END = 390 * 60_000;

  it('on a down day visits the high first', () => {
    const bar = { open: 100, high: 104, low: 95, close: 97 };
    expect(intradayLast(bar, START, END, END / 3)).toBe(104);
    expect(intradayLast(bar, START, END, (2 * END) / 3)).toBe(95);
  });

  it('below one dollar it rounds to 0.0001', () => {
    const bar = { open: 0.5, high: 0.6, low: 0.4, close: 0.55 };
    expect(intradayLast(bar, START, END, END / 6)).toBe(0.45);
    expect(intradayLast(bar, START, END, END / 7)).toBe(0.4571);
  });

  it('never leaves the day’s range, and starts and ends on the real open and close', () => {
    const bars = fc
      .tuple(
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.double({ min: 0.01, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([a, b, u, v]) => {
        const low = Math.min(a, b);
        const high = Math.max(a, b);
        return { open: low + u * (high - low), close: low + v * (high - low), high, low };
      });
    fc.assert(
      fc.property(bars, fc.integer({ min: START, max: END }), (bar, at) => {
        const last = intradayLast(bar, START, END, at);
        const tick = last >= 1 ? 0.005 : 0.00005;
        expect(last).toBeGreaterThanOrEqual(bar.low - tick);
        expect(last).toBeLessThanOrEqual(bar.high + tick);
        expect(intradayLast(bar, START, END, START)).toBe(bar.open);
        expect(intradayLast(bar, START, END, END)).toBe(bar.close);
      }),
    );
  });
});

describe('ReplayClock', () => {
  const V0 = Date.parse('2020-03-16T13:30:00Z');

  it('plays the chosen past at the chosen speed', () => {
    let real = 1_000_000;
    const clock = new ReplayClock({
      startReal: 1_000_000,
      startVirtual: V0,
      speed: 60,
      realClock: { now: () => real },
    });
    expect(clock.now()).toBe(V0);
    real += 1_000;
    expect(clock.now()).toBe(V0 + 60_000);
    real += 5 * 60_000;
    expect(clock.now()).toBe(V0 + 60_000 + 5 * 3_600_000);
  });

  it('says when, in real time, a virtual instant comes (5 virtual minutes at 60× = 5 real seconds)', () => {
    const clock = new ReplayClock({
      startReal: 1_000_000,
      startVirtual: V0,
      speed: 60,
      realClock: { now: () => 0 },
    });
    expect(clock.realInstantOf(V0 + 5 * 60_000)).toBe(1_000_000 + 5_000);
  });

  it('reaches every virtual instant by the real instant it names', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 10_000, noNaN: true }),
        fc.integer({ min: 0, max: 10 ** 10 }),
        (speed, offset) => {
          let real = 0;
          const clock = new ReplayClock({
            startReal: 5_000,
            startVirtual: V0,
            speed,
            realClock: { now: () => real },
          });
          real = clock.realInstantOf(V0 + offset);
          expect(clock.now()).toBeGreaterThanOrEqual(V0 + offset);
        },
      ),
    );
  });

  it('refuses a speed that is not positive', () => {
    for (const speed of [0, -1, NaN, Infinity]) {
      expect(() => new ReplayClock({ startReal: 0, startVirtual: V0, speed })).toThrow(RangeError);
    }
  });

  it('drives the replay provider', async () => {
    let real = 0;
    const clock = new ReplayClock({
      startReal: 0,
      startVirtual: V0,
      speed: 390,
      realClock: { now: () => real },
    });
    const provider = new ReplayMarketData({ clock, history });
    real = 60_000; // one real minute at 390× is the whole 6.5-hour session
    expect((await quoteOf(provider)).quote.last).toBe(AAPL_2020_03_16.close);
  });
});
