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
import { positions } from './positions';

/** Dividend announcements, deduplicated by (symbol, ex-date) per tenant (SPEC 4.3). */
export const dividendAnnouncements = sqliteTable(
  'dividend_announcements',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    symbol: text('symbol').notNull(),
    exDate: text('ex_date').notNull(),
    payDate: text('pay_date'),
    amountPerShare: real('amount_per_share').notNull(),
    currency: text('currency').notNull(),
    withholdingTaxPct: real('withholding_tax_pct'),
    source: text('source').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('dividend_announcements_tenant_id_uq').on(t.tenantId, t.id),
    uniqueIndex('dividend_announcements_symbol_ex_uq').on(t.tenantId, t.symbol, t.exDate),
    index('dividend_announcements_ex_idx').on(t.tenantId, t.exDate),
  ],
);

/** One accrual per (position, announcement): each dividend step happens exactly once (SPEC 4.3). */
export const dividendAccruals = sqliteTable(
  'dividend_accruals',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    positionId: text('position_id').notNull(),
    announcementId: text('announcement_id').notNull(),
    qtyEligible: real('qty_eligible').notNull(),
    grossCents: integer('gross_cents').notNull(),
    withholdingCents: integer('withholding_cents').notNull(),
    netCents: integer('net_cents').notNull(),
    accruedAt: integer('accrued_at').notNull(),
    paidAt: integer('paid_at'),
  },
  (t) => [
    uniqueIndex('dividend_accruals_position_announcement_uq').on(t.positionId, t.announcementId),
    index('dividend_accruals_unpaid_idx').on(t.tenantId, t.paidAt),
    foreignKey({
      columns: [t.tenantId, t.positionId],
      foreignColumns: [positions.tenantId, positions.id],
      name: 'dividend_accruals_position_fk',
    }),
    foreignKey({
      columns: [t.tenantId, t.announcementId],
      foreignColumns: [dividendAnnouncements.tenantId, dividendAnnouncements.id],
      name: 'dividend_accruals_announcement_fk',
    }),
    check(
      'dividend_accruals_cents_ck',
      sql`typeof(${t.grossCents}) = 'integer' AND typeof(${t.withholdingCents}) = 'integer' AND typeof(${t.netCents}) = 'integer'`,
    ),
  ],
);
