/** A market quote as a provider gave it. Prices are used exactly as given (SPEC 2.8). */
export interface Quote {
  symbol: string;
  bid: number | null;
  ask: number | null;
  last: number | null;
  /** When the provider says the quote was taken, epoch ms. */
  ts: number;
  /**
   * Shares offered at the bid and at the ask, when the provider says (SPEC 10: the paper broker then
   * fills at most its share of them, the rest of the order cancelled); absent or null: unknown.
   */
  bidSize?: number | null;
  askSize?: number | null;
}
