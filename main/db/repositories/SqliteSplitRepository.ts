import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { SplitRepository, StockSplit } from '../../../shared/ports/SplitRepository';
import type { Orm } from '../openDatabase';
import { splitApplications, splits } from '../schema';
import { assertTenant } from './SqlitePortfolioRepository';

export class SqliteSplitRepository implements SplitRepository {
  constructor(private readonly orm: Orm) {}

  insertSplit(tenantId: string, split: StockSplit): { inserted: boolean; split: StockSplit } {
    assertTenant(tenantId, split.tenantId);
    const inserted =
      this.orm
        .insert(splits)
        .values(split)
        .onConflictDoNothing({ target: [splits.tenantId, splits.symbol, splits.effectiveDate] })
        .run().changes === 1;
    const stored = this.orm
      .select()
      .from(splits)
      .where(
        and(
          eq(splits.tenantId, tenantId),
          eq(splits.symbol, split.symbol),
          eq(splits.effectiveDate, split.effectiveDate),
        ),
      )
      .get();
    if (!stored) throw new Error(`split ${split.symbol} ${split.effectiveDate} vanished`);
    return { inserted, split: stored };
  }

  listByEffectiveDate(tenantId: string, fromDate: string, toDate: string): StockSplit[] {
    return this.orm
      .select()
      .from(splits)
      .where(
        and(
          eq(splits.tenantId, tenantId),
          gte(splits.effectiveDate, fromDate),
          lte(splits.effectiveDate, toDate),
        ),
      )
      .orderBy(asc(splits.effectiveDate), asc(splits.symbol))
      .all();
  }

  recordApplication(
    tenantId: string,
    entry: { splitId: string; positionId: string; eventId: string; appliedAt: number },
  ): boolean {
    return (
      this.orm
        .insert(splitApplications)
        .values({ tenantId, ...entry })
        .onConflictDoNothing({ target: [splitApplications.splitId, splitApplications.positionId] })
        .run().changes === 1
    );
  }

  isApplied(tenantId: string, splitId: string, positionId: string): boolean {
    return (
      this.orm
        .select({ one: splitApplications.splitId })
        .from(splitApplications)
        .where(
          and(
            eq(splitApplications.tenantId, tenantId),
            eq(splitApplications.splitId, splitId),
            eq(splitApplications.positionId, positionId),
          ),
        )
        .get() !== undefined
    );
  }
}
