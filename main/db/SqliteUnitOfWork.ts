import type Database from 'better-sqlite3';
import type { UnitOfWork } from '../../shared/ports/UnitOfWork';

/**
 * One better-sqlite3 transaction per call (BEGIN IMMEDIATE: the write lock is taken up front, so a
 * transaction never fails half-way for lack of it). Nested calls become savepoints. After any rollback
 * the listeners (the event log's cached chain heads) are told to reload.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  private readonly run: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(
    sqlite: Database.Database,
    private readonly onRollback: () => void,
  ) {
    this.run = sqlite.transaction((fn: () => unknown) => {
      const result = fn();
      if (result instanceof Promise) {
        throw new TypeError(
          'UnitOfWork.transaction: the function returned a Promise; transactions are synchronous',
        );
      }
      return result;
    });
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.run.immediate(fn) as T;
    } catch (err) {
      this.onRollback();
      throw err;
    }
  }
}
