import type { ClosePrices } from '../../../shared/ports/ClosePrices';
import type { HistoricalBarSource } from '../../../shared/ports/HistoricalBars';

/**
 * Closes for accounting from the history sources in order of preference: each session's close comes
 * from the first source that has it (the provider's history, then the bundled dataset, then the quote
 * log's own bars). A source that fails or lacks the symbol is skipped.
 */
export class BarClosePrices implements ClosePrices {
  constructor(private readonly sources: readonly HistoricalBarSource[]) {}

  async closes(symbol: string, fromDate: string, toDate: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const source of this.sources) {
      let result;
      try {
        result = await source.getBars(symbol, fromDate, toDate, '1d');
      } catch {
        continue;
      }
      if (!result.ok) continue;
      const { session, close } = result.bars;
      for (let i = 0; i < session.length; i++) {
        const d = session[i] as string;
        if (!out.has(d)) out.set(d, close[i] as number);
      }
    }
    return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  }
}
