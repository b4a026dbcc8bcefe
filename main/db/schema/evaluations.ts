import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Idempotency index of evaluations: one EvaluationEvent per (tick, position) (SPEC 4.1.4). */
export const evaluations = sqliteTable(
  'evaluations',
  {
    tenantId: text('tenant_id').notNull(),
    tickId: text('tick_id').notNull(),
    positionId: text('position_id').notNull(),
    eventId: text('event_id').notNull(),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.tickId, t.positionId], name: 'evaluations_pk' })],
);
