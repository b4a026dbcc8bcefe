import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { onlineBackup } from './backups';
import { DatabaseOpenError } from './DatabaseOpenError';
import { APPLICATION_ID } from './openDatabase';
import { acquireWriterLock } from './writerLock';

export interface FileBackup {
  file: string;
  pages: number;
  /**
   * 'running': another process (the app or the daemon) held the database, and the copy was taken with
   * SQLite's online backup while it ran (consistent as of the end of the copy); 'idle': nothing held it,
   * and the writer lock was held during the copy so nothing could start writing.
   */
  holder: 'running' | 'idle';
}

/**
 * `vb backup` (ADR 0121): copies a database file as it is, without opening it as the app does. It never
 * applies a staged restore, never migrates, and never creates a database: a missing file is an error.
 * The source is opened read-only; the copy is SQLite's online backup into a temporary name, flushed and
 * renamed when complete.
 */
export async function backupDatabaseFile(
  dbFile: string,
  destFile: string,
  options: { nativeBinding?: string } = {},
): Promise<FileBackup> {
  const source = path.resolve(dbFile);
  if (!fs.existsSync(source)) {
    throw new DatabaseOpenError('unreadable', source, `There is no database ${source}: nothing to back up.`);
  }
  let lock: ReturnType<typeof acquireWriterLock> | null = null;
  try {
    lock = acquireWriterLock(source, options.nativeBinding);
  } catch (err) {
    if (!(err instanceof DatabaseOpenError && err.code === 'locked')) throw err;
  }
  try {
    let db: Database.Database;
    try {
      db = new Database(source, {
        readonly: true,
        fileMustExist: true,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
    } catch (cause) {
      throw new DatabaseOpenError(
        'unreadable',
        source,
        `Cannot open the database ${source}: ${(cause as Error).message}.`,
        { cause },
      );
    }
    try {
      let appId: number;
      try {
        appId = db.pragma('application_id', { simple: true }) as number;
      } catch (cause) {
        throw new DatabaseOpenError(
          'unreadable',
          source,
          `The database ${source} cannot be read (${(cause as Error).message}); it was left untouched.`,
          { cause },
        );
      }
      if (appId !== APPLICATION_ID && appId !== 0) {
        throw new DatabaseOpenError(
          'not_ours',
          source,
          `${source} is not a Volatility Balancing database; nothing was copied.`,
        );
      }
      const copied = await onlineBackup(db, path.resolve(destFile));
      return { ...copied, holder: lock === null ? 'running' : 'idle' };
    } finally {
      db.close();
    }
  } finally {
    lock?.release();
  }
}
