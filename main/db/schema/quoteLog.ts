import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every quote the live loop used (SPEC 7). tenant_id NULL = market data shared by all tenants. */
export const quoteLog = sqliteTable(
  'quote_log',
  {
    id: integer('id').primaryKey({ autoIncrement: false }),
    tenantId: text('tenant_id'),
    symbol: text('symbol').notNull(),
    ts: integer('ts').notNull(),
    bid: real('bid'),
    ask: real('ask'),
    last: real('last'),
    source: text('source').notNull(),
    tickId: text('tick_id'),
  },
  (t) => [index('quote_log_symbol_ts_idx').on(t.tenantId, t.symbol, t.ts)],
);
