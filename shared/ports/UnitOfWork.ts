/**
 * Runs `fn` in ONE database transaction: everything it writes commits together or not at all.
 * Synchronous on purpose (STYLE habit 8): fetch quotes and other I/O first, then call this.
 * A throw rolls back and rethrows; nested calls join the outer transaction (as a savepoint).
 */
export interface UnitOfWork {
  transaction<T>(fn: () => T): T;
}
