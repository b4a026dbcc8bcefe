/** Where a daily job got to, so a missed day is caught up in order (SPEC 4.3). */
export interface JobRunRepository {
  /** Last exchange date (yyyy-mm-dd) the job completed for this tenant, or null if never. */
  lastCompletedDate(tenantId: string, job: string): string | null;
  /** Records completion of `date`; never moves backwards (an older date is ignored). */
  markCompleted(tenantId: string, job: string, date: string, at: number): void;
}
