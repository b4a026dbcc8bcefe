import { exchangeDateOf } from '../../../shared/domain/calendar';
import type { Quote } from '../../../shared/domain/Quote';
import type { DailyBar, DividendInfo, SplitInfo } from '../../../shared/ports/MarketData';

/**
 * Yahoo's raw answers (yahoo-finance2 with `validateResult: false`) mapped to the port's types. Nothing
 * here trusts the shape: a field of the wrong type counts as missing. yahoo-finance2 still coerces the
 * fields it can, so a time may arrive as a Date or as Yahoo's epoch seconds.
 */

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null;

/** A price as the domain wants it: a positive finite number, else null (the price policy then says why). */
function price(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** Epoch ms from a Date or epoch seconds; NaN when absent, which the price policy reports as invalid. */
function instant(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  return NaN;
}

export interface MappedQuote {
  quote: Quote;
  marketState?: string;
}

/** Quote rows by upper-case symbol; rows without a symbol are dropped (they answer nothing we asked). */
export function indexQuoteRows(raw: unknown): Map<string, Row> {
  const rows = new Map<string, Row>();
  if (!Array.isArray(raw))
    throw new Error(`Yahoo quote answer is not a list: ${JSON.stringify(raw)?.slice(0, 200)}`);
  for (const row of raw) {
    if (isRow(row) && typeof row['symbol'] === 'string') rows.set(row['symbol'].toUpperCase(), row);
  }
  return rows;
}

/**
 * One quote row. `last` is the regular-session price, unless Yahoo says the market is in its pre- or
 * post-market session and has a newer extended-hours price: with extended hours allowed the investor
 * trades on that one, and without them the orchestrator holds anyway.
 */
export function mapQuoteRow(symbol: string, row: Row): MappedQuote {
  const marketState = typeof row['marketState'] === 'string' ? row['marketState'] : undefined;
  let last = price(row['regularMarketPrice']);
  let ts = instant(row['regularMarketTime']);
  const extended =
    marketState === 'PRE' || marketState === 'PREPRE'
      ? { last: price(row['preMarketPrice']), ts: instant(row['preMarketTime']) }
      : marketState === 'POST' || marketState === 'POSTPOST'
        ? { last: price(row['postMarketPrice']), ts: instant(row['postMarketTime']) }
        : null;
  if (extended !== null && extended.last !== null && !(extended.ts <= ts)) {
    last = extended.last;
    ts = extended.ts;
  }
  const quote: Quote = { symbol, bid: price(row['bid']), ask: price(row['ask']), last, ts };
  return marketState === undefined ? { quote } : { quote, marketState };
}

export interface ChartHistory {
  bars: DailyBar[];
  dividends: DividendInfo[];
  splits: SplitInfo[];
}

/** A chart answer (daily quotes and events), limited to exchange dates in [fromDate, toDate]. */
export function mapChart(symbol: string, raw: unknown, fromDate: string, toDate: string): ChartHistory {
  if (!isRow(raw)) throw new Error(`Yahoo chart answer for ${symbol} is not an object`);
  const inRange = (date: string): boolean => date >= fromDate && date <= toDate;
  const meta = isRow(raw['meta']) ? raw['meta'] : {};
  const currency = typeof meta['currency'] === 'string' ? meta['currency'] : 'USD';
  const events = isRow(raw['events']) ? raw['events'] : {};

  const bars: DailyBar[] = [];
  for (const q of rows(raw['quotes'])) {
    const date = dateOf(q['date']);
    const [open, high, low, close] = [price(q['open']), price(q['high']), price(q['low']), price(q['close'])];
    // Yahoo pads halted or not-yet-settled sessions with null prices; such a row is no bar.
    if (date === null || !inRange(date) || open === null || high === null || low === null || close === null)
      continue;
    const volume = typeof q['volume'] === 'number' ? q['volume'] : NaN;
    bars.push({ date, open, high, low, close, volume });
  }

  const dividends: DividendInfo[] = [];
  for (const d of rows(events['dividends'])) {
    const exDate = dateOf(d['date']);
    const amount = price(d['amount']);
    if (exDate === null || amount === null || !inRange(exDate)) continue;
    dividends.push({
      symbol,
      exDate,
      payDate: null,
      amountPerShare: amount,
      currency,
      withholdingTaxPct: null,
      source: 'yahoo',
    });
  }

  const splits: SplitInfo[] = [];
  for (const s of rows(events['splits'])) {
    const effectiveDate = dateOf(s['date']);
    const numerator = price(s['numerator']);
    const denominator = price(s['denominator']);
    if (effectiveDate === null || numerator === null || denominator === null || !inRange(effectiveDate))
      continue;
    splits.push({ symbol, effectiveDate, ratio: numerator / denominator, source: 'yahoo' });
  }

  const byDate =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    bars: bars.sort(byDate((b) => b.date)),
    dividends: dividends.sort(byDate((d) => d.exDate)),
    splits: splits.sort(byDate((s) => s.effectiveDate)),
  };
}

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter(isRow) : [];
}

/**
 * The exchange date of an event or bar stamp (Yahoo stamps daily data at the session's open, New York);
 * null for a stamp the calendar cannot place (absent, or outside its years), which no caller can use.
 */
function dateOf(value: unknown): string | null {
  const ms = instant(value);
  if (!Number.isFinite(ms)) return null;
  try {
    return exchangeDateOf(ms);
  } catch {
    return null;
  }
}
