import type { BarInterval, BarsFailureCode, HistoricalBarSource } from '../ports/HistoricalBars';
import type { HistoricalDividendSource } from '../ports/HistoricalDividends';
import type { SymbolHistory } from './SimulationSpec';

export type HistoryOutcome =
  | { ok: true; history: SymbolHistory[] }
  | { ok: false; code: BarsFailureCode; symbol: string; message: string };

/**
 * The bars and dividends of each symbol for a run, through the ports (whichever source sits behind
 * them). The first symbol that cannot be loaded ends the load with that source's own failure.
 */
export async function loadHistory(
  bars: HistoricalBarSource,
  dividends: HistoricalDividendSource,
  symbols: readonly string[],
  from: string,
  to: string,
  interval: BarInterval,
): Promise<HistoryOutcome> {
  const history: SymbolHistory[] = [];
  for (const symbol of symbols) {
    const b = await bars.getBars(symbol, from, to, interval);
    if (!b.ok) return { ok: false, code: b.code, symbol, message: b.message };
    const d = await dividends.getDividends(symbol, from, to);
    if (!d.ok) return { ok: false, code: d.code, symbol, message: d.message };
    history.push({ bars: b.bars, dividends: d.dividends });
  }
  return { ok: true, history };
}
