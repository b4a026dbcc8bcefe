import { checkBarRequest } from '../../../shared/ports/HistoricalBars';

/** Ticker symbols as files and maps key them: upper case, letters, digits and . - ^ only (no paths). */
const SYMBOL = /^[A-Z0-9][A-Z0-9.^-]{0,14}$/;

export function normalizeSymbol(symbol: string): string | null {
  const s = symbol.trim().toUpperCase();
  return SYMBOL.test(s) ? s : null;
}

/** What every source checks first: an ISO date range and a well-formed ticker symbol (normalized). */
export function checkSymbolRequest(
  symbol: string,
  fromDate: string,
  toDate: string,
): { ok: true; symbol: string } | { ok: false; code: 'INVALID_RANGE' | 'UNKNOWN_SYMBOL'; message: string } {
  const request = checkBarRequest(symbol, fromDate, toDate);
  if (!request.ok) return request;
  const sym = normalizeSymbol(symbol);
  if (sym === null)
    return { ok: false, code: 'UNKNOWN_SYMBOL', message: `"${symbol}" is not a ticker symbol` };
  return { ok: true, symbol: sym };
}
