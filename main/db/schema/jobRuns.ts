import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The last date each daily job completed, for catch-up after downtime (SPEC 4.3). */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    tenantId: text('tenant_id').notNull(),
    job: text('job').notNull(),
    lastCompletedDate: text('last_completed_date').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.job], name: 'job_runs_pk' })],
);
