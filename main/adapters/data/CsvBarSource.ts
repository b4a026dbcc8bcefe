import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  BarInterval,
  BarSeries,
  BarsResult,
  HistoricalBarSource,
} from '../../../shared/ports/HistoricalBars';
import { checkBarRequest, sliceBarsBySession } from '../../../shared/ports/HistoricalBars';
import type {
  DividendRecord,
  DividendsResult,
  HistoricalDividendSource,
} from '../../../shared/ports/HistoricalDividends';
import type { BarCsvOptions } from './BarCsv';
import { parseBarCsv } from './BarCsv';
import type { CsvIssue } from './CsvText';
import { parseDividendCsv } from './DividendCsv';
import { normalizeSymbol } from './symbols';

export type CsvImportResult =
  | { ok: true; symbol: string; rows: number; first: string; last: string; interval: BarInterval }
  | { ok: false; code: 'INVALID_SYMBOL' | 'INVALID_CSV' | 'READ_ERROR'; message: string; issues: CsvIssue[] };

/**
 * Bars and dividends the user imported from CSV files. An import is all or nothing: the file is parsed
 * and validated completely, and only a file without a single problem replaces what was imported for
 * that symbol and interval before.
 */
export class CsvBarSource implements HistoricalBarSource, HistoricalDividendSource {
  readonly name = 'csv';
  private readonly series = new Map<string, BarSeries>();
  private readonly dividends = new Map<string, DividendRecord[]>();

  importBars(
    symbol: string,
    text: string,
    options: Omit<BarCsvOptions, 'symbol' | 'source'> & { fileName?: string } = {},
  ): CsvImportResult {
    const sym = normalizeSymbol(symbol);
    if (sym === null)
      return { ok: false, code: 'INVALID_SYMBOL', message: `"${symbol}" is not a ticker symbol`, issues: [] };
    const parsed = parseBarCsv(text, {
      ...options,
      symbol: sym,
      source: `csv:${options.fileName ?? 'import'}`,
    });
    if (!parsed.ok) {
      return {
        ok: false,
        code: 'INVALID_CSV',
        message: `${options.fileName ?? 'the file'} was not imported`,
        issues: parsed.issues,
      };
    }
    const bars = parsed.bars;
    this.series.set(key(sym, bars.interval), bars);
    return {
      ok: true,
      symbol: sym,
      rows: bars.close.length,
      first: bars.session[0] as string,
      last: bars.session[bars.session.length - 1] as string,
      interval: bars.interval,
    };
  }

  importDividends(symbol: string, text: string): CsvImportResult {
    const sym = normalizeSymbol(symbol);
    if (sym === null)
      return { ok: false, code: 'INVALID_SYMBOL', message: `"${symbol}" is not a ticker symbol`, issues: [] };
    const parsed = parseDividendCsv(text, sym);
    if (!parsed.ok)
      return {
        ok: false,
        code: 'INVALID_CSV',
        message: 'the dividend file was not imported',
        issues: parsed.issues,
      };
    this.dividends.set(sym, parsed.dividends);
    const first = parsed.dividends[0]?.exDate ?? '';
    const last = parsed.dividends[parsed.dividends.length - 1]?.exDate ?? '';
    return { ok: true, symbol: sym, rows: parsed.dividends.length, first, last, interval: '1d' };
  }

  async importBarsFile(
    symbol: string,
    file: string,
    options: Omit<BarCsvOptions, 'symbol' | 'source'> = {},
  ): Promise<CsvImportResult> {
    const text = await readText(file);
    if (typeof text !== 'string') return text;
    return this.importBars(symbol, text, { ...options, fileName: path.basename(file) });
  }

  async importDividendsFile(symbol: string, file: string): Promise<CsvImportResult> {
    const text = await readText(file);
    if (typeof text !== 'string') return text;
    return this.importDividends(symbol, text);
  }

  async listSymbols(): Promise<string[]> {
    return [...new Set([...this.series.values()].map((s) => s.symbol))].sort();
  }

  async getBars(
    symbol: string,
    fromDate: string,
    toDate: string,
    interval: BarInterval,
  ): Promise<BarsResult> {
    const request = checkBarRequest(symbol, fromDate, toDate);
    if (!request.ok) return request;
    const sym = normalizeSymbol(symbol) ?? symbol;
    const series = this.series.get(key(sym, interval));
    if (series === undefined) {
      const other = [...this.series.values()].find((s) => s.symbol === sym);
      return other === undefined
        ? { ok: false, code: 'UNKNOWN_SYMBOL', message: `no CSV was imported for ${sym}` }
        : {
            ok: false,
            code: 'UNSUPPORTED_INTERVAL',
            message: `the CSV imported for ${sym} has ${other.interval} bars, not ${interval}`,
          };
    }
    const slice = sliceBarsBySession(series, fromDate, toDate);
    if (slice === null) {
      const first = series.session[0] as string;
      const last = series.session[series.session.length - 1] as string;
      return {
        ok: false,
        code: 'NO_DATA',
        message: `the CSV for ${sym} has no bars from ${fromDate} to ${toDate} (it covers ${first} to ${last})`,
      };
    }
    return { ok: true, bars: slice };
  }

  async getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendsResult> {
    const request = checkBarRequest(symbol, fromDate, toDate);
    if (!request.ok) return request;
    const sym = normalizeSymbol(symbol) ?? symbol;
    const all = this.dividends.get(sym);
    if (all === undefined) {
      return [...this.series.values()].some((s) => s.symbol === sym)
        ? { ok: true, dividends: [] }
        : { ok: false, code: 'UNKNOWN_SYMBOL', message: `no CSV was imported for ${sym}` };
    }
    return { ok: true, dividends: all.filter((d) => d.exDate >= fromDate && d.exDate <= toDate) };
  }
}

function key(symbol: string, interval: BarInterval): string {
  return `${symbol}|${interval}`;
}

async function readText(file: string): Promise<string | CsvImportResult> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    return {
      ok: false,
      code: 'READ_ERROR',
      message: `cannot read ${file}: ${(e as Error).message}`,
      issues: [],
    };
  }
}
