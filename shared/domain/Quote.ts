/** A market quote as a provider gave it. Prices are used exactly as given (SPEC 2.8). */
export interface Quote {
  symbol: string;
  bid: number | null;
  ask: number | null;
  last: number | null;
  /** When the provider says the quote was taken, epoch ms. */
  ts: number;
}
