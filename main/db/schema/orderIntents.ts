import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orders } from './orders';

/** The durable order queue drained by the ExecutionWorker (SPEC 4.2). */
export const orderIntents = sqliteTable(
  'order_intents',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    orderId: text('order_id').notNull(),
    status: text('status', { enum: ['QUEUED', 'PROCESSING', 'DONE', 'FAILED', 'DEAD'] }).notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('order_intents_order_uq').on(t.orderId),
    // Due order is (next_attempt_at, id): with id in the index a claim reads the due rows in order and
    // stops at its limit, instead of sorting every due row of the queue (bench/drain.bench.ts).
    index('order_intents_due_idx').on(t.tenantId, t.status, t.nextAttemptAt, t.id),
    foreignKey({
      columns: [t.tenantId, t.orderId],
      foreignColumns: [orders.tenantId, orders.id],
      name: 'order_intents_order_fk',
    }),
    check('order_intents_status_ck', sql`${t.status} IN ('QUEUED', 'PROCESSING', 'DONE', 'FAILED', 'DEAD')`),
  ],
);
