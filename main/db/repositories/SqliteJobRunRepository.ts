import { and, eq, sql } from 'drizzle-orm';
import type { JobRunRepository } from '../../../shared/ports/JobRunRepository';
import type { Orm } from '../openDatabase';
import { jobRuns } from '../schema';

export class SqliteJobRunRepository implements JobRunRepository {
  constructor(private readonly orm: Orm) {}

  lastCompletedDate(tenantId: string, job: string): string | null {
    const row = this.orm
      .select({ date: jobRuns.lastCompletedDate })
      .from(jobRuns)
      .where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.job, job)))
      .get();
    return row?.date ?? null;
  }

  markCompleted(tenantId: string, job: string, date: string, at: number): void {
    this.orm
      .insert(jobRuns)
      .values({ tenantId, job, lastCompletedDate: date, updatedAt: at })
      .onConflictDoUpdate({
        target: [jobRuns.tenantId, jobRuns.job],
        set: { lastCompletedDate: date, updatedAt: at },
        setWhere: sql`${jobRuns.lastCompletedDate} < ${date}`,
      })
      .run();
  }
}
