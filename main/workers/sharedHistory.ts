import type { BarSeries } from '../../shared/ports/HistoricalBars';
import type { SymbolHistory } from '../../shared/simulation/SimulationSpec';

/**
 * A copy of the history whose price columns live in SharedArrayBuffers: posted to every worker of a
 * sweep, the bars are shared, not copied once per worker.
 */
export function shareHistory(history: readonly SymbolHistory[]): SymbolHistory[] {
  return history.map((h) => ({ bars: shareBars(h.bars), dividends: h.dividends }));
}

function shareBars(bars: BarSeries): BarSeries {
  return {
    ...bars,
    session: [...bars.session],
    time: shared(bars.time),
    open: shared(bars.open),
    high: shared(bars.high),
    low: shared(bars.low),
    close: shared(bars.close),
    volume: shared(bars.volume),
  };
}

function shared(column: Float64Array): Float64Array {
  const copy = new Float64Array(new SharedArrayBuffer(column.byteLength));
  copy.set(column);
  return copy;
}
