import { afterEach, describe, expect, it } from 'vitest';
import { tradingDaysBetween } from '../../../shared/domain/calendar';
import type { BarSeries } from '../../../shared/ports/HistoricalBars';
import type { DailyBar, DividendInfo } from '../../../shared/ports/MarketData';
import { MarketDataError } from '../../../shared/ports/MarketData';
import { openTestStore, removeDir, type TestStore } from '../../db/testing/testDatabase';
import { lastSettledDate, missingRanges, ProviderHistoryBarSource } from './ProviderHistoryBarSource';

/** A provider whose daily history is a formula of the date; it counts and records every call. */
class FakeProvider {
  readonly name = 'fake';
  calls: [string, string, string][] = [];
  failWith: MarketDataError | null = null;
  /** Bars the next calls return in place of the formula's (garbage tests). */
  override: DailyBar[] | null = null;
  dividends: DividendInfo[] = [];

  async getDailyBars(symbol: string, from: string, to: string): Promise<DailyBar[]> {
    this.calls.push([symbol, from, to]);
    await Promise.resolve();
    if (this.failWith) throw this.failWith;
    return this.override ?? tradingDaysBetween(from, to).map(barOf);
  }

  async getDividends(symbol: string, from: string, to: string): Promise<DividendInfo[]> {
    this.calls.push([symbol, from, to]);
    if (this.failWith) throw this.failWith;
    return this.dividends;
  }
}

function barOf(date: string): DailyBar {
  const n = Number(date.replaceAll('-', '')) % 997;
  return {
    date,
    open: 50 + n / 100,
    high: 51 + n / 100,
    low: 49 + n / 100,
    close: 50.25 + n / 100,
    volume: 1_000 + n,
  };
}

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.close();
    removeDir(s.dir);
  }
});

/** Saturday 2024-06-15 12:00 UTC: the last settled session is Friday 2024-06-14. */
const SATURDAY = Date.UTC(2024, 5, 15, 12);

async function setup(now = SATURDAY) {
  const s = await openTestStore();
  stores.push(s);
  const provider = new FakeProvider();
  const clock = { t: now, now: () => clock.t };
  const source = new ProviderHistoryBarSource(provider, s.store.priceHistory, clock);
  return { s, provider, clock, source };
}

function dates(series: BarSeries): string[] {
  return [...series.session];
}

async function bars(source: ProviderHistoryBarSource, from: string, to: string): Promise<BarSeries> {
  const r = await source.getBars('KO', from, to, '1d');
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.bars;
}

describe('missingRanges', () => {
  const covered = [
    { from: '2024-01-10', to: '2024-01-20' },
    { from: '2024-02-01', to: '2024-02-10' },
  ];
  it.each([
    ['all covered', '2024-01-12', '2024-01-15', []],
    ['nothing cached', '2023-01-01', '2023-01-31', [['2023-01-01', '2023-01-31']]],
    [
      'before and after',
      '2024-01-01',
      '2024-02-20',
      [
        ['2024-01-01', '2024-01-09'],
        ['2024-01-21', '2024-01-31'],
        ['2024-02-11', '2024-02-20'],
      ],
    ],
    ['touching the end exactly', '2024-01-15', '2024-01-21', [['2024-01-21', '2024-01-21']]],
    ['between', '2024-01-25', '2024-01-28', [['2024-01-25', '2024-01-28']]],
  ])('%s', (_, from, to, expected) => {
    expect(missingRanges(covered, from, to)).toEqual(
      (expected as [string, string][]).map(([f, t]) => ({ from: f, to: t })),
    );
  });
});

describe('lastSettledDate', () => {
  it.each([
    ['a Saturday: Friday', SATURDAY, '2024-06-14'],
    ['during a session: the day before', Date.UTC(2024, 5, 13, 19), '2024-06-12'],
    ['just after the close: still the day before', Date.UTC(2024, 5, 13, 20, 30), '2024-06-12'],
    ['an hour after the close: today', Date.UTC(2024, 5, 13, 21), '2024-06-13'],
    ['early close (Black Friday 13:00 NY): 14:00 NY', Date.UTC(2024, 10, 29, 19), '2024-11-29'],
  ])('%s', (_, now, expected) => expect(lastSettledDate(now)).toBe(expected));
});

describe('ProviderHistoryBarSource', () => {
  it('fetches a range once; a range it covers is answered from SQLite without a call', async () => {
    const { provider, source } = await setup();
    const first = await bars(source, '2024-01-01', '2024-03-31');
    expect(provider.calls).toEqual([['KO', '2024-01-01', '2024-03-31']]);
    expect(dates(first)).toEqual(tradingDaysBetween('2024-01-01', '2024-03-31'));
    expect(first.close[0]).toBe(barOf('2024-01-02').close);
    expect(first.volume[0]).toBe(barOf('2024-01-02').volume);
    expect(first.time[0]).toBe(Date.UTC(2024, 0, 2));
    expect(first.source).toBe('provider:fake');

    const again = await bars(source, '2024-01-01', '2024-03-31');
    const inside = await bars(source, '2024-02-05', '2024-02-20');
    expect(provider.calls).toHaveLength(1);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(dates(inside)).toEqual(tradingDaysBetween('2024-02-05', '2024-02-20'));
  });

  it('an extended range fetches only the missing stretches', async () => {
    const { provider, source } = await setup();
    await bars(source, '2024-02-01', '2024-02-29');
    provider.calls = [];
    const wider = await bars(source, '2024-01-01', '2024-04-30');
    expect(provider.calls).toEqual([
      ['KO', '2024-01-01', '2024-01-31'],
      ['KO', '2024-03-01', '2024-04-30'],
    ]);
    expect(dates(wider)).toEqual(tradingDaysBetween('2024-01-01', '2024-04-30'));
  });

  it('never fetches or caches an unsettled session; the next day fetches just the new days', async () => {
    const { provider, source, clock } = await setup(Date.UTC(2024, 5, 12, 15)); // Wednesday, market open
    const r = await bars(source, '2024-06-01', '2024-12-31');
    expect(provider.calls).toEqual([['KO', '2024-06-01', '2024-06-11']]);
    expect(dates(r).at(-1)).toBe('2024-06-11');
    clock.t = SATURDAY;
    provider.calls = [];
    const later = await bars(source, '2024-06-01', '2024-12-31');
    expect(provider.calls).toEqual([['KO', '2024-06-12', '2024-06-14']]);
    expect(dates(later).at(-1)).toBe('2024-06-14');
    expect(await source.getBars('KO', '2024-07-01', '2024-07-31', '1d')).toMatchObject({
      ok: false,
      code: 'NO_DATA',
    });
  });

  it('asks nothing for a stretch of weekends and holidays, and remembers it', async () => {
    const { provider, source } = await setup();
    await bars(source, '2024-01-02', '2024-01-05');
    provider.calls = [];
    // 2023-12-30..2024-01-01: Saturday, Sunday, New Year's Day.
    await bars(source, '2023-12-30', '2024-01-05');
    expect(provider.calls).toEqual([]);
  });

  it('keeps only whole bars of the range asked: no NaN, no zero, no stray date, one bar a day', async () => {
    const { provider, source, s } = await setup();
    provider.override = [
      { ...barOf('2024-03-04'), close: Number.NaN },
      barOf('2024-03-05'),
      { ...barOf('2024-03-06'), open: 0 },
      { ...barOf('2024-03-07'), close: 1 },
      { ...barOf('2024-03-07'), close: 2 },
      barOf('2024-04-01'),
      { ...barOf('2024-03-08'), volume: Number.NaN },
    ];
    const r = await bars(source, '2024-03-04', '2024-03-08');
    expect(dates(r)).toEqual(['2024-03-05', '2024-03-07', '2024-03-08']);
    expect(r.close[1]).toBe(2);
    expect(Number.isNaN(r.volume[2])).toBe(true);
    const stored = s.db.sqlite.prepare('SELECT date, volume FROM price_history ORDER BY date').all();
    expect(stored).toEqual([
      { date: '2024-03-05', volume: barOf('2024-03-05').volume },
      { date: '2024-03-07', volume: barOf('2024-03-07').volume },
      { date: '2024-03-08', volume: null },
    ]);
  });

  it('when the provider fails, answers the cached part if it is one unbroken stretch', async () => {
    const { provider, source } = await setup();
    await bars(source, '2024-02-01', '2024-03-31');
    provider.failWith = new MarketDataError('timeout', 'no answer in 10 s');
    const r = await source.getBars('KO', '2024-01-01', '2024-06-14', '1d');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(dates(r.bars)).toEqual(tradingDaysBetween('2024-02-01', '2024-03-31'));
    expect(r.bars.source).toBe('provider:fake (cached part; refresh failed)');
    expect(provider.calls.slice(-2)).toEqual([
      ['KO', '2024-01-01', '2024-01-31'],
      ['KO', '2024-04-01', '2024-06-14'],
    ]);
  });

  it('when the provider fails and the cache has a hole, fails clearly rather than return bars with a gap', async () => {
    const { provider, source } = await setup();
    await bars(source, '2024-01-01', '2024-01-31');
    await bars(source, '2024-03-01', '2024-03-31');
    provider.failWith = new MarketDataError('provider_error', 'HTTP 503');
    const r = await source.getBars('KO', '2024-01-01', '2024-03-31', '1d');
    expect(r).toMatchObject({ ok: false, code: 'SOURCE_ERROR' });
    if (r.ok) return;
    expect(r.message).toContain('fake failed for KO 2024-02-01..2024-02-29 (HTTP 503)');
    expect(r.message).toContain('2024-01-01..2024-01-31, 2024-03-01..2024-03-31');
    // Nothing of the failed stretch was recorded as covered: the next request tries again.
    provider.failWith = null;
    provider.calls = [];
    expect(dates(await bars(source, '2024-01-01', '2024-03-31'))).toEqual(
      tradingDaysBetween('2024-01-01', '2024-03-31'),
    );
    expect(provider.calls).toEqual([['KO', '2024-02-01', '2024-02-29']]);
  });

  it('with nothing cached, a failure is UNKNOWN_SYMBOL when the provider does not know it, else SOURCE_ERROR', async () => {
    const { provider, source } = await setup();
    provider.failWith = new MarketDataError('not_found', 'no such symbol');
    expect(await source.getBars('ZZZZ', '2024-01-01', '2024-01-31', '1d')).toMatchObject({
      ok: false,
      code: 'UNKNOWN_SYMBOL',
    });
    provider.failWith = new MarketDataError('circuit_open', 'circuit open');
    expect(await source.getBars('KO', '2024-01-01', '2024-01-31', '1d')).toMatchObject({
      ok: false,
      code: 'SOURCE_ERROR',
    });
  });

  it('refuses other intervals and malformed requests without calling the provider', async () => {
    const { provider, source } = await setup();
    expect(await source.getBars('KO', '2024-01-01', '2024-01-31', '5m')).toMatchObject({
      code: 'UNSUPPORTED_INTERVAL',
    });
    expect(await source.getBars('KO', '2024-02-01', '2024-01-31', '1d')).toMatchObject({
      code: 'INVALID_RANGE',
    });
    expect(await source.getBars('../KO', '2024-01-01', '2024-01-31', '1d')).toMatchObject({
      code: 'UNKNOWN_SYMBOL',
    });
    expect(provider.calls).toEqual([]);
  });

  it('two requests at once for the same symbol make one call', async () => {
    const { provider, source } = await setup();
    const [a, b] = await Promise.all([
      bars(source, '2024-01-01', '2024-03-31'),
      bars(source, '2024-01-01', '2024-03-31'),
    ]);
    expect(provider.calls).toHaveLength(1);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('lists the symbols it has cached, and caches per provider', async () => {
    const { s, source, provider } = await setup();
    await bars(source, '2024-01-01', '2024-01-31');
    await source.getBars('pep', '2024-01-01', '2024-01-31', '1d');
    expect(await source.listSymbols()).toEqual(['KO', 'PEP']);
    const other = new ProviderHistoryBarSource(
      {
        ...provider,
        name: 'other',
        getDailyBars: provider.getDailyBars.bind(provider),
        getDividends: provider.getDividends.bind(provider),
      },
      s.store.priceHistory,
      { now: () => SATURDAY },
    );
    expect(await other.listSymbols()).toEqual([]);
  });

  it('passes dividends through from the provider, in the port shape', async () => {
    const { provider, source } = await setup();
    provider.dividends = [
      {
        symbol: 'KO',
        exDate: '2024-03-14',
        payDate: '2024-04-01',
        amountPerShare: 0.485,
        currency: 'USD',
        withholdingTaxPct: null,
        source: 'fake',
      },
      {
        symbol: 'KO',
        exDate: '2023-11-30',
        payDate: null,
        amountPerShare: 0.46,
        currency: 'USD',
        withholdingTaxPct: 0.15,
        source: 'fake',
      },
      {
        symbol: 'KO',
        exDate: '2025-01-01',
        payDate: null,
        amountPerShare: 9,
        currency: 'USD',
        withholdingTaxPct: null,
        source: 'fake',
      },
    ];
    expect(await source.getDividends('KO', '2023-01-01', '2024-12-31')).toEqual({
      ok: true,
      dividends: [
        { symbol: 'KO', exDate: '2023-11-30', payDate: null, amount: 0.46, withholdingPct: 0.15 },
        { symbol: 'KO', exDate: '2024-03-14', payDate: '2024-04-01', amount: 0.485, withholdingPct: null },
      ],
    });
    provider.failWith = new MarketDataError('timeout', 'slow');
    expect(await source.getDividends('KO', '2023-01-01', '2024-12-31')).toMatchObject({
      ok: false,
      code: 'SOURCE_ERROR',
    });
  });
});
