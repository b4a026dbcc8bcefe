import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DailyBar } from '../../../shared/ports/MarketData';
import type { DateRange, PriceHistoryRepository } from '../../../shared/ports/PriceHistoryRepository';
import type { UnitOfWork } from '../../../shared/ports/UnitOfWork';
import type { Orm } from '../openDatabase';
import { priceHistory, priceHistoryRanges } from '../schema';

const CHUNK = 500;
const DAY_MS = 86_400_000;

/** The provider-history cache in `price_history` and `price_history_ranges` (no tenant: public data). */
export class SqlitePriceHistoryRepository implements PriceHistoryRepository {
  constructor(
    private readonly orm: Orm,
    private readonly uow: UnitOfWork,
  ) {}

  listBars(symbol: string, source: string, fromDate: string, toDate: string): DailyBar[] {
    return this.orm
      .select({
        date: priceHistory.date,
        open: priceHistory.open,
        high: priceHistory.high,
        low: priceHistory.low,
        close: priceHistory.close,
        volume: priceHistory.volume,
      })
      .from(priceHistory)
      .where(
        and(
          eq(priceHistory.symbol, symbol),
          eq(priceHistory.source, source),
          gte(priceHistory.date, fromDate),
          lte(priceHistory.date, toDate),
        ),
      )
      .orderBy(asc(priceHistory.date))
      .all()
      .map((r) => ({ ...r, volume: r.volume ?? Number.NaN }));
  }

  coveredRanges(symbol: string, source: string): DateRange[] {
    return this.orm
      .select({ from: priceHistoryRanges.fromDate, to: priceHistoryRanges.toDate })
      .from(priceHistoryRanges)
      .where(and(eq(priceHistoryRanges.symbol, symbol), eq(priceHistoryRanges.source, source)))
      .orderBy(asc(priceHistoryRanges.fromDate))
      .all();
  }

  saveFetched(
    symbol: string,
    source: string,
    range: DateRange,
    bars: readonly DailyBar[],
    fetchedAt: number,
  ): void {
    if (range.from > range.to) throw new Error(`saveFetched: empty range ${range.from}..${range.to}`);
    const outside = bars.find((b) => b.date < range.from || b.date > range.to);
    if (outside !== undefined)
      throw new Error(`saveFetched: bar ${outside.date} lies outside ${range.from}..${range.to}`);
    this.uow.transaction(() => {
      for (let at = 0; at < bars.length; at += CHUNK) {
        this.orm
          .insert(priceHistory)
          .values(
            bars.slice(at, at + CHUNK).map((b) => ({
              symbol,
              source,
              date: b.date,
              open: b.open,
              high: b.high,
              low: b.low,
              close: b.close,
              volume: Number.isFinite(b.volume) ? b.volume : null,
              fetchedAt,
            })),
          )
          .onConflictDoUpdate({
            target: [priceHistory.symbol, priceHistory.date, priceHistory.source],
            set: {
              open: excluded('open'),
              high: excluded('high'),
              low: excluded('low'),
              close: excluded('close'),
              volume: excluded('volume'),
              fetchedAt,
            },
          })
          .run();
      }
      const existing = this.coveredRanges(symbol, source);
      const touching = existing.filter((r) => r.from <= dayAfter(range.to) && dayAfter(r.to) >= range.from);
      const merged = touching.reduce(
        (m, r) => ({ from: r.from < m.from ? r.from : m.from, to: r.to > m.to ? r.to : m.to }),
        range,
      );
      for (const r of touching)
        this.orm
          .delete(priceHistoryRanges)
          .where(
            and(
              eq(priceHistoryRanges.symbol, symbol),
              eq(priceHistoryRanges.source, source),
              eq(priceHistoryRanges.fromDate, r.from),
            ),
          )
          .run();
      this.orm
        .insert(priceHistoryRanges)
        .values({ symbol, source, fromDate: merged.from, toDate: merged.to, fetchedAt })
        .run();
    });
  }

  listSymbols(source: string): string[] {
    return this.orm
      .selectDistinct({ symbol: priceHistory.symbol })
      .from(priceHistory)
      .where(eq(priceHistory.source, source))
      .orderBy(asc(priceHistory.symbol))
      .all()
      .map((r) => r.symbol);
  }
}

/** The value the conflicting INSERT proposed for a column (SQL name): the newer fetch wins. */
function excluded(column: 'open' | 'high' | 'low' | 'close' | 'volume') {
  return sql.raw(`excluded.${column}`);
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
