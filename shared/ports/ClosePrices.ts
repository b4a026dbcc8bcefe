/**
 * Daily closes of a symbol for accounting (SPEC 8: equity history rebuilt from price history, the
 * benchmark from any symbol with history): sessions in [from, to] the history knows, ascending.
 */
export interface ClosePrices {
  closes(symbol: string, fromDate: string, toDate: string): Promise<Map<string, number>>;
}
