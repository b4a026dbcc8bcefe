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

/**
 * The date ranges of `price_history` already asked of a source, merged (SPEC 5: the provider's history,
 * cached). Bars alone cannot tell a holiday or a day the provider lacks from a day never fetched; these
 * rows can, so a range that was fetched is never fetched again.
 */
export const priceHistoryRanges = sqliteTable(
  'price_history_ranges',
  {
    symbol: text('symbol').notNull(),
    source: text('source').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.symbol, t.source, t.fromDate], name: 'price_history_ranges_pk' })],
);
