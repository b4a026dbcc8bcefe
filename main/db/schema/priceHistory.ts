import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Cache of daily bars from a provider or an import (SPEC 5). Public market data with no owner, so
 * it is the one table without tenant_id (docs/adr/0002).
 */
export const priceHistory = sqliteTable(
  'price_history',
  {
    symbol: text('symbol').notNull(),
    date: text('date').notNull(),
    open: real('open').notNull(),
    high: real('high').notNull(),
    low: real('low').notNull(),
    close: real('close').notNull(),
    volume: integer('volume'),
    source: text('source').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.symbol, t.date, t.source], name: 'price_history_pk' })],
);
