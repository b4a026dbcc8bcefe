/** Why the database could not be opened. Each message says what to do next. */
export type DatabaseOpenErrorCode =
  'locked' | 'unreadable' | 'corrupt' | 'not_ours' | 'too_new' | 'migration_failed';

/**
 * Opening failed and nothing was changed: the file is never overwritten or "repaired" (docs/adr/0003).
 * The app shows `message` and stops.
 */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly code: DatabaseOpenErrorCode,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
