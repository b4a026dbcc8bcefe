import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { TradeRecord, TradeRepository } from '../../../shared/ports/TradeRepository';
import type { Orm } from '../openDatabase';
import { trades } from '../schema';
import { assertTenant } from './SqlitePortfolioRepository';

export class SqliteTradeRepository implements TradeRepository {
  /** Prepared once: one insert per fill. */
  private readonly insertOnce;

  constructor(private readonly orm: Orm) {
    this.insertOnce = orm
      .insert(trades)
      .values({
        id: sql.placeholder('id'),
        tenantId: sql.placeholder('tenantId'),
        orderId: sql.placeholder('orderId'),
        positionId: sql.placeholder('positionId'),
        side: sql.placeholder('side'),
        qty: sql.placeholder('qty'),
        price: sql.placeholder('price'),
        notionalCents: sql.placeholder('notionalCents'),
        commissionCents: sql.placeholder('commissionCents'),
        brokerRef: sql.placeholder('brokerRef'),
        executedAt: sql.placeholder('executedAt'),
      })
      .onConflictDoNothing({ target: [trades.orderId, trades.brokerRef] })
      .prepare();
  }

  insert(tenantId: string, trade: TradeRecord): boolean {
    assertTenant(tenantId, trade.tenantId);
    return this.insertOnce.run({ ...trade }).changes === 1;
  }

  get(tenantId: string, tradeId: string): TradeRecord | null {
    return (
      this.orm
        .select()
        .from(trades)
        .where(and(eq(trades.tenantId, tenantId), eq(trades.id, tradeId)))
        .get() ?? null
    );
  }

  listByOrder(tenantId: string, orderId: string): TradeRecord[] {
    return this.orm
      .select()
      .from(trades)
      .where(and(eq(trades.tenantId, tenantId), eq(trades.orderId, orderId)))
      .orderBy(trades.executedAt, trades.id)
      .all();
  }

  listByPosition(tenantId: string, positionId: string, limit = 100): TradeRecord[] {
    return this.orm
      .select()
      .from(trades)
      .where(and(eq(trades.tenantId, tenantId), eq(trades.positionId, positionId)))
      .orderBy(desc(trades.executedAt), desc(trades.id))
      .limit(limit)
      .all();
  }

  sumNotionalCentsBetween(tenantId: string, positionId: string, fromMs: number, toMs: number): number {
    const row = this.orm
      .select({ total: sql<number>`coalesce(sum(${trades.notionalCents}), 0)` })
      .from(trades)
      .where(
        and(
          eq(trades.tenantId, tenantId),
          eq(trades.positionId, positionId),
          gte(trades.executedAt, fromMs),
          lt(trades.executedAt, toMs),
        ),
      )
      .get();
    return row?.total ?? 0;
  }
}
