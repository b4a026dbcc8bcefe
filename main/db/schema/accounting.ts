import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * SPEC 8 "Equity history": one row per position and per portfolio total (`position_id` = '') at each
 * session close, rebuilt from the event log and price history (derived data: it can always be rebuilt,
 * so it is a table that may be replaced, unlike the event log).
 */
export const equityHistory = sqliteTable(
  'equity_history',
  {
    tenantId: text('tenant_id').notNull(),
    portfolioId: text('portfolio_id').notNull(),
    /** '' for the portfolio's total. */
    positionId: text('position_id').notNull(),
    date: text('date').notNull(),
    marketValueCents: integer('market_value_cents').notNull(),
    cashCents: integer('cash_cents').notNull(),
    receivableCents: integer('receivable_cents').notNull(),
    costCents: integer('cost_cents').notNull(),
    realisedCents: integer('realised_cents').notNull(),
    unrealisedCents: integer('unrealised_cents').notNull(),
    dividendsCents: integer('dividends_cents').notNull(),
    commissionsCents: integer('commissions_cents').notNull(),
    flowsCents: integer('flows_cents').notNull(),
    dayFlowCents: integer('day_flow_cents').notNull(),
    equityCents: integer('equity_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.portfolioId, t.positionId, t.date], name: 'equity_history_pk' }),
    index('equity_history_date_idx').on(t.tenantId, t.date),
  ],
);

/** SPEC 8 settings of a portfolio: lot method, the optional day-trade limit, the benchmark. */
export const accountingSettings = sqliteTable(
  'accounting_settings',
  {
    tenantId: text('tenant_id').notNull(),
    portfolioId: text('portfolio_id').notNull(),
    lotMethod: text('lot_method', { enum: ['FIFO', 'LIFO', 'HIFO'] }).notNull(),
    maxDayTrades: integer('max_day_trades'),
    dayTradeMinEquityCents: integer('day_trade_min_equity_cents').notNull(),
    dayTradeMode: text('day_trade_mode', { enum: ['warn', 'block'] }).notNull(),
    benchmark: text('benchmark').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.portfolioId], name: 'accounting_settings_pk' })],
);
