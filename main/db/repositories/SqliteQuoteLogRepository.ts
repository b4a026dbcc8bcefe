import { and, asc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { QuoteLogEntry, QuoteLogRepository } from '../../../shared/ports/QuoteLogRepository';
import type { Orm } from '../openDatabase';
import { quoteLog } from '../schema';

export class SqliteQuoteLogRepository implements QuoteLogRepository {
  constructor(private readonly orm: Orm) {}

  append(tenantId: string | null, entries: readonly QuoteLogEntry[]): void {
    if (entries.length === 0) return;
    this.orm
      .insert(quoteLog)
      .values(entries.map((e) => ({ ...e, tenantId })))
      .run();
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
