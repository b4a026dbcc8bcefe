import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes a migration for schema changes; `--custom` for hand-written SQL (triggers). */
export default defineConfig({
  dialect: 'sqlite',
  schema: './main/db/schema/*.ts',
  out: './main/db/migrations',
});
