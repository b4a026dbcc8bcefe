/** Ticker symbols as files and maps key them: upper case, letters, digits and . - ^ only (no paths). */
const SYMBOL = /^[A-Z0-9][A-Z0-9.^-]{0,14}$/;

export function normalizeSymbol(symbol: string): string | null {
  const s = symbol.trim().toUpperCase();
  return SYMBOL.test(s) ? s : null;
}
