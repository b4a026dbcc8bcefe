/**
 * The strategy lab (issue 18), two figures:
 * 1. `lab.macd`: the MACD strategy (12, 26, 9) with the percent sizer (0.95) and the matching engine
 *    (fills at the close, 10 % volume cap, exact bookings, dividends, order lifecycle, daily equity in
 *    cents) on KO's 26 years of daily bars, against a floor: a plain loop over the same Float64Array of
 *    closes computing the same three EMAs and crossings and flipping between cash and whole shares in
 *    plain floats. Same bars, same run; ratio = engine time / floor time (goal ≤ 3x). Bars per second.
 * 2. `lab.compare`: 6 strategies × 14 symbols × 26 years (each strategy on the 14-symbol portfolio),
 *    wall time on 2 worker threads, threads started and bars shared included (goal < 1 s); then the
 *    same compare again on the pool's threads (as the app's second compare runs).
 */
import { BundledBarSource } from '../main/adapters/data/BundledBarSource';
import { ComparePool } from '../main/workers/ComparePool';
import type { SymbolHistory } from '../shared/simulation';
import { loadHistory, prepareSimulation } from '../shared/simulation';
import { strategyChoice, strategyFor } from '../shared/simulation/strategy/BuiltInStrategies';
import { replayStrategy } from '../shared/simulation/strategy/runStrategy';
import { sizerChoice } from '../shared/simulation/strategy/Sizers';
import { simSpec } from '../shared/simulation/testing/bars';
import { timeBest } from './harness';

export interface LabBenchResult {
  bars: number;
  trades: number;
  engineBarsPerSec: number;
  floorBarsPerSec: number;
  ratio: number;
  compareMs: number;
  warmCompareMs: number;
  compareBars: number;
  compareStrategies: number;
}

async function load(symbols: readonly string[]): Promise<SymbolHistory[]> {
  const source = new BundledBarSource();
  const loaded = await loadHistory(source, source, symbols, '1990-01-01', '2100-12-31', '1d');
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.history;
}

/** The floor: EMA(12), EMA(26), EMA(9) of the line, TTR's seeds, crossings, all-in/all-out in floats. */
function floor(close: Float64Array, equity: Float64Array): number {
  const a12 = 2 / 13;
  const a26 = 2 / 27;
  const a9 = 2 / 10;
  let e12 = 0;
  let e26 = 0;
  let sig = 0;
  let lineCount = 0;
  let prevLine = NaN;
  let prevSig = NaN;
  let cash = 100_000;
  let qty = 0;
  let trades = 0;
  for (let i = 0; i < close.length; i++) {
    const c = close[i] as number;
    e12 = i < 12 ? e12 + c / 12 : c * a12 + e12 * (1 - a12);
    e26 = i < 26 ? e26 + c / 26 : c * a26 + e26 * (1 - a26);
    let line = NaN;
    let s = NaN;
    if (i >= 25) {
      line = e12 - e26;
      lineCount++;
      sig = lineCount <= 9 ? sig + line / 9 : line * a9 + sig * (1 - a9);
      if (lineCount >= 9) s = sig;
    }
    if (prevLine <= prevSig && line > s && qty === 0) {
      qty = Math.floor((cash * 0.95) / c);
      cash -= qty * c;
      trades++;
    } else if (prevLine >= prevSig && line < s && qty > 0) {
      cash += qty * c;
      qty = 0;
      trades++;
    }
    prevLine = line;
    prevSig = s;
    equity[i] = cash + qty * c;
  }
  return trades;
}

export async function runLabBench(): Promise<LabBenchResult> {
  const history = await load(['KO']);
  const spec = simSpec(['KO'], { cash: 10_000_000 });
  const prepared = prepareSimulation(spec, history);
  if (!prepared.ok) throw new Error(prepared.message);
  const plan = prepared.plan;
  const macd = strategyFor(strategyChoice('macd'));
  const lab = { sizer: sizerChoice('percent', [0.95]) };
  const bars = plan.positions[0]?.bars.close.length ?? 0;
  let trades = 0;
  const repeat = 20;
  const engineMs = timeBest(() => {
    for (let r = 0; r < repeat; r++) {
      const out = replayStrategy(plan, macd, lab);
      if (!out.ok) throw new Error(out.message);
      trades = out.totals.trades;
    }
  }, 10);
  const close = plan.positions[0]?.bars.close as Float64Array;
  const equity = new Float64Array(close.length);
  let sink = 0;
  const floorMs = timeBest(() => {
    for (let r = 0; r < repeat; r++) sink += floor(close, equity);
  }, 10);
  if (sink < 0) console.log(sink);

  const symbols = await new BundledBarSource().listSymbols();
  const all = await load(symbols);
  const compareSpec = simSpec(symbols, { cash: 10_000_000 });
  const entries = (['buy_and_hold', 'sma_cross', 'macd', 'momentum', 'bollinger', 'rsi'] as const).map(
    (id) => ({
      strategy: strategyChoice(id),
    }),
  );
  // The app's pool: the first compare starts its 2 threads (counted), the next runs on them warm.
  const pool = new ComparePool(2);
  let compareMs: number;
  let warmCompareMs: number;
  try {
    let t0 = performance.now();
    const compared = await pool.compare(compareSpec, all, entries);
    compareMs = performance.now() - t0;
    if (!compared.ok) throw new Error(compared.message);
    t0 = performance.now();
    const again = await pool.compare(compareSpec, all, entries);
    warmCompareMs = performance.now() - t0;
    if (!again.ok) throw new Error(again.message);
  } finally {
    await pool.close();
  }
  return {
    bars,
    trades,
    engineBarsPerSec: (bars * repeat) / (engineMs / 1000),
    floorBarsPerSec: (bars * repeat) / (floorMs / 1000),
    ratio: engineMs / floorMs,
    compareMs,
    warmCompareMs,
    compareBars: all.reduce((n, h) => n + h.bars.close.length, 0),
    compareStrategies: entries.length,
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export function formatLabBench(r: LabBenchResult): string {
  return [
    `lab.macd (MACD 12/26/9, percent sizer 0.95, matching engine): engine ${fmt(r.engineBarsPerSec)} bars/s, floor ${fmt(r.floorBarsPerSec)} bars/s, ratio ${r.ratio.toFixed(1)}x (goal ≤ 3x; KO ${r.bars} daily bars, ${r.trades} fills)`,
    `lab.compare: ${r.compareStrategies} strategies × ${fmt(r.compareBars)} bars (14 symbols × 26 years) on 2 worker threads: ${fmt(r.compareMs)} ms wall, threads started (goal < 1000 ms); the same compare again on the pool's warm threads: ${fmt(r.warmCompareMs)} ms`,
  ].join('\n');
}

if (require.main === module) {
  void runLabBench().then((r) => console.log(formatLabBench(r)));
}
