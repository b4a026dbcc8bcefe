import type { UnitOfWork } from '../../ports/UnitOfWork';
import type { Failure, Result } from './Result';

class Rollback {
  constructor(readonly failure: Failure) {}
}

/**
 * Runs a use case in one transaction. A failure result rolls the transaction back (so a use case that
 * fails half-way leaves nothing behind) and is returned as the value; exceptions still propagate.
 */
export function inTransaction<T>(uow: UnitOfWork, fn: () => Result<T>): Result<T> {
  try {
    return uow.transaction(() => {
      const result = fn();
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.failure;
    throw err;
  }
}
