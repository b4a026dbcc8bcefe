import { and, asc, desc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { QuoteLogEntry, QuoteLogRepository } from '../../../shared/ports/QuoteLogRepository';
import type Database from 'better-sqlite3';
import type { Orm } from '../openDatabase';
import { quoteLog } from '../schema';

export class SqliteQuoteLogRepository implements QuoteLogRepository {
  /** Prepared once and run per entry: every tick logs one quote per symbol (bench/tick.bench.ts). */
  private readonly insert: Database.Statement<
    [string | null, string, number, number | null, number | null, number | null, string, string | null]
  >;
  private readonly appendAll: (tenantId: string | null, entries: readonly QuoteLogEntry[]) => void;

  constructor(
    private readonly orm: Orm,
    sqlite: Database.Database,
  ) {
    this.insert = sqlite.prepare(
      'INSERT INTO quote_log (tenant_id, symbol, ts, bid, ask, last, source, tick_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.appendAll = sqlite.transaction((tenantId: string | null, entries: readonly QuoteLogEntry[]) => {
      for (const e of entries)
        this.insert.run(tenantId, e.symbol, e.ts, e.bid, e.ask, e.last, e.source, e.tickId);
    });
  }

  /** All or nothing (a savepoint inside the caller's transaction). */
  append(tenantId: string | null, entries: readonly QuoteLogEntry[]): void {
    if (entries.length > 0) this.appendAll(tenantId, entries);
  }

  list(tenantId: string | null, symbol: string, fromTs: number, toTs: number): QuoteLogEntry[] {
    return this.orm
      .select(COLUMNS)
      .from(quoteLog)
      .where(and(ofSymbol(tenantId, symbol), gte(quoteLog.ts, fromTs), lt(quoteLog.ts, toTs)))
      .orderBy(asc(quoteLog.ts), asc(quoteLog.id))
      .all();
  }

  /** One indexed read (tenant, symbol, ts) from the newest end. */
  latest(tenantId: string | null, symbol: string): QuoteLogEntry | null {
    return (
      this.orm
        .select(COLUMNS)
        .from(quoteLog)
        .where(ofSymbol(tenantId, symbol))
        .orderBy(desc(quoteLog.ts), desc(quoteLog.id))
        .limit(1)
        .get() ?? null
    );
  }
}

/** One symbol's quotes in exactly the scope asked for (null: shared market data). */
function ofSymbol(tenantId: string | null, symbol: string) {
  return and(
    tenantId === null ? isNull(quoteLog.tenantId) : eq(quoteLog.tenantId, tenantId),
    eq(quoteLog.symbol, symbol),
  );
}

const COLUMNS = {
  symbol: quoteLog.symbol,
  ts: quoteLog.ts,
  bid: quoteLog.bid,
  ask: quoteLog.ask,
  last: quoteLog.last,
  source: quoteLog.source,
  tickId: quoteLog.tickId,
};
