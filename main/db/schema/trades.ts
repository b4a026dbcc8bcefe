import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { orders } from './orders';
import { positions } from './positions';

/** Executions (fills). A fill is recorded once: unique per (order, broker ref) (SPEC 4.2). */
export const trades = sqliteTable(
  'trades',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    orderId: text('order_id').notNull(),
    positionId: text('position_id').notNull(),
    side: text('side', { enum: ['BUY', 'SELL'] }).notNull(),
    qty: real('qty').notNull(),
    price: real('price').notNull(),
    notionalCents: integer('notional_cents').notNull(),
    commissionCents: integer('commission_cents').notNull(),
    brokerRef: text('broker_ref').notNull(),
    executedAt: integer('executed_at').notNull(),
  },
  (t) => [
    uniqueIndex('trades_order_broker_ref_uq').on(t.orderId, t.brokerRef),
    index('trades_position_executed_idx').on(t.tenantId, t.positionId, t.executedAt),
    foreignKey({
      columns: [t.tenantId, t.orderId],
      foreignColumns: [orders.tenantId, orders.id],
      name: 'trades_order_fk',
    }),
    foreignKey({
      columns: [t.tenantId, t.positionId],
      foreignColumns: [positions.tenantId, positions.id],
      name: 'trades_position_fk',
    }),
    check('trades_side_ck', sql`${t.side} IN ('BUY', 'SELL')`),
    check(
      'trades_cents_ck',
      sql`typeof(${t.notionalCents}) = 'integer' AND typeof(${t.commissionCents}) = 'integer'`,
    ),
  ],
);
