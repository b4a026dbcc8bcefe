import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  BarInterval,
  BarSeries,
  BarsResult,
  HistoricalBarSource,
} from '../../../shared/ports/HistoricalBars';
import { sliceBarsBySession } from '../../../shared/ports/HistoricalBars';
import type {
  DividendRecord,
  DividendsResult,
  HistoricalDividendSource,
} from '../../../shared/ports/HistoricalDividends';
import { parseBarCsv } from './BarCsv';
import { formatIssues } from './CsvText';
import { parseDividendCsv } from './DividendCsv';
import { checkSymbolRequest } from './symbols';

/**
 * The offline dataset shipped in `resources/data` (see its README for provenance): daily bars and
 * dividends for a set of blue chips. A symbol's files are read and parsed the first time it is asked
 * for, then kept; nothing is read at construction.
 */
export class BundledBarSource implements HistoricalBarSource, HistoricalDividendSource {
  readonly name = 'bundled';
  private readonly bars = new Map<string, Promise<BarSeries | string>>();
  private readonly dividends = new Map<string, Promise<DividendRecord[] | string>>();

  constructor(private readonly dataDir: string = resolveBundledDataDir()) {}

  async listSymbols(): Promise<string[]> {
    const files = await readdir(path.join(this.dataDir, 'prices'));
    return files
      .filter((f) => f.endsWith('.csv'))
      .map((f) => f.slice(0, -4))
      .sort();
  }

  async getBars(
    symbol: string,
    fromDate: string,
    toDate: string,
    interval: BarInterval,
  ): Promise<BarsResult> {
    const request = checkSymbolRequest(symbol, fromDate, toDate);
    if (!request.ok && request.code === 'INVALID_RANGE') return request;
    const sym = request.ok ? request.symbol : null;
    if (sym === null || !(await this.has(sym))) {
      return { ok: false, code: 'UNKNOWN_SYMBOL', message: `the bundled dataset has no symbol "${symbol}"` };
    }
    if (interval !== '1d') {
      return {
        ok: false,
        code: 'UNSUPPORTED_INTERVAL',
        message: `the bundled dataset has daily bars only, not ${interval}`,
      };
    }
    const series = await this.load(this.bars, sym, () => this.readBars(sym));
    if (typeof series === 'string') return { ok: false, code: 'SOURCE_ERROR', message: series };
    const slice = sliceBarsBySession(series, fromDate, toDate);
    if (slice === null) {
      const first = series.session[0] as string;
      const last = series.session[series.session.length - 1] as string;
      return {
        ok: false,
        code: 'NO_DATA',
        message: `${sym} has no bars from ${fromDate} to ${toDate} (the dataset covers ${first} to ${last})`,
      };
    }
    return { ok: true, bars: slice };
  }

  async getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendsResult> {
    const request = checkSymbolRequest(symbol, fromDate, toDate);
    if (!request.ok && request.code === 'INVALID_RANGE') return request;
    const sym = request.ok ? request.symbol : null;
    if (sym === null || !(await this.has(sym))) {
      return { ok: false, code: 'UNKNOWN_SYMBOL', message: `the bundled dataset has no symbol "${symbol}"` };
    }
    const all = await this.load(this.dividends, sym, () => this.readDividends(sym));
    if (typeof all === 'string') return { ok: false, code: 'SOURCE_ERROR', message: all };
    return { ok: true, dividends: all.filter((d) => d.exDate >= fromDate && d.exDate <= toDate) };
  }

  private async has(symbol: string): Promise<boolean> {
    return existsSync(path.join(this.dataDir, 'prices', `${symbol}.csv`));
  }

  private load<T>(
    cache: Map<string, Promise<T | string>>,
    symbol: string,
    read: () => Promise<T | string>,
  ): Promise<T | string> {
    let entry = cache.get(symbol);
    if (entry === undefined) {
      entry = read();
      cache.set(symbol, entry);
    }
    return entry;
  }

  private async readBars(symbol: string): Promise<BarSeries | string> {
    const file = path.join(this.dataDir, 'prices', `${symbol}.csv`);
    const parsed = parseBarCsv(await readFile(file, 'utf8'), { symbol, source: 'bundled' });
    return parsed.ok ? parsed.bars : formatIssues(parsed.issues, file);
  }

  private async readDividends(symbol: string): Promise<DividendRecord[] | string> {
    const file = path.join(this.dataDir, 'dividends', `${symbol}.csv`);
    if (!existsSync(file)) return [];
    const parsed = parseDividendCsv(await readFile(file, 'utf8'), symbol);
    return parsed.ok ? parsed.dividends : formatIssues(parsed.issues, file);
  }
}

/**
 * Where `resources/data` is: $VB_DATA_DIR, the packaged app's resources folder, or the source tree
 * (this file's folder in development, `out/main` after a build).
 */
export function resolveBundledDataDir(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env['VB_DATA_DIR'],
    resourcesPath === undefined ? undefined : path.join(resourcesPath, 'data'),
    path.resolve(__dirname, '../../../resources/data'),
    path.resolve(__dirname, '../../resources/data'),
    path.resolve(process.cwd(), 'resources/data'),
  ].filter((c): c is string => c !== undefined && c !== '');
  return (
    candidates.find((c) => existsSync(path.join(c, 'prices'))) ??
    (candidates[candidates.length - 1] as string)
  );
}
