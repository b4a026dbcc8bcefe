import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type {
  DividendAccrualRecord,
  DividendAnnouncement,
  DividendRepository,
} from '../../../shared/ports/DividendRepository';
import type { Orm } from '../openDatabase';
import { dividendAccruals, dividendAnnouncements } from '../schema';
import { assertTenant } from './SqlitePortfolioRepository';

export class SqliteDividendRepository implements DividendRepository {
  constructor(private readonly orm: Orm) {}

  insertAnnouncement(
    tenantId: string,
    announcement: DividendAnnouncement,
  ): { inserted: boolean; announcement: DividendAnnouncement } {
    assertTenant(tenantId, announcement.tenantId);
    const inserted =
      this.orm
        .insert(dividendAnnouncements)
        .values(announcement)
        .onConflictDoNothing({
          target: [
            dividendAnnouncements.tenantId,
            dividendAnnouncements.symbol,
            dividendAnnouncements.exDate,
          ],
        })
        .run().changes === 1;
    const stored = this.orm
      .select()
      .from(dividendAnnouncements)
      .where(
        and(
          eq(dividendAnnouncements.tenantId, tenantId),
          eq(dividendAnnouncements.symbol, announcement.symbol),
          eq(dividendAnnouncements.exDate, announcement.exDate),
        ),
      )
      .get();
    if (!stored)
      throw new Error(`dividend announcement ${announcement.symbol} ${announcement.exDate} vanished`);
    return { inserted, announcement: stored };
  }

  getAnnouncement(tenantId: string, announcementId: string): DividendAnnouncement | null {
    return (
      this.orm
        .select()
        .from(dividendAnnouncements)
        .where(
          and(eq(dividendAnnouncements.tenantId, tenantId), eq(dividendAnnouncements.id, announcementId)),
        )
        .get() ?? null
    );
  }

  listAnnouncementsByExDate(tenantId: string, fromDate: string, toDate: string): DividendAnnouncement[] {
    return this.orm
      .select()
      .from(dividendAnnouncements)
      .where(
        and(
          eq(dividendAnnouncements.tenantId, tenantId),
          gte(dividendAnnouncements.exDate, fromDate),
          lte(dividendAnnouncements.exDate, toDate),
        ),
      )
      .orderBy(asc(dividendAnnouncements.exDate), asc(dividendAnnouncements.symbol))
      .all();
  }

  insertAccrual(tenantId: string, accrual: DividendAccrualRecord): boolean {
    assertTenant(tenantId, accrual.tenantId);
    return (
      this.orm
        .insert(dividendAccruals)
        .values(accrual)
        .onConflictDoNothing({ target: [dividendAccruals.positionId, dividendAccruals.announcementId] })
        .run().changes === 1
    );
  }

  getAccrual(tenantId: string, positionId: string, announcementId: string): DividendAccrualRecord | null {
    return (
      this.orm
        .select()
        .from(dividendAccruals)
        .where(
          and(
            eq(dividendAccruals.tenantId, tenantId),
            eq(dividendAccruals.positionId, positionId),
            eq(dividendAccruals.announcementId, announcementId),
          ),
        )
        .get() ?? null
    );
  }

  listUnpaidDue(tenantId: string, date: string): DividendAccrualRecord[] {
    const payDate = sql`coalesce(${dividendAnnouncements.payDate}, ${dividendAnnouncements.exDate})`;
    return this.orm
      .select({ accrual: dividendAccruals })
      .from(dividendAccruals)
      .innerJoin(
        dividendAnnouncements,
        and(
          eq(dividendAnnouncements.tenantId, dividendAccruals.tenantId),
          eq(dividendAnnouncements.id, dividendAccruals.announcementId),
        ),
      )
      .where(
        and(eq(dividendAccruals.tenantId, tenantId), isNull(dividendAccruals.paidAt), lte(payDate, date)),
      )
      .orderBy(asc(payDate), asc(dividendAccruals.id))
      .all()
      .map((r) => r.accrual);
  }

  markPaid(tenantId: string, accrualId: string, paidAt: number): boolean {
    return (
      this.orm
        .update(dividendAccruals)
        .set({ paidAt })
        .where(
          and(
            eq(dividendAccruals.tenantId, tenantId),
            eq(dividendAccruals.id, accrualId),
            isNull(dividendAccruals.paidAt),
          ),
        )
        .run().changes === 1
    );
  }

  listAccrualsByPosition(tenantId: string, positionId: string): DividendAccrualRecord[] {
    return this.orm
      .select()
      .from(dividendAccruals)
      .where(and(eq(dividendAccruals.tenantId, tenantId), eq(dividendAccruals.positionId, positionId)))
      .orderBy(asc(dividendAccruals.accruedAt), asc(dividendAccruals.id))
      .all();
  }
}
