import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What the investor did with a dead intent (SPEC 4.2 dead-letter queue): re-queued (a new order through
 * the normal intent path) or discarded. The intent itself stays DEAD (a terminal state); a dead intent
 * without a row here is still waiting in the dead-letter queue. Written with its event, once per intent.
 */
export const deadLetterResolutions = sqliteTable(
  'dead_letter_resolutions',
  {
    intentId: text('intent_id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    action: text('action', { enum: ['REQUEUED', 'DISCARDED'] }).notNull(),
    /** The order created by a re-queue. */
    newOrderId: text('new_order_id'),
    by: text('by').notNull(),
    why: text('why'),
    resolvedAt: integer('resolved_at').notNull(),
  },
  (t) => [
    index('dead_letter_resolutions_tenant_idx').on(t.tenantId),
    check('dead_letter_resolutions_action_ck', sql`${t.action} IN ('REQUEUED', 'DISCARDED')`),
  ],
);
