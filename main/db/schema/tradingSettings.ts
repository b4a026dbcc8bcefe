import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A tenant's trading settings that belong to no portfolio (SPEC 4.2): the paper broker's slippage.
 * One row per tenant, written with its ConfigChanged event (scope TENANT); no row = the built-in default.
 */
export const tradingSettings = sqliteTable('trading_settings', {
  tenantId: text('tenant_id').primaryKey(),
  paperSlippageBps: real('paper_slippage_bps').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
