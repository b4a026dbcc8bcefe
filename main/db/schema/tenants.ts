import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The root of isolation: every other table carries a tenant_id referring to `tenants.id` (SPEC 3). */
export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
});
