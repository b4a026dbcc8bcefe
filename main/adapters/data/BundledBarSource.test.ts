import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundledBarSource, resolveBundledDataDir } from './BundledBarSource';
import { CsvBarSource } from './CsvBarSource';
import { LayeredBarSource } from './LayeredBarSource';

const dataDir = resolveBundledDataDir();

describe('BundledBarSource', () => {
  it('finds the dataset and lists its 14 symbols without loading them', async () => {
    const source = new BundledBarSource(dataDir);
    expect(await source.listSymbols()).toEqual([
      'AAPL',
      'CSCO',
      'GE',
      'IBM',
      'INTC',
      'JPM',
      'KO',
      'MSFT',
      'ORCL',
      'PEP',
      'PG',
      'SPY',
      'T',
      'WMT',
    ]);
  });

  it('returns a date range of KO with the exact CSV prices', async () => {
    const r = await new BundledBarSource(dataDir).getBars('ko', '2000-01-01', '2000-01-05', '1d');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bars.symbol).toBe('KO');
    expect(r.bars.session).toEqual(['2000-01-03', '2000-01-04', '2000-01-05']);
    expect([...r.bars.close]).toEqual([28.1875, 28.21875, 28.46875]);
    expect([...r.bars.volume]).toEqual([10997000, 7308000, 9457400]);
  });

  it('every price field of every file prints back as the same value (its text is the exact price)', () => {
    const mismatches: string[] = [];
    for (const file of readdirSync(path.join(dataDir, 'prices'))) {
      const lines = readFileSync(path.join(dataDir, 'prices', file), 'utf8')
        .trim()
        .split('\n')
        .slice(1);
      for (const line of lines) {
        for (const field of line.split(',').slice(1, 5)) {
          const printed = String(Number(field));
          if (printed !== field && `${printed}.0` !== field) mismatches.push(`${file} ${field}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gives dividends with unknown pay dates, including the KO non-trading ex-date', async () => {
    const r = await new BundledBarSource(dataDir).getDividends('KO', '2001-09-01', '2001-09-30');
    expect(r).toEqual({
      ok: true,
      dividends: [
        { symbol: 'KO', exDate: '2001-09-12', payDate: null, amount: 0.18, withholdingPct: null },
        { symbol: 'KO', exDate: '2001-09-17', payDate: null, amount: 0.09, withholdingPct: null },
      ],
    });
  });

  it.each([
    { name: 'an unknown symbol', args: ['NOPE', '2000-01-01', '2000-12-31', '1d'], code: 'UNKNOWN_SYMBOL' },
    {
      name: 'a path as a symbol',
      args: ['../prices/KO', '2000-01-01', '2000-12-31', '1d'],
      code: 'UNKNOWN_SYMBOL',
    },
    { name: 'a range with no data', args: ['KO', '1995-01-01', '1995-12-31', '1d'], code: 'NO_DATA' },
    { name: 'a reversed range', args: ['KO', '2001-01-01', '2000-01-01', '1d'], code: 'INVALID_RANGE' },
    { name: 'a malformed date', args: ['KO', '2001-13-01', '2002-01-01', '1d'], code: 'INVALID_RANGE' },
    { name: 'intraday bars', args: ['KO', '2000-01-01', '2000-12-31', '5m'], code: 'UNSUPPORTED_INTERVAL' },
  ] as const)('refuses $name with a clear failure', async ({ args, code }) => {
    const [symbol, from, to, interval] = args;
    const r = await new BundledBarSource(dataDir).getBars(symbol, from, to, interval);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.length).toBeGreaterThan(10);
    }
  });
});

describe('CsvBarSource and LayeredBarSource', () => {
  const text =
    'date,open,high,low,close,volume\n2024-01-02,10,11,9.5,10.5,1000\n2024-01-03,10.5,10.75,10,10.125,2000';

  it('imports a valid file and serves it before the bundled data', async () => {
    const csv = new CsvBarSource();
    expect(csv.importBars('KO', text, { fileName: 'ko.csv' })).toMatchObject({
      ok: true,
      symbol: 'KO',
      rows: 2,
    });
    const layered = new LayeredBarSource([csv, new BundledBarSource(dataDir)]);
    const ko = await layered.getBars('KO', '2024-01-01', '2024-12-31', '1d');
    expect(ko.ok && ko.bars.source).toBe('csv:ko.csv');
    const pep = await layered.getBars('PEP', '2024-01-01', '2024-01-03', '1d');
    expect(pep.ok && pep.bars.source).toBe('bundled');
    expect(await layered.getDividends('KO', '2000-01-01', '2030-01-01')).toEqual({ ok: true, dividends: [] });
  });

  it('imports nothing from a file with any error, keeping the previous import', async () => {
    const csv = new CsvBarSource();
    csv.importBars('KO', text);
    const bad = csv.importBars(
      'KO',
      'date,open,high,low,close,volume\n2024-02-01,10,11,9.5,10.5,1000\n2024-02-02,1,1,1,-1,1',
    );
    expect(bad).toMatchObject({
      ok: false,
      code: 'INVALID_CSV',
      issues: [{ line: 3, message: 'close -1 must be > 0' }],
    });
    const r = await csv.getBars('KO', '2024-01-01', '2024-12-31', '1d');
    expect(r.ok && r.bars.session).toEqual(['2024-01-02', '2024-01-03']);
  });
});
