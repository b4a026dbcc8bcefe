/** A quote the live loop used (SPEC 7): the investor's own intraday history. */
export interface QuoteLogEntry {
  symbol: string;
  /** Quote time as the provider gave it, epoch ms. */
  ts: number;
  bid: number | null;
  ask: number | null;
  last: number | null;
  source: string;
  tickId: string | null;
}

/**
 * Quotes are market data, shared by tenants: `tenantId` null means a quote stored for everyone;
 * a tenant id keeps it private to that tenant. Reads see exactly the scope asked for.
 */
export interface QuoteLogRepository {
  append(tenantId: string | null, entries: readonly QuoteLogEntry[]): void;
  /** Oldest first, ts in [fromTs, toTs). */
  list(tenantId: string | null, symbol: string, fromTs: number, toTs: number): QuoteLogEntry[];
  /** The symbol's newest quote in the scope (by quote time), or null: the last known price when closed. */
  latest(tenantId: string | null, symbol: string): QuoteLogEntry | null;
}
