import { foreignKey, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { StrategyConfig } from '../../../shared/domain/Config';
import { tenants } from './tenants';

/** A portfolio and its strategy config: the defaults every position inherits (config store, SPEC 3). */
export const portfolios = sqliteTable(
  'portfolios',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    baseCurrency: text('base_currency').notNull(),
    /** A full StrategyConfig (trigger, sizing, guardrails, order policy, execution settings) as JSON. */
    config: text('config', { mode: 'json' }).$type<StrategyConfig>().notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('portfolios_tenant_id_uq').on(t.tenantId, t.id),
    index('portfolios_tenant_idx').on(t.tenantId, t.createdAt),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'portfolios_tenant_fk' }),
  ],
);
