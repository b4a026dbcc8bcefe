import type { BarInterval, BarsResult, HistoricalBarSource } from '../../../shared/ports/HistoricalBars';
import type { DividendsResult, HistoricalDividendSource } from '../../../shared/ports/HistoricalDividends';

type Source = HistoricalBarSource & HistoricalDividendSource;

/**
 * Several sources in order of preference (e.g. the user's CSV imports, then the bundled dataset): the
 * first source that knows a symbol answers for it; only UNKNOWN_SYMBOL falls through to the next.
 */
export class LayeredBarSource implements HistoricalBarSource, HistoricalDividendSource {
  readonly name: string;

  constructor(private readonly sources: readonly Source[]) {
    this.name = sources.map((s) => s.name).join('+');
  }

  async listSymbols(): Promise<string[]> {
    const lists = await Promise.all(this.sources.map((s) => s.listSymbols()));
    return [...new Set(lists.flat())].sort();
  }

  async getBars(
    symbol: string,
    fromDate: string,
    toDate: string,
    interval: BarInterval,
  ): Promise<BarsResult> {
    let last: BarsResult = { ok: false, code: 'UNKNOWN_SYMBOL', message: `no source has ${symbol}` };
    for (const source of this.sources) {
      last = await source.getBars(symbol, fromDate, toDate, interval);
      if (last.ok || last.code !== 'UNKNOWN_SYMBOL') return last;
    }
    return last;
  }

  async getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendsResult> {
    let last: DividendsResult = { ok: false, code: 'UNKNOWN_SYMBOL', message: `no source has ${symbol}` };
    for (const source of this.sources) {
      last = await source.getDividends(symbol, fromDate, toDate);
      if (last.ok || last.code !== 'UNKNOWN_SYMBOL') return last;
    }
    return last;
  }
}
