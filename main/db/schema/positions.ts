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
import type { StrategyConfigOverride } from '../../../shared/domain/Config';
import { portfolios } from './portfolios';

/** Canonical position state (SPEC 3). Money is integer cents; qty and anchor are REAL. */
export const positions = sqliteTable(
  'positions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    portfolioId: text('portfolio_id').notNull(),
    symbol: text('symbol').notNull(),
    qty: real('qty').notNull(),
    cashCents: integer('cash_cents').notNull(),
    receivableCents: integer('receivable_cents').notNull(),
    anchor: real('anchor'),
    status: text('status', { enum: ['ACTIVE', 'PAUSED', 'CLOSED'] }).notNull(),
    totalCommissionPaidCents: integer('total_commission_paid_cents').notNull(),
    totalDividendsGrossCents: integer('total_dividends_gross_cents').notNull(),
    totalDividendsNetCents: integer('total_dividends_net_cents').notNull(),
    configOverride: text('config_override', { mode: 'json' }).$type<StrategyConfigOverride>(),
    withholdingPct: real('withholding_pct'),
    version: integer('version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('positions_tenant_id_uq').on(t.tenantId, t.id),
    index('positions_tenant_portfolio_idx').on(t.tenantId, t.portfolioId, t.symbol),
    index('positions_tenant_status_idx').on(t.tenantId, t.status),
    // The composite key makes a position's portfolio belong to the same tenant, in the schema itself.
    foreignKey({
      columns: [t.tenantId, t.portfolioId],
      foreignColumns: [portfolios.tenantId, portfolios.id],
      name: 'positions_portfolio_fk',
    }),
    check('positions_status_ck', sql`${t.status} IN ('ACTIVE', 'PAUSED', 'CLOSED')`),
    check(
      'positions_cents_ck',
      sql`typeof(${t.cashCents}) = 'integer' AND typeof(${t.receivableCents}) = 'integer' AND typeof(${t.totalCommissionPaidCents}) = 'integer' AND typeof(${t.totalDividendsGrossCents}) = 'integer' AND typeof(${t.totalDividendsNetCents}) = 'integer'`,
    ),
  ],
);
