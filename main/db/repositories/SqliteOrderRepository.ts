import type Database from 'better-sqlite3';
import { and, desc, eq, gte, lt, notInArray, sql } from 'drizzle-orm';
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

/** The columns of an order, in the order `fromArray` reads them. */
const COLUMNS =
  'id, tenant_id, position_id, tick_id, side, qty, price, price_policy, commission, status, ' +
  'dedupe_key, filled_qty, reasons, created_at, updated_at';

type RawRow = [
  string,
  string,
  string,
  string | null,
  OrderRecord['side'],
  number,
  number,
  OrderRecord['pricePolicy'],
  string,
  OrderStatus,
  string,
  number,
  string,
  number,
  number,
];

/**
 * Orders. The live loop's paths (a tick inserts one order per trade; the execution worker reads and
 * moves an order several times per fill) run on better-sqlite3 statements prepared once, rows read as
 * arrays (bench/tick.bench.ts, bench/drain.bench.ts); the rest goes through drizzle.
 */
export class SqliteOrderRepository implements OrderRepository {
  private readonly byId: Database.Statement<[string, string], RawRow>;
  /** A tenant's open orders (every tick), and one position's. */
  private readonly openOfTenant: Database.Statement<string[], RawRow>;
  private readonly openOfPosition: Database.Statement<string[], RawRow>;
  private readonly insertOnce: Database.Statement;
  private readonly move: Database.Statement;
  /** The order validator's rate counts (SPEC 9), prepared on first use (off until a limit is set). */
  private rateStatement: Database.Statement | undefined;

  constructor(
    private readonly orm: Orm,
    private readonly sqlite: Database.Database,
  ) {
    this.byId = sqlite
      .prepare<[string, string], RawRow>(`SELECT ${COLUMNS} FROM orders WHERE tenant_id = ? AND id = ?`)
      .raw(true);
    const open = `status IN (${OPEN_ORDER_STATUSES.map(() => '?').join(', ')})`;
    this.openOfTenant = sqlite
      .prepare<string[], RawRow>(
        `SELECT ${COLUMNS} FROM orders WHERE tenant_id = ? AND ${open} ORDER BY created_at, id`,
      )
      .raw(true);
    this.openOfPosition = sqlite
      .prepare<string[], RawRow>(
        `SELECT ${COLUMNS} FROM orders WHERE tenant_id = ? AND ${open} AND position_id = ? ORDER BY created_at, id`,
      )
      .raw(true);
    // Both dedupe key and (tick, position) are unique: a repeat of either is ignored, not an error.
    this.insertOnce = sqlite.prepare(
      `INSERT INTO orders (${COLUMNS}) VALUES (@id, @tenantId, @positionId, @tickId, @side, @qty, @price, ` +
        '@pricePolicy, @commission, @status, @dedupeKey, @filledQty, @reasons, @createdAt, @updatedAt) ' +
        'ON CONFLICT DO NOTHING',
    );
    // A field left null keeps its value: one statement serves every kind of move.
    this.move = sqlite.prepare(
      'UPDATE orders SET status = @status, filled_qty = coalesce(@filledQty, filled_qty), ' +
        'qty = coalesce(@qty, qty), price = coalesce(@price, price), updated_at = @updatedAt ' +
        'WHERE tenant_id = @tenantId AND id = @id AND status = @expected',
    );
  }

  insert(tenantId: string, order: OrderRecord): boolean {
    assertTenant(tenantId, order.tenantId);
    return (
      this.insertOnce.run({
        id: order.id,
        tenantId: order.tenantId,
        positionId: order.positionId,
        tickId: order.tickId,
        side: order.side,
        qty: order.qty,
        price: order.price,
        pricePolicy: order.pricePolicy,
        commission: JSON.stringify(order.commission),
        status: order.status,
        dedupeKey: order.dedupeKey,
        filledQty: order.filledQty,
        reasons: JSON.stringify(order.reasons),
        createdAt: order.createdAt,
        updatedAt: order.updatedAt,
      }).changes === 1
    );
  }

  get(tenantId: string, orderId: string): OrderRecord | null {
    const row = this.byId.get(tenantId, orderId);
    return row ? fromArray(row) : null;
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
    const rows =
      positionId === undefined
        ? this.openOfTenant.all(tenantId, ...OPEN_ORDER_STATUSES)
        : this.openOfPosition.all(tenantId, ...OPEN_ORDER_STATUSES, positionId);
    return rows.map(fromArray);
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

  countCreatedForRate(
    tenantId: string,
    symbol: string,
    fromMs: number,
    toMs: number,
  ): { all: number; symbol: number } {
    this.rateStatement ??= this.sqlite.prepare(
      `SELECT count(*), coalesce(sum(p.symbol = ?), 0) FROM orders o JOIN positions p ON p.id = o.position_id
       WHERE o.tenant_id = ? AND o.created_at >= ? AND o.created_at < ? AND o.status != 'REJECTED'`,
    );
    const row = this.rateStatement.raw(true).get(symbol, tenantId, fromMs, toMs) as [number, number];
    return { all: row[0], symbol: row[1] };
  }
}

/** A row read as an array (COLUMNS order), JSON columns parsed as drizzle's json mode does. */
function fromArray(r: RawRow): OrderRecord {
  return {
    id: r[0],
    tenantId: r[1],
    positionId: r[2],
    tickId: r[3],
    side: r[4],
    qty: r[5],
    price: r[6],
    pricePolicy: r[7],
    commission: JSON.parse(r[8]) as OrderRecord['commission'],
    status: r[9],
    dedupeKey: r[10],
    filledQty: r[11],
    reasons: JSON.parse(r[12]) as OrderRecord['reasons'],
    createdAt: r[13],
    updatedAt: r[14],
  };
}
