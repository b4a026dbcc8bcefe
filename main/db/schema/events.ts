import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The append-only event log (SPEC 3). UPDATE and DELETE are refused by triggers (migration
 * `event_log_append_only`); `hash` chains each event to the previous one of its tenant
 * (main/db/eventLog/hashChain.ts). `payload` is JSON text, hashed exactly as stored.
 */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    portfolioId: text('portfolio_id'),
    positionId: text('position_id'),
    symbol: text('symbol'),
    ts: integer('ts').notNull(),
    recordedAt: integer('recorded_at').notNull(),
    type: text('type').notNull(),
    correlationId: text('correlation_id').notNull(),
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('events_tenant_idx').on(t.tenantId, t.id),
    index('events_position_idx').on(t.tenantId, t.positionId, t.id),
    index('events_type_idx').on(t.tenantId, t.type, t.id),
    index('events_correlation_idx').on(t.tenantId, t.correlationId),
    // SPEC 4.1.4: one EvaluationEvent per (tick, position). A tick's evaluations carry the tick id as
    // their correlation id, so the log itself refuses a second one (no separate index table to write).
    uniqueIndex('events_evaluation_tick_position_uq')
      .on(t.tenantId, t.correlationId, t.positionId)
      .where(sql`${t.type} = 'EvaluationEvent'`),
  ],
);
