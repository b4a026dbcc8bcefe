import { describe, expect, it } from 'vitest';
import { YahooMarketData } from './YahooMarketData';

// These talk to Yahoo Finance over the internet, so the default run (offline, deterministic) skips them.
// Run them with VB_NETWORK_TESTS=1 npx vitest run main/adapters/marketData.
describe.skipIf(process.env['VB_NETWORK_TESTS'] !== '1')(
  'YahooMarketData against the real Yahoo Finance',
  () => {
    const yahoo = new YahooMarketData();

    it('quotes two blue chips in one call and says it does not know a made-up symbol', async () => {
      const quotes = await yahoo.getQuotes(['AAPL', 'KO', 'NO-SUCH-SYMBOL-VB'], { timeoutMs: 20_000 });
      for (const symbol of ['AAPL', 'KO']) {
        const result = quotes.get(symbol);
        expect(result?.ok, JSON.stringify(result)).toBe(true);
        if (!result?.ok) continue;
        expect(result.quote.last).toBeGreaterThan(0);
        expect(Number.isFinite(result.quote.ts)).toBe(true);
        expect(result.marketState).toMatch(/^(REGULAR|PRE|PREPRE|POST|POSTPOST|CLOSED)$/);
      }
      expect(quotes.get('NO-SUCH-SYMBOL-VB')).toMatchObject({ ok: false, kind: 'not_found' });
      expect(yahoo.health()).toMatchObject({ provider: 'yahoo', circuit: 'closed', consecutiveFailures: 0 });
    });

    it('gives KO’s 2019 dividends and AAPL’s 2020 4:1 split', async () => {
      const dividends = await yahoo.getDividends('KO', '2019-01-01', '2019-12-31');
      expect(dividends.map((d) => [d.exDate, d.amountPerShare])).toEqual([
        ['2019-03-14', 0.4],
        ['2019-06-13', 0.4],
        ['2019-09-13', 0.4],
        ['2019-11-29', 0.4],
      ]);
      const splits = await yahoo.getSplits('AAPL', '2020-01-01', '2020-12-31');
      expect(splits.map((s) => [s.effectiveDate, s.ratio])).toEqual([['2020-08-31', 4]]);
    });

    it('gives the daily bars of a past week', async () => {
      const bars = await yahoo.getDailyBars('AAPL', '2020-03-16', '2020-03-20');
      expect(bars.map((b) => b.date)).toEqual([
        '2020-03-16',
        '2020-03-17',
        '2020-03-18',
        '2020-03-19',
        '2020-03-20',
      ]);
    });
  },
);
