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
import type { CommissionSnapshot } from '../../../shared/domain/Commission';
import type { ReasonCode } from '../../../shared/domain/ReasonCode';
import { positions } from './positions';

/** Orders (intent to trade) with the commission snapshot taken at creation (SPEC 2.7, 4.2). */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    positionId: text('position_id').notNull(),
    tickId: text('tick_id'),
    side: text('side', { enum: ['BUY', 'SELL'] }).notNull(),
    qty: real('qty').notNull(),
    price: real('price').notNull(),
    pricePolicy: text('price_policy', { enum: ['MID', 'LAST', 'BID', 'ASK'] }).notNull(),
    commission: text('commission', { mode: 'json' }).$type<CommissionSnapshot>().notNull(),
    status: text('status', {
      enum: ['NEW', 'SUBMITTED', 'PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELLED'],
    }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    filledQty: real('filled_qty').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<ReasonCode[]>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_tenant_id_uq').on(t.tenantId, t.id),
    uniqueIndex('orders_dedupe_uq').on(t.tenantId, t.dedupeKey),
    // SPEC 4.1.4: one order per (tick, position). NULL tick ids (orders outside a tick) do not collide.
    uniqueIndex('orders_tick_position_uq').on(t.tenantId, t.tickId, t.positionId),
    index('orders_position_created_idx').on(t.tenantId, t.positionId, t.createdAt),
    index('orders_tenant_status_idx').on(t.tenantId, t.status),
    foreignKey({
      columns: [t.tenantId, t.positionId],
      foreignColumns: [positions.tenantId, positions.id],
      name: 'orders_position_fk',
    }),
    check('orders_side_ck', sql`${t.side} IN ('BUY', 'SELL')`),
    check(
      'orders_status_ck',
      sql`${t.status} IN ('NEW', 'SUBMITTED', 'PARTIALLY_FILLED', 'FILLED', 'REJECTED', 'CANCELLED')`,
    ),
  ],
);
