import type { MarketDataPort } from '../../../shared/ports/MarketData';
import type { QuoteLogEntry } from '../../../shared/ports/QuoteLogRepository';
import type { SymbolDirectory, SymbolLookup } from '../../../shared/ports/SymbolDirectory';

export interface ProviderSymbolDirectoryOptions {
  /** The live provider (Yahoo), the demo's replay, or null where only the bundled data counts (tests). */
  marketData: MarketDataPort | null;
  /** The symbols of the bundled dataset (resources/data). */
  bundledSymbols: () => Promise<readonly string[]>;
  /** Upper bound on the provider's answer. */
  timeoutMs?: number;
  /**
   * Keeps the quote a lookup got (the quote log, SPEC 7): a position opened while the market is closed
   * then shows its last known price at once, "as of" the quote's time.
   */
  record?: (entry: QuoteLogEntry) => void;
}

/**
 * A symbol is known when the provider quotes it (the quote's price is kept for previews), or, when the
 * provider has no quote or cannot be reached, when the bundled dataset has it. Anything else is unknown
 * (the provider said so) or could not be checked (the provider is down and the bundled data lacks it).
 */
export class ProviderSymbolDirectory implements SymbolDirectory {
  private bundled: Promise<ReadonlySet<string>> | null = null;

  constructor(private readonly options: ProviderSymbolDirectoryOptions) {}

  async lookup(symbol: string): Promise<SymbolLookup> {
    const { marketData } = this.options;
    const inBundle = (await this.bundledSet()).has(symbol);
    const bundledOnly: SymbolLookup = {
      kind: 'known',
      symbol,
      source: 'bundled',
      lastPrice: null,
      lastPriceAt: null,
    };
    if (marketData === null) {
      return inBundle ? bundledOnly : { kind: 'unknown', symbol, hint: 'the bundled data does not have it' };
    }
    const answer = (
      await marketData.getQuotes([symbol], { timeoutMs: this.options.timeoutMs ?? 10_000 })
    ).get(symbol);
    if (answer?.ok) {
      const q = answer.quote;
      this.options.record?.({
        symbol,
        ts: q.ts,
        bid: q.bid,
        ask: q.ask,
        last: q.last,
        source: marketData.name,
        tickId: null,
      });
      const price = q.last ?? q.bid ?? null;
      return {
        kind: 'known',
        symbol,
        source: marketData.name,
        lastPrice: price !== null && Number.isFinite(price) && price > 0 ? price : null,
        lastPriceAt: q.ts,
      };
    }
    if (inBundle) return bundledOnly;
    if (answer === undefined || answer.kind === 'not_found') {
      return {
        kind: 'unknown',
        symbol,
        hint:
          marketData.name === 'replay'
            ? 'the demo trades the bundled symbols only'
            : `neither ${providerWords(marketData.name)} nor the bundled data has it`,
      };
    }
    return {
      kind: 'unavailable',
      symbol,
      message: `${providerWords(marketData.name)} could not be asked (${answer.error})`,
    };
  }

  private bundledSet(): Promise<ReadonlySet<string>> {
    this.bundled ??= this.options
      .bundledSymbols()
      .then((list) => new Set(list.map((s) => s.toUpperCase())))
      .catch(() => new Set<string>());
    return this.bundled;
  }
}

function providerWords(name: string): string {
  return name === 'yahoo' ? 'Yahoo Finance' : `the ${name} provider`;
}
