import { and, desc, eq, gte, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type {
  OrderChanges,
  OrderRecord,
  OrderRepository,
  OrderStatus,
} from '../../../shared/ports/OrderRepository';
import { OPEN_ORDER_STATUSES } from '../../../shared/ports/OrderRepository';
import type { Orm } from '../openDatabase';
import { orders } from '../schema';
import { assertTenant } from './SqlitePortfolioRepository';

export class SqliteOrderRepository implements OrderRepository {
  /** Prepared once: the execution worker reads and moves an order several times per fill. */
  private readonly byId;
  private readonly move;

  constructor(private readonly orm: Orm) {
    this.byId = orm
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, sql.placeholder('tenantId')), eq(orders.id, sql.placeholder('id'))))
      .prepare();
    // A field left null keeps its value: one statement serves every kind of move.
    this.move = orm
      .update(orders)
      .set({
        status: sql`${sql.placeholder('status')}`,
        filledQty: sql`coalesce(${sql.placeholder('filledQty')}, ${orders.filledQty})`,
        qty: sql`coalesce(${sql.placeholder('qty')}, ${orders.qty})`,
        price: sql`coalesce(${sql.placeholder('price')}, ${orders.price})`,
        updatedAt: sql`${sql.placeholder('updatedAt')}`,
      })
      .where(
        and(
          eq(orders.tenantId, sql.placeholder('tenantId')),
          eq(orders.id, sql.placeholder('id')),
          eq(orders.status, sql.placeholder('expected')),
        ),
      )
      .prepare();
  }

  insert(tenantId: string, order: OrderRecord): boolean {
    assertTenant(tenantId, order.tenantId);
    // Both dedupe key and (tick, position) are unique: a repeat of either is ignored, not an error.
    return this.orm.insert(orders).values(order).onConflictDoNothing().run().changes === 1;
  }

  get(tenantId: string, orderId: string): OrderRecord | null {
    return this.byId.get({ tenantId, id: orderId }) ?? null;
  }

  getByDedupeKey(tenantId: string, dedupeKey: string): OrderRecord | null {
    return (
      this.orm
        .select()
        .from(orders)
        .where(and(eq(orders.tenantId, tenantId), eq(orders.dedupeKey, dedupeKey)))
        .get() ?? null
    );
  }

  transition(tenantId: string, orderId: string, expected: OrderStatus, changes: OrderChanges): boolean {
    const r = this.move.run({
      tenantId,
      id: orderId,
      expected,
      status: changes.status,
      filledQty: changes.filledQty ?? null,
      qty: changes.qty ?? null,
      price: changes.price ?? null,
      updatedAt: changes.updatedAt,
    });
    return r.changes === 1;
  }

  listByPosition(tenantId: string, positionId: string, limit = 100): OrderRecord[] {
    return this.orm
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, tenantId), eq(orders.positionId, positionId)))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(limit)
      .all();
  }

  listOpen(tenantId: string, positionId?: string): OrderRecord[] {
    const open = and(eq(orders.tenantId, tenantId), inArray(orders.status, [...OPEN_ORDER_STATUSES]));
    return this.orm
      .select()
      .from(orders)
      .where(positionId === undefined ? open : and(open, eq(orders.positionId, positionId)))
      .orderBy(orders.createdAt, orders.id)
      .all();
  }

  countActiveCreatedBetween(tenantId: string, positionId: string, fromMs: number, toMs: number): number {
    const row = this.orm
      .select({ n: sql<number>`count(*)` })
      .from(orders)
      .where(
        and(
          eq(orders.tenantId, tenantId),
          eq(orders.positionId, positionId),
          gte(orders.createdAt, fromMs),
          lt(orders.createdAt, toMs),
          notInArray(orders.status, ['REJECTED', 'CANCELLED']),
        ),
      )
      .get();
    return row?.n ?? 0;
  }
}
