/**
 * Which symbols can be traded (issue 15: symbols are checked when a position is created). The adapter
 * asks the market-data provider and knows the bundled dataset; the application only reads the answer.
 */
export type SymbolLookup =
  | {
      kind: 'known';
      symbol: string;
      /** Where it is known from: the provider's name, or 'bundled'. */
      source: string;
      /** The provider's latest price and its time, when it answered with one. */
      lastPrice: number | null;
      lastPriceAt: number | null;
    }
  /** Neither the provider nor the bundled data has it; `hint` says where the app looked. */
  | { kind: 'unknown'; symbol: string; hint: string }
  /** The provider could not be asked (network, circuit open) and the bundled data does not have it. */
  | { kind: 'unavailable'; symbol: string; message: string };

export interface SymbolDirectory {
  lookup(symbol: string): Promise<SymbolLookup>;
}
