/**
 * Cash dividends from history (SPEC 4.3, 5): the same records the live loop ingests, for a replay.
 * Sources: the bundled dataset, a CSV the user imported, the provider's history.
 */
export interface DividendRecord {
  symbol: string;
  /** Ex-dividend date, ISO `YYYY-MM-DD`. */
  exDate: string;
  /** ISO date, or null when the source does not know it (then the ex-date is used, SPEC 4.3). */
  payDate: string | null;
  /** Cash per share, on the same share basis as the source's prices; its text is its exact value. */
  amount: number;
  /** Withholding fraction the announcement states; null = the position's or tenant's default. */
  withholdingPct: number | null;
}

export type DividendsResult =
  | { ok: true; dividends: DividendRecord[] }
  | { ok: false; code: 'UNKNOWN_SYMBOL' | 'INVALID_RANGE' | 'SOURCE_ERROR'; message: string };

export interface HistoricalDividendSource {
  readonly name: string;
  /** Records with an ex-date in [fromDate, toDate], ascending by ex-date; a symbol with none gives []. */
  getDividends(symbol: string, fromDate: string, toDate: string): Promise<DividendsResult>;
}
