import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { QuoteLogEntry, QuoteLogRepository } from '../../../shared/ports/QuoteLogRepository';
import type Database from 'better-sqlite3';
import type { Orm } from '../openDatabase';
import { quoteLog } from '../schema';

export class SqliteQuoteLogRepository implements QuoteLogRepository {
  /** Prepared once and run per entry: every tick logs one quote per symbol (bench/tick.bench.ts). */
  private readonly insert;

  constructor(private readonly orm: Orm) {
    this.insert = orm
      .insert(quoteLog)
      .values({
        tenantId: sql.placeholder('tenantId'),
        symbol: sql.placeholder('symbol'),
        ts: sql.placeholder('ts'),
        bid: sql.placeholder('bid'),
        ask: sql.placeholder('ask'),
        last: sql.placeholder('last'),
        source: sql.placeholder('source'),
        tickId: sql.placeholder('tickId'),
      })
      .prepare();
  }

  /** All or nothing (a savepoint inside the caller's transaction). */
  append(tenantId: string | null, entries: readonly QuoteLogEntry[]): void {
    if (entries.length === 0) return;
    (this.orm as Orm & { $client: Database.Database }).$client.transaction(() => {
      for (const e of entries) this.insert.run({ ...e, tenantId });
    })();
  }

  list(tenantId: string | null, symbol: string, fromTs: number, toTs: number): QuoteLogEntry[] {
    return this.orm
      .select({
        symbol: quoteLog.symbol,
        ts: quoteLog.ts,
        bid: quoteLog.bid,
        ask: quoteLog.ask,
        last: quoteLog.last,
        source: quoteLog.source,
        tickId: quoteLog.tickId,
      })
      .from(quoteLog)
      .where(
        and(
          tenantId === null ? isNull(quoteLog.tenantId) : eq(quoteLog.tenantId, tenantId),
          eq(quoteLog.symbol, symbol),
          gte(quoteLog.ts, fromTs),
          lt(quoteLog.ts, toTs),
        ),
      )
      .orderBy(asc(quoteLog.ts), asc(quoteLog.id))
      .all();
  }
}
