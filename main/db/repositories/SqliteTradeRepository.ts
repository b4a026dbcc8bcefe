import type Database from 'better-sqlite3';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { TradeRecord, TradeRepository } from '../../../shared/ports/TradeRepository';
import type { Orm } from '../openDatabase';
import { trades } from '../schema';
import { assertTenant } from './SqlitePortfolioRepository';

export class SqliteTradeRepository implements TradeRepository {
  /** Prepared once: one insert per fill (bench/drain.bench.ts). */
  private readonly insertOnce: Database.Statement<TradeRecord>;

  constructor(
    private readonly orm: Orm,
    sqlite: Database.Database,
  ) {
    this.insertOnce = sqlite.prepare(
      'INSERT INTO trades (id, tenant_id, order_id, position_id, side, qty, price, notional_cents, ' +
        'commission_cents, broker_ref, executed_at) VALUES (@id, @tenantId, @orderId, @positionId, @side, ' +
        '@qty, @price, @notionalCents, @commissionCents, @brokerRef, @executedAt) ' +
        'ON CONFLICT (order_id, broker_ref) DO NOTHING',
    );
  }

  insert(tenantId: string, trade: TradeRecord): boolean {
    assertTenant(tenantId, trade.tenantId);
    return this.insertOnce.run(trade).changes === 1;
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
