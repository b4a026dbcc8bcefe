import type Database from 'better-sqlite3';

/**
 * Just after the newest instant written to the log (the later of the newest event's time and record
 * time), or undefined when the log is empty: the demo's clock resumes no earlier (ADR 0075).
 */
export function newestEventTime(sqlite: Database.Database): number | undefined {
  const row = sqlite
    .prepare('SELECT max(ts, recorded_at) AS t FROM events ORDER BY id DESC LIMIT 1')
    .get() as { t: number } | undefined;
  return row === undefined ? undefined : row.t + 1;
}
