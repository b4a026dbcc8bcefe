import { adx, atr, bollinger, ema, macd, rsi, sma, trueRange } from '../../shared/domain/indicators';
import { formatCount, formatDecimal } from '../../shared/format/Format';
import type { BarSeries } from '../../shared/ports/HistoricalBars';
import { BundledBarSource } from '../adapters/data/BundledBarSource';
import { CsvBarSource } from '../adapters/data/CsvBarSource';
import { formatIssues } from '../adapters/data/CsvText';
import { BadInput } from './exitCodes';
import { alignTable } from './textTable';

/** The indicators `vb indicators` shows, with the parameters of SPEC 10's strategies. */
export const INDICATOR_COLUMNS = [
  'sma50',
  'sma200',
  'ema12',
  'ema26',
  'macd',
  'macdSignal',
  'rsi14',
  'bollingerLower',
  'bollingerMiddle',
  'bollingerUpper',
  'trueRange',
  'atr14',
  'adx14',
] as const;
type Column = (typeof INDICATOR_COLUMNS)[number];

export interface IndicatorTable {
  symbol: string;
  source: string;
  dates: string[];
  close: number[];
  /** null where the indicator does not exist yet (TTR's NA). */
  values: Record<Column, (number | null)[]>;
}

export async function loadIndicatorBars(
  symbol: string,
  flags: { from: string; to: string; csv?: string },
): Promise<BarSeries> {
  if (flags.csv !== undefined) {
    const csv = new CsvBarSource();
    const r = await csv.importBarsFile(symbol, flags.csv, { allowGaps: true });
    if (!r.ok)
      throw new BadInput(
        r.issues.length > 0 ? formatIssues(r.issues, flags.csv) : `--csv ${flags.csv}: ${r.message}`,
      );
    const bars = await csv.getBars(symbol, flags.from, flags.to, '1d');
    if (!bars.ok) throw new BadInput(`${symbol}: ${bars.message}`);
    return bars.bars;
  }
  const bars = await new BundledBarSource().getBars(symbol, flags.from, flags.to, '1d');
  if (!bars.ok) throw new BadInput(`${symbol}: ${bars.message}`);
  return bars.bars;
}

const orNull = (a: Float64Array): (number | null)[] => Array.from(a, (v) => (Number.isNaN(v) ? null : v));

export function indicatorTable(b: BarSeries): IndicatorTable {
  const m = macd(b.close, 12, 26, 9);
  const bb = bollinger(b.close, 20, 2);
  return {
    symbol: b.symbol,
    source: b.source,
    dates: [...b.session],
    close: Array.from(b.close),
    values: {
      sma50: orNull(sma(b.close, 50)),
      sma200: orNull(sma(b.close, 200)),
      ema12: orNull(ema(b.close, 12)),
      ema26: orNull(ema(b.close, 26)),
      macd: orNull(m.macd),
      macdSignal: orNull(m.signal),
      rsi14: orNull(rsi(b.close, 14)),
      bollingerLower: orNull(bb.lower),
      bollingerMiddle: orNull(bb.middle),
      bollingerUpper: orNull(bb.upper),
      trueRange: orNull(trueRange(b.high, b.low, b.close)),
      atr14: orNull(atr(b.high, b.low, b.close, 14)),
      adx14: orNull(adx(b.high, b.low, b.close, 14).adx),
    },
  };
}

/** The last `n` sessions as a table (four decimals; "—" before an indicator exists). */
export function renderIndicators(t: IndicatorTable, n: number): string {
  const from = Math.max(0, t.dates.length - n);
  const show = (v: number | null | undefined): string =>
    v === null || v === undefined ? '—' : formatDecimal(Math.round(v * 10_000) / 10_000);
  const rows = [['Date', 'Close', ...INDICATOR_COLUMNS]];
  for (let i = from; i < t.dates.length; i++)
    rows.push([
      t.dates[i] as string,
      show(t.close[i]),
      ...INDICATOR_COLUMNS.map((c) => show(t.values[c][i])),
    ]);
  return `${t.symbol} (${t.source}), ${formatCount(t.dates.length)} sessions\n\n${alignTable(rows, ['left', ...rows[0]!.slice(1).map(() => 'right' as const)])}`;
}
