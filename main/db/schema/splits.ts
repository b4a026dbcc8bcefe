import { foreignKey, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { positions } from './positions';

/** Stock splits as corporate actions, per tenant like dividend announcements (SPEC 4.3). */
export const splits = sqliteTable(
  'splits',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    symbol: text('symbol').notNull(),
    effectiveDate: text('effective_date').notNull(),
    ratio: real('ratio').notNull(),
    source: text('source').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('splits_tenant_id_uq').on(t.tenantId, t.id),
    uniqueIndex('splits_symbol_date_uq').on(t.tenantId, t.symbol, t.effectiveDate),
  ],
);

/** A split applied to a position, once (the event holds the details). */
export const splitApplications = sqliteTable(
  'split_applications',
  {
    tenantId: text('tenant_id').notNull(),
    splitId: text('split_id').notNull(),
    positionId: text('position_id').notNull(),
    eventId: text('event_id').notNull(),
    appliedAt: integer('applied_at').notNull(),
  },
  (t) => [
    uniqueIndex('split_applications_uq').on(t.splitId, t.positionId),
    foreignKey({
      columns: [t.tenantId, t.splitId],
      foreignColumns: [splits.tenantId, splits.id],
      name: 'split_applications_split_fk',
    }),
    foreignKey({
      columns: [t.tenantId, t.positionId],
      foreignColumns: [positions.tenantId, positions.id],
      name: 'split_applications_position_fk',
    }),
  ],
);
