import Database from 'better-sqlite3';
import { DatabaseOpenError } from './DatabaseOpenError';

export interface WriterLock {
  readonly lockFile: string;
  release(): void;
}

/**
 * One writer per database file (docs/adr/0003). The lock is an exclusive SQLite lock on a sidecar file
 * `<db>.lock`, taken with `locking_mode=EXCLUSIVE` and a write and held until release. It is an OS file
 * lock, so the kernel drops it when the process dies, SIGKILL included: no stale pid files to clean up.
 * The database itself stays in normal WAL mode, so read-only connections (backups, workers) still work.
 */
export function acquireWriterLock(dbFile: string, nativeBinding?: string): WriterLock {
  const lockFile = `${dbFile}.lock`;
  let lock: Database.Database;
  try {
    lock = new Database(lockFile, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (cause) {
    throw new DatabaseOpenError(
      'unreadable',
      dbFile,
      `Cannot create the lock file ${lockFile} next to the database: ${(cause as Error).message}. Check that the folder exists and is writable.`,
      { cause },
    );
  }
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS writer (pid INTEGER NOT NULL, since INTEGER NOT NULL)');
    lock.exec('BEGIN EXCLUSIVE; DELETE FROM writer; COMMIT');
    lock.prepare('INSERT INTO writer (pid, since) VALUES (?, ?)').run(process.pid, Date.now());
  } catch (cause) {
    lock.close();
    if ((cause as { code?: string }).code === 'SQLITE_BUSY') {
      throw new DatabaseOpenError(
        'locked',
        dbFile,
        `Another Volatility Balancing instance is already using the database ${dbFile}. ` +
          'Only one instance may write to it at a time: close the other window or headless process first.',
        { cause },
      );
    }
    throw new DatabaseOpenError(
      'unreadable',
      dbFile,
      `Cannot lock ${lockFile}: ${(cause as Error).message}`,
      { cause },
    );
  }
  let released = false;
  return {
    lockFile,
    release() {
      if (released) return;
      released = true;
      lock.close();
    },
  };
}
