import { describe, expect, it } from 'vitest';
import { indexQuoteRows, mapChart, mapQuoteRow } from './yahooMapping';

// 2020-03-16 15:59:59 ET (EDT) = 19:59:59 UTC
const REGULAR_TIME_S = Date.UTC(2020, 2, 16, 19, 59, 59) / 1000;

describe('mapQuoteRow', () => {
  const rows = [
    {
      name: 'full row, time as Yahoo epoch seconds',
      row: {
        symbol: 'AAPL',
        bid: 242.1,
        ask: 242.16,
        regularMarketPrice: 242.13,
        regularMarketTime: REGULAR_TIME_S,
        marketState: 'REGULAR',
      },
      quote: { symbol: 'AAPL', bid: 242.1, ask: 242.16, last: 242.13, ts: REGULAR_TIME_S * 1000 },
      marketState: 'REGULAR',
    },
    {
      name: 'time already coerced to a Date',
      row: {
        symbol: 'KO',
        bid: 50,
        ask: 50.02,
        regularMarketPrice: 50.01,
        regularMarketTime: new Date(REGULAR_TIME_S * 1000),
      },
      quote: { symbol: 'KO', bid: 50, ask: 50.02, last: 50.01, ts: REGULAR_TIME_S * 1000 },
      marketState: undefined,
    },
    {
      name: 'missing bid and ask stay null (MID falls back to LAST in the domain)',
      row: {
        symbol: 'KO',
        regularMarketPrice: 50.01,
        regularMarketTime: REGULAR_TIME_S,
        marketState: 'CLOSED',
      },
      quote: { symbol: 'KO', bid: null, ask: null, last: 50.01, ts: REGULAR_TIME_S * 1000 },
      marketState: 'CLOSED',
    },
    {
      name: 'zero bid/ask (Yahoo outside hours) and a NaN price are null',
      row: { symbol: 'KO', bid: 0, ask: 0, regularMarketPrice: NaN, regularMarketTime: REGULAR_TIME_S },
      quote: { symbol: 'KO', bid: null, ask: null, last: null, ts: REGULAR_TIME_S * 1000 },
      marketState: undefined,
    },
    {
      name: 'wrong types count as missing; no time gives NaN (invalid_quote)',
      row: { symbol: 'KO', bid: '50', ask: null, regularMarketPrice: undefined, marketState: 5 },
      quote: { symbol: 'KO', bid: null, ask: null, last: null, ts: NaN },
      marketState: undefined,
    },
    {
      name: 'pre-market with a newer pre-market price: that price and time',
      row: {
        symbol: 'AAPL',
        regularMarketPrice: 100,
        regularMarketTime: REGULAR_TIME_S,
        marketState: 'PRE',
        preMarketPrice: 101.5,
        preMarketTime: REGULAR_TIME_S + 50_000,
      },
      quote: { symbol: 'AAPL', bid: null, ask: null, last: 101.5, ts: (REGULAR_TIME_S + 50_000) * 1000 },
      marketState: 'PRE',
    },
    {
      name: 'post-market price older than the regular one is ignored',
      row: {
        symbol: 'AAPL',
        regularMarketPrice: 100,
        regularMarketTime: REGULAR_TIME_S,
        marketState: 'POST',
        postMarketPrice: 99,
        postMarketTime: REGULAR_TIME_S - 60,
      },
      quote: { symbol: 'AAPL', bid: null, ask: null, last: 100, ts: REGULAR_TIME_S * 1000 },
      marketState: 'POST',
    },
    {
      name: 'an extended price is not used during the regular session',
      row: {
        symbol: 'AAPL',
        regularMarketPrice: 100,
        regularMarketTime: REGULAR_TIME_S,
        marketState: 'REGULAR',
        postMarketPrice: 99,
        postMarketTime: REGULAR_TIME_S + 60,
      },
      quote: { symbol: 'AAPL', bid: null, ask: null, last: 100, ts: REGULAR_TIME_S * 1000 },
      marketState: 'REGULAR',
    },
  ];
  it.each(rows)('$name', ({ row, quote, marketState }) => {
    const mapped = mapQuoteRow(quote.symbol, row);
    expect(mapped.quote).toEqual(quote);
    expect(mapped.marketState).toBe(marketState);
  });

  it('keys the quote by the symbol as requested', () => {
    expect(mapQuoteRow('brk-b', { symbol: 'BRK-B', regularMarketPrice: 1 }).quote.symbol).toBe('brk-b');
  });
});

describe('indexQuoteRows', () => {
  it('indexes rows by upper-case symbol and drops rows without one', () => {
    const rows = indexQuoteRows([{ symbol: 'aapl', bid: 1 }, { bid: 2 }, null, { symbol: 'KO' }]);
    expect([...rows.keys()]).toEqual(['AAPL', 'KO']);
  });

  it('refuses an answer that is not a list', () => {
    expect(() => indexQuoteRows({ quoteResponse: {} })).toThrow(/not a list/);
  });
});

describe('mapChart', () => {
  // Yahoo stamps daily data at 09:30 New York: 13:30 UTC in summer, 14:30 UTC in winter.
  const at930 = (date: string, utcHour: number) => new Date(`${date}T${utcHour}:30:00Z`);
  const raw = {
    meta: { currency: 'USD', symbol: 'AAPL' },
    quotes: [
      {
        date: at930('2020-08-27', 13),
        open: 508.57,
        high: 509.94,
        low: 495.33,
        close: 500.04,
        volume: 38888100,
      },
      {
        date: at930('2020-08-28', 13),
        open: 504.05,
        high: 505.77,
        low: 498.31,
        close: 499.23,
        volume: 46907500,
      },
      { date: at930('2020-08-31', 13), open: 127.58, high: 131, low: 126, close: 129.04, volume: 225702700 },
      { date: at930('2020-09-01', 13), open: null, high: null, low: null, close: null, volume: null },
    ],
    events: {
      dividends: [
        { amount: 0.205, date: Date.UTC(2020, 7, 7, 13, 30) / 1000 },
        { amount: 0.77, date: new Date('2020-05-08T13:30:00Z') },
      ],
      splits: [
        { date: Date.UTC(2020, 7, 31, 13, 30) / 1000, numerator: 4, denominator: 1, splitRatio: '4:1' },
        { date: Date.UTC(2021, 7, 2, 13, 30) / 1000, numerator: 1, denominator: 8, splitRatio: '1:8' },
      ],
    },
  };

  it('maps bars to exchange dates, skipping null rows and dates outside the range', () => {
    const { bars } = mapChart('AAPL', raw, '2020-08-28', '2020-09-01');
    expect(bars).toEqual([
      { date: '2020-08-28', open: 504.05, high: 505.77, low: 498.31, close: 499.23, volume: 46907500 },
      { date: '2020-08-31', open: 127.58, high: 131, low: 126, close: 129.04, volume: 225702700 },
    ]);
  });

  it('maps dividends in ex-date order with the meta currency and unknown pay date', () => {
    const { dividends } = mapChart('AAPL', raw, '2020-01-01', '2020-12-31');
    expect(dividends).toEqual([
      {
        symbol: 'AAPL',
        exDate: '2020-05-08',
        payDate: null,
        amountPerShare: 0.77,
        currency: 'USD',
        withholdingTaxPct: null,
        source: 'yahoo',
      },
      {
        symbol: 'AAPL',
        exDate: '2020-08-07',
        payDate: null,
        amountPerShare: 0.205,
        currency: 'USD',
        withholdingTaxPct: null,
        source: 'yahoo',
      },
    ]);
  });

  it('maps splits to new-per-old ratios: 4:1 is 4, the 1:8 reverse split is 0.125', () => {
    const { splits } = mapChart('X', raw, '2020-01-01', '2021-12-31');
    expect(splits.map((s) => [s.effectiveDate, s.ratio])).toEqual([
      ['2020-08-31', 4],
      ['2021-08-02', 0.125],
    ]);
  });

  it('gives empty lists when Yahoo sends no quotes or events', () => {
    expect(mapChart('X', { meta: {} }, '2020-01-01', '2020-12-31')).toEqual({
      bars: [],
      dividends: [],
      splits: [],
    });
  });
});
