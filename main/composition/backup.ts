import path from 'node:path';
import { restoreDatabase, type RestoreResult } from '../db/backupRestore';
import { fileStamp } from '../db/backups';

/** `<dataDir>/backups/<db name>-<UTC stamp>.db`. */
export function defaultBackupFile(dataDir: string, dbFile: string, at: Date): string {
  return path.join(dataDir, 'backups', `${path.basename(dbFile, '.db')}-${fileStamp(at)}.db`);
}

/**
 * Replaces the database with a backup after verifying it (quick check, ours, every hash chain). The
 * backend using the file must be stopped first (the writer lock is taken; a running one makes this a
 * `locked` failure). The replaced file is kept beside it.
 */
export function restoreBackup(fromFile: string, databaseFile: string): Promise<RestoreResult> {
  return restoreDatabase(fromFile, databaseFile);
}
