import { sql } from 'drizzle-orm';
import { check, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Commission rates (SPEC 2.7): GLOBAL (no tenant), TENANT, TENANT_ASSET (tenant + symbol).
 * One row per key: a partial unique index per scope (NULLs would not collide in one plain index).
 */
export const commissionRates = sqliteTable(
  'commission_rates',
  {
    id: text('id').primaryKey(),
    scope: text('scope', { enum: ['GLOBAL', 'TENANT', 'TENANT_ASSET'] }).notNull(),
    tenantId: text('tenant_id'),
    symbol: text('symbol'),
    rate: real('rate').notNull(),
    minimumCents: integer('minimum_cents').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('commission_rates_global_uq')
      .on(t.scope)
      .where(sql`${t.scope} = 'GLOBAL'`),
    uniqueIndex('commission_rates_tenant_uq')
      .on(t.tenantId)
      .where(sql`${t.scope} = 'TENANT'`),
    uniqueIndex('commission_rates_tenant_asset_uq')
      .on(t.tenantId, t.symbol)
      .where(sql`${t.scope} = 'TENANT_ASSET'`),
    check(
      'commission_rates_scope_ck',
      sql`(${t.scope} = 'GLOBAL' AND ${t.tenantId} IS NULL AND ${t.symbol} IS NULL) OR (${t.scope} = 'TENANT' AND ${t.tenantId} IS NOT NULL AND ${t.symbol} IS NULL) OR (${t.scope} = 'TENANT_ASSET' AND ${t.tenantId} IS NOT NULL AND ${t.symbol} IS NOT NULL)`,
    ),
    check(
      'commission_rates_minimum_ck',
      sql`typeof(${t.minimumCents}) = 'integer' AND ${t.minimumCents} >= 0`,
    ),
  ],
);
