import { afterEach, describe, expect, it } from 'vitest';
import type { BarSeries } from '../../../shared/ports/HistoricalBars';
import type { QuoteLogEntry } from '../../../shared/ports/QuoteLogRepository';
import { positionSpec, runSimulation } from '../../../shared/simulation';
import { simSpec } from '../../../shared/simulation/testing/bars';
import { openTestStore, removeDir, type TestStore } from '../../db/testing/testDatabase';
import { QuoteLogBarSource } from './QuoteLogBarSource';

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) {
    s.close();
    removeDir(s.dir);
  }
});

/** A quote at a New York wall-clock time (2024-01-xx: EST, UTC−5; 2024-03-11: EDT, UTC−4). */
function quote(iso: string, last: number | null, symbol = 'KO', offsetHours = 5): QuoteLogEntry {
  const ts = Date.parse(`${iso}Z`) + offsetHours * 3_600_000;
  return { symbol, ts, bid: null, ask: null, last, source: 'yahoo', tickId: null };
}

async function logWith(entries: QuoteLogEntry[], tenantEntries: QuoteLogEntry[] = []) {
  const s = await openTestStore();
  stores.push(s);
  s.store.tenants.insert({ id: 't1', name: 'T', createdAt: 1 });
  s.store.quotes.append(null, entries);
  if (tenantEntries.length > 0) s.store.quotes.append('t1', tenantEntries);
  return s;
}

function rows(b: BarSeries): [string, string, number, number, number, number][] {
  return Array.from(b.time, (t, i) => [
    new Date(t).toISOString(),
    b.session[i] as string,
    b.open[i] as number,
    b.high[i] as number,
    b.low[i] as number,
    b.close[i] as number,
  ]);
}

async function bars(
  source: QuoteLogBarSource,
  from: string,
  to: string,
  interval: '5m' | '1h' | '1d' | '15m',
) {
  const r = await source.getBars('KO', from, to, interval);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.bars;
}

const DAY = [
  quote('2024-01-02T08:00:00', 59.0), // pre-market
  quote('2024-01-02T09:30:00', 60.0),
  quote('2024-01-02T09:31:10', 60.4),
  quote('2024-01-02T09:33:00', 59.8),
  quote('2024-01-02T09:35:00', 60.1),
  quote('2024-01-02T09:36:00', null), // no last price
  quote('2024-01-02T10:29:59', 61.0),
  quote('2024-01-02T10:30:00', 61.2),
  quote('2024-01-02T15:59:59', 62.0),
  quote('2024-01-02T16:00:00', 62.5), // after the close
  quote('2024-01-02T17:00:00', 62.7), // post-market
];

describe('QuoteLogBarSource', () => {
  it('aggregates each quote’s last price into OHLC bars of the interval, regular session only', async () => {
    const s = await logWith(DAY);
    const source = new QuoteLogBarSource(s.store.quotes);
    const five = await bars(source, '2024-01-02', '2024-01-02', '5m');
    expect(rows(five)).toEqual([
      ['2024-01-02T14:30:00.000Z', '2024-01-02', 60.0, 60.4, 59.8, 59.8],
      ['2024-01-02T14:35:00.000Z', '2024-01-02', 60.1, 60.1, 60.1, 60.1],
      ['2024-01-02T15:25:00.000Z', '2024-01-02', 61.0, 61.0, 61.0, 61.0],
      ['2024-01-02T15:30:00.000Z', '2024-01-02', 61.2, 61.2, 61.2, 61.2],
      ['2024-01-02T20:55:00.000Z', '2024-01-02', 62.0, 62.0, 62.0, 62.0],
    ]);
    expect(five.interval).toBe('5m');
    expect(five.source).toBe('quote-log');
    expect(Array.from(five.volume).every(Number.isNaN)).toBe(true);
  });

  it('aligns hourly bars on the 09:30 open and makes one daily bar per session', async () => {
    const s = await logWith(DAY);
    const source = new QuoteLogBarSource(s.store.quotes);
    expect(rows(await bars(source, '2024-01-02', '2024-01-02', '1h'))).toEqual([
      ['2024-01-02T14:30:00.000Z', '2024-01-02', 60.0, 61.0, 59.8, 61.0],
      ['2024-01-02T15:30:00.000Z', '2024-01-02', 61.2, 61.2, 61.2, 61.2],
      ['2024-01-02T20:30:00.000Z', '2024-01-02', 62.0, 62.0, 62.0, 62.0],
    ]);
    expect(rows(await bars(source, '2024-01-02', '2024-01-02', '1d'))).toEqual([
      ['2024-01-02T00:00:00.000Z', '2024-01-02', 60.0, 62.0, 59.8, 62.0],
    ]);
  });

  it('includes the extended sessions when asked', async () => {
    const s = await logWith(DAY);
    const source = new QuoteLogBarSource(s.store.quotes, { includeExtendedHours: true });
    const daily = await bars(source, '2024-01-02', '2024-01-02', '1d');
    expect(rows(daily)).toEqual([['2024-01-02T00:00:00.000Z', '2024-01-02', 59.0, 62.7, 59.0, 62.7]]);
    const hourly = await bars(source, '2024-01-02', '2024-01-02', '1h');
    expect(rows(hourly)[0]).toEqual(['2024-01-02T12:30:00.000Z', '2024-01-02', 59.0, 59.0, 59.0, 59.0]);
  });

  it('follows daylight saving time and reads only the sessions asked for', async () => {
    const s = await logWith([
      ...DAY,
      quote('2024-03-11T09:30:00', 58.0, 'KO', 4),
      quote('2024-03-11T09:44:00', 58.3, 'KO', 4),
      quote('2024-03-11T09:30:00', 170.0, 'AAPL', 4),
    ]);
    const source = new QuoteLogBarSource(s.store.quotes);
    expect(rows(await bars(source, '2024-03-11', '2024-03-11', '15m'))).toEqual([
      ['2024-03-11T13:30:00.000Z', '2024-03-11', 58.0, 58.3, 58.0, 58.3],
    ]);
    const both = await bars(source, '2024-01-01', '2024-03-31', '1d');
    expect([...both.session]).toEqual(['2024-01-02', '2024-03-11']);
  });

  it('reads the scope it is given: the shared log by default, a tenant’s own when asked', async () => {
    const s = await logWith(DAY, [quote('2024-01-02T11:00:00', 70.0)]);
    const shared = await bars(new QuoteLogBarSource(s.store.quotes), '2024-01-02', '2024-01-02', '1d');
    expect(shared.high[0]).toBe(62.0);
    const own = await bars(
      new QuoteLogBarSource(s.store.quotes, { scope: 't1' }),
      '2024-01-02',
      '2024-01-02',
      '1d',
    );
    expect(rows(own)).toEqual([['2024-01-02T00:00:00.000Z', '2024-01-02', 70.0, 70.0, 70.0, 70.0]]);
  });

  it('answers NO_DATA without quotes, and checks the request', async () => {
    const s = await logWith(DAY);
    const source = new QuoteLogBarSource(s.store.quotes, { symbols: () => ['PEP', 'KO'] });
    expect(await source.getBars('KO', '2024-01-03', '2024-01-31', '5m')).toMatchObject({
      ok: false,
      code: 'NO_DATA',
    });
    expect(await source.getBars('KO', '2024-02-01', '2024-01-01', '5m')).toMatchObject({
      code: 'INVALID_RANGE',
    });
    expect(await source.getBars('K/O', '2024-01-01', '2024-01-31', '5m')).toMatchObject({
      code: 'UNKNOWN_SYMBOL',
    });
    expect(await source.listSymbols()).toEqual(['KO', 'PEP']);
    expect(await new QuoteLogBarSource(s.store.quotes).listSymbols()).toEqual([]);
  });

  it('gives bars the simulation replays (intraday, no volume)', async () => {
    const ticks: QuoteLogEntry[] = [];
    const path = [60, 58, 57.5, 61, 63, 59, 60.2, 62.9];
    for (const [day, date] of ['2024-01-02', '2024-01-03'].entries())
      for (let k = 0; k < 4; k++)
        ticks.push(quote(`${date}T${String(10 + k).padStart(2, '0')}:00:00`, path[day * 4 + k] as number));
    const s = await logWith(ticks);
    const source = new QuoteLogBarSource(s.store.quotes);
    const series = await bars(source, '2024-01-01', '2024-01-31', '5m');
    const spec = simSpec([positionSpec('KO', 1_000_000)], {
      interval: '5m',
      from: '2024-01-01',
      to: '2024-01-31',
    });
    const outcome = runSimulation(spec, [{ bars: series, dividends: [] }]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.inputs.bars).toBe(8);
    expect(outcome.result.equity.dates).toEqual(['2024-01-02', '2024-01-03']);
    expect(outcome.result.trades.filter((t) => t.status === 'FILLED').length).toBeGreaterThan(1);
  });
});
